import { connect, expect, recordApiRequests, test, TEST_KEYS } from '../support/real-api'

/**
 * The first paint against the real test server: on a load with a key, the page's inline script asks
 * for the first screen and the boot script draws it before React has loaded (src/app/first-paint/).
 * Held back here by holding the app's chunk: the rows are on screen and inert; once the app loads it
 * replaces them, adopting the same answers (each asked once), and the rows work.
 */
test('the rows show before the app has loaded, inert, and the app takes them over without asking again', async ({
  page,
}) => {
  await connect(page, TEST_KEYS.admin)
  let releaseApp = () => {}
  const appHeld = new Promise<void>((resolve) => (releaseApp = resolve))
  await page.route(/\/assets\/mount-[\w-]+\.js$/, async (route) => {
    await appHeld
    await route.continue()
  })
  const sent = recordApiRequests(page)
  await page.reload()

  const main = page.locator('main.page')
  await expect(main).toHaveAttribute('inert', '')
  const firstEdit = main.locator('tbody tr').first().locator('button', { hasText: 'Edit' })
  await expect(firstEdit).toBeVisible()
  // Inert: a click does not reach it (Playwright waits for a target that receives it, and gives up).
  await expect(firstEdit.click({ timeout: 1_000 })).rejects.toThrow()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(main.getByText(/ numbers · showing 1–/)).toBeVisible()

  releaseApp()
  await expect(main).not.toHaveAttribute('inert')
  await page
    .getByRole('button', { name: /^Edit / })
    .first()
    .click()
  await expect(page.getByRole('dialog')).toBeVisible()
  const firstScreen = sent.filter((r) => r.method === 'GET' && /\/v1\/(phone-numbers\?|me$|agents$)/.test(r.url))
  expect(firstScreen.map((r) => new URL(r.url).pathname).sort()).toEqual(['/v1/agents', '/v1/me', '/v1/phone-numbers'])
})
