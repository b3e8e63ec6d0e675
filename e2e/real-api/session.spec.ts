import type { Page } from '@playwright/test'
import { connect, expect, REAL_API_BASE_URL, recordApiRequests, test, TEST_KEYS } from '../support/real-api'

const SESSION_KEY = 'phone-numbers:api-key'

test('a wrong key is refused at the prompt; the right one opens the page for this tab only, until Disconnect', async ({
  page,
}) => {
  const sent = recordApiRequests(page)
  const wrongKey = 'sk_test_not_a_key_4f9c2'
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Connect to your workspace' })).toBeVisible()
  // A real-mode build offers no demo personas.
  await expect(page.getByText('demo_admin')).toHaveCount(0)
  const keyField = page.getByLabel('API key', { exact: true })
  await expect(keyField).toBeFocused()
  const connectButton = page.getByRole('button', { name: 'Connect', exact: true })

  await keyField.fill(wrongKey)
  const refused = page.waitForResponse(
    (r) => r.url() === `${REAL_API_BASE_URL}/v1/me` && r.request().method() === 'GET',
  )
  await connectButton.click()
  expect((await refused).status()).toBe(401)
  await expect(page.getByRole('alert')).toHaveText(
    'The server refused this key (401): it is unknown or has been revoked. Check it and try again.',
  )
  await expect(keyField).toHaveAttribute('aria-invalid', 'true')
  // The key is never echoed: not in the page's markup or text, not in the URL, not stored.
  expect(await page.content()).not.toContain(wrongKey)
  expect(page.url()).not.toContain(wrongKey)
  expect(await storage(page)).toEqual({ session: {}, local: {} })

  await keyField.fill(TEST_KEYS.admin)
  await connectButton.click()
  await expect(page.getByRole('heading', { name: 'Phone numbers', level: 1 })).toBeVisible()
  const header = page.getByRole('banner')
  await expect(header.locator('.workspace-name')).toHaveText('Acme Health')
  await expect(header).toContainText('Admin · key test-admin')
  await expect(page.getByRole('button', { name: 'Edit Main Support Line', exact: true })).toBeVisible()

  // Kept for this tab's session only, and sent only in the Authorization header.
  expect(await storage(page)).toEqual({ session: { [SESSION_KEY]: TEST_KEYS.admin }, local: {} })
  expect(page.url()).not.toContain(TEST_KEYS.admin)
  expect(await page.content()).not.toContain(TEST_KEYS.admin)
  expect(sent.length).toBeGreaterThan(0)
  for (const request of sent) expect(request.url).not.toContain(TEST_KEYS.admin)
  expect(sent.at(-1)?.authorization).toBe(`Bearer ${TEST_KEYS.admin}`)

  // A reload of the tab keeps the session: no prompt.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Phone numbers', level: 1 })).toBeVisible()
  await expect(header).toContainText('Admin · key test-admin')
  await expect(page.getByLabel('API key', { exact: true })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Edit Main Support Line', exact: true })).toBeVisible()

  await header.getByRole('button', { name: 'Disconnect' }).click()
  await expect(page.getByRole('heading', { name: 'Connect to your workspace' })).toBeVisible()
  await expect(page.getByLabel('API key', { exact: true })).toHaveValue('')
  await expect(page.getByRole('heading', { name: 'Phone numbers', level: 1 })).toHaveCount(0)
  expect(await storage(page)).toEqual({ session: {}, local: {} })

  // And after Disconnect a reload asks again.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Connect to your workspace' })).toBeVisible()
})

test('each key shows its role in the header', async ({ page }) => {
  const header = page.getByRole('banner')
  await connect(page, TEST_KEYS.support)
  await expect(header).toContainText('Acme Health · Support · key test-support')
  await header.getByRole('button', { name: 'Disconnect' }).click()

  await page.getByLabel('API key', { exact: true }).fill(TEST_KEYS.readonly)
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(header).toContainText('Acme Health · Read-only · key test-readonly')
})

async function storage(page: Page): Promise<{ session: Record<string, string>; local: Record<string, string> }> {
  return page.evaluate(() => ({ session: { ...sessionStorage }, local: { ...localStorage } }))
}
