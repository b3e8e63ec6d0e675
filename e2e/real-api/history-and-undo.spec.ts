import { expect, test } from '@playwright/test'
import { editButtonOf, MAIN_SUPPORT_LINE } from '../support/phone-numbers'
import { apiGet, connect, resetApi, serverNumber, TEST_KEYS } from '../support/real-api'

test.beforeEach(async ({ request }) => {
  await resetApi(request)
})

test('on a real server: rename, undo, and the history holds both, the undo with its reason (sent percent-encoded)', async ({
  page,
  request,
}) => {
  await connect(page, TEST_KEYS.admin)
  await editButtonOf(page, MAIN_SUPPORT_LINE.title).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('textbox', { name: 'Nickname' }).fill('Línea “Front”')
  await dialog.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(dialog).toBeHidden()
  const undone = page.waitForResponse((r) => r.request().method() === 'PATCH')
  await page
    .locator('.toast')
    .filter({ hasText: /^Saved / })
    .getByRole('button', { name: 'Undo' })
    .click()
  expect((await undone).request().headers()['x-change-reason']).toBe(
    encodeURIComponent('Undo: Main Support Line: Nickname: Main Support Line → Línea “Front”'),
  )
  await expect(page.getByRole('status')).toContainText('Undone: Main Support Line is back as it was.')

  const number = await serverNumber(request, MAIN_SUPPORT_LINE.e164)
  expect(number.nickname).toBe(MAIN_SUPPORT_LINE.title)
  const { data } = await apiGet<{ data: { actor: string; reason: string | null; changes: unknown[] }[] }>(
    request,
    `/v1/events?phone_number_id=${number.id}&limit=2`,
  )
  expect(data).toEqual([
    {
      ...data[0],
      reason: 'Undo: Main Support Line: Nickname: Main Support Line → Línea “Front”',
      changes: [{ field: 'nickname', from: 'Línea “Front”', to: 'Main Support Line' }],
    },
    { ...data[1], reason: null, changes: [{ field: 'nickname', from: 'Main Support Line', to: 'Línea “Front”' }] },
  ])
  expect(data[0]!.actor).toBe(data[1]!.actor)
})
