import { expect, test } from '@playwright/test'
import {
  anotherAdminChanges,
  cellsOf,
  choose,
  expectRemindersChangeExplained,
  MAIN_SUPPORT_LINE,
  modelNumber,
  openEditDialog,
  openPhoneNumbersPage,
  recordWrites,
  REMINDERS_CHANGE,
  rowOf,
  saveAndWaitForClose,
} from './support/phone-numbers'

test('another admin changes the open number: Save overwrites nothing, the dialog explains, a second Save succeeds', async ({
  page,
}) => {
  await openPhoneNumbersPage(page)
  const writes = recordWrites(page)
  const statuses: number[] = []
  page.on('response', (response) => {
    if (response.request().method() === 'POST') statuses.push(response.status())
  })
  const dialog = await openEditDialog(page, MAIN_SUPPORT_LINE.title)
  await choose(page, dialog, 'Inbound agent', 'Billing Assistant')
  const theirs = await anotherAdminChanges(page, MAIN_SUPPORT_LINE.e164, REMINDERS_CHANGE)

  await dialog.getByRole('button', { name: 'Save', exact: true }).click()
  await expectRemindersChangeExplained(dialog)
  // Their change is still there, as the dialog says.
  expect(await modelNumber(page, MAIN_SUPPORT_LINE.e164)).toEqual(theirs)
  await expect(dialog.getByRole('button', { name: 'Save', exact: true })).toBeFocused()

  await saveAndWaitForClose(page, dialog)
  expect(await modelNumber(page, MAIN_SUPPORT_LINE.e164)).toMatchObject({
    inbound_agent_version_id: 'agv_billing_3',
    outbound_agent_version_id: 'agv_reminders_2',
    nickname: 'Reminders Line',
  })
  const row = cellsOf(rowOf(page, 'Reminders Line'))
  await expect(row.inbound).toHaveText('Billing Assistant · v3')
  await expect(row.outbound).toHaveText('Appointment Reminders · v2')
  expect(statuses).toEqual([409, 200])
  expect(writes.map((write) => (write.body as { direction?: string }).direction)).toEqual(['inbound', 'inbound'])
})
