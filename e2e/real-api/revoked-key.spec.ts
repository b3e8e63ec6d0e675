import { cellsOf, editButtonOf, formatNumber, MAIN_SUPPORT_LINE, rowOf } from '../support/phone-numbers'
import {
  connect,
  expect,
  recordApiRequests,
  revokeKey,
  serverNumber,
  test,
  TEST_KEYS,
  writesIn,
} from '../support/real-api'

test('a key revoked mid-session: Save gets 401, another key connects over the page, the typed input survives and saves', async ({
  page,
  request,
}) => {
  const opened = await serverNumber(request, MAIN_SUPPORT_LINE.e164)
  const sent = recordApiRequests(page)
  await connect(page, TEST_KEYS.support)
  await editButtonOf(page, MAIN_SUPPORT_LINE.title).click()
  const editDialog = page.getByRole('dialog', {
    name: `${formatNumber(MAIN_SUPPORT_LINE.e164)} · ${MAIN_SUPPORT_LINE.title}`,
  })
  await expect(editDialog).toBeVisible()
  await editDialog.getByRole('textbox', { name: 'Nickname' }).fill('Main Line (typed before revoke)')
  await editDialog.getByRole('textbox', { name: 'Label' }).fill('cc-9999')

  // Someone revokes the support key while the user is typing.
  await revokeKey(request, TEST_KEYS.support)

  const refused = page.waitForResponse((r) => r.request().method() === 'PATCH')
  await editDialog.getByRole('button', { name: 'Save', exact: true }).click()
  expect((await refused).status()).toBe(401)

  const prompt = page.getByRole('dialog', { name: 'Your API key was refused' })
  await expect(prompt).toBeVisible()
  await expect(prompt.getByLabel('API key', { exact: true })).toBeFocused()
  // The refused key is forgotten for this tab; the page stays behind the prompt.
  expect(await page.evaluate(() => sessionStorage.getItem('phone-numbers:api-key'))).toBeNull()
  await expect(page.getByRole('heading', { name: 'Connect to your workspace' })).toHaveCount(0)

  // The revoked key again is still refused, at the prompt.
  await prompt.getByLabel('API key', { exact: true }).fill(TEST_KEYS.support)
  await prompt.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(prompt.getByRole('alert')).toContainText('The server refused this key (401)')

  await prompt.getByLabel('API key', { exact: true }).fill(TEST_KEYS.admin)
  await prompt.getByRole('button', { name: 'Connect', exact: true }).click()
  await expect(prompt).toBeHidden()

  // Back in the edit dialog, with everything typed still there.
  await expect(editDialog).toBeVisible()
  await expect(editDialog.getByRole('textbox', { name: 'Nickname' })).toHaveValue('Main Line (typed before revoke)')
  await expect(editDialog.getByRole('textbox', { name: 'Label' })).toHaveValue('cc-9999')
  expect(await page.evaluate(() => sessionStorage.getItem('phone-numbers:api-key'))).toBe(TEST_KEYS.admin)

  const saved = page.waitForResponse((r) => r.request().method() === 'PATCH')
  await editDialog.getByRole('button', { name: 'Save', exact: true }).click()
  expect((await saved).status()).toBe(200)
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(page.getByRole('banner')).toContainText('Admin · key test-admin')
  await expect(cellsOf(rowOf(page, 'Main Line (typed before revoke)')).nickname).toHaveText(
    'Main Line (typed before revoke)Label: cc-9999',
  )

  const number = await serverNumber(request, MAIN_SUPPORT_LINE.e164)
  expect(number).toMatchObject({ nickname: 'Main Line (typed before revoke)', label: 'cc-9999' })
  const patch = { method: 'PATCH', path: `/v1/phone-numbers/${number.id}` }
  // Both conditional on the number as the dialog read it: the refused one changed nothing.
  const body = {
    nickname: 'Main Line (typed before revoke)',
    label: 'cc-9999',
    expected_updated_at: opened.updated_at,
  }
  expect(writesIn(sent)).toEqual([
    { ...patch, body },
    { ...patch, body },
  ])
  const patches = sent.filter((r) => r.method === 'PATCH')
  expect(patches.map((r) => r.authorization)).toEqual([`Bearer ${TEST_KEYS.support}`, `Bearer ${TEST_KEYS.admin}`])
})
