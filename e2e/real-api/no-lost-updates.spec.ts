import { cellsOf, choose, editButtonOf, MAIN_SUPPORT_LINE, rowOf } from '../support/phone-numbers'
import {
  anotherAdminOnServer,
  connect,
  expect,
  recordApiRequests,
  serverNumber,
  test,
  TEST_KEYS,
  writesIn,
} from '../support/real-api'

test('on a real server, another admin’s change is not overwritten: 409, the dialog explains, a second Save succeeds', async ({
  page,
  request,
}) => {
  const sent = recordApiRequests(page)
  await connect(page, TEST_KEYS.admin)
  await editButtonOf(page, MAIN_SUPPORT_LINE.title).click()
  const dialog = page.getByRole('dialog')
  await choose(page, dialog, 'Inbound agent', 'Billing Assistant')
  const opened = await serverNumber(request, MAIN_SUPPORT_LINE.e164)
  const theirs = await anotherAdminOnServer(request, MAIN_SUPPORT_LINE.e164, {
    outbound_agent_version_id: 'agv_reminders_2',
    nickname: 'Reminders Line',
  })

  const refused = page.waitForResponse((r) => r.request().method() === 'POST')
  await dialog.getByRole('button', { name: 'Save', exact: true }).click()
  expect((await refused).status()).toBe(409)
  const alert = dialog.getByRole('alert')
  await expect(alert).toContainText(
    'Someone else changed this number after you opened it: nothing of theirs was overwritten.',
  )
  await expect(alert).toContainText(/Changed by another-admin at \d\d:\d\d:\d\d UTC\./)
  await expect(alert).toContainText('Outbound changed to Appointment Reminders v2 since you opened this number.')
  await expect(alert).toContainText('Nickname changed to “Reminders Line” since you opened this number.')
  expect(await serverNumber(request, MAIN_SUPPORT_LINE.e164)).toEqual(theirs)
  await expect(dialog.getByRole('textbox', { name: 'Nickname' })).toHaveValue('Reminders Line')
  await expect(dialog.getByRole('listitem')).toHaveText(['Inbound: Front Desk v3 → Billing Assistant v3'])

  const saved = page.waitForResponse((r) => r.request().method() === 'POST')
  await dialog.getByRole('button', { name: 'Save', exact: true }).click()
  expect((await saved).status()).toBe(200)
  await expect(page.getByRole('dialog')).toBeHidden()
  expect(await serverNumber(request, MAIN_SUPPORT_LINE.e164)).toMatchObject({
    inbound_agent_version_id: 'agv_billing_3',
    outbound_agent_version_id: 'agv_reminders_2',
    nickname: 'Reminders Line',
  })
  await expect(cellsOf(rowOf(page, 'Reminders Line')).outbound).toHaveText('Appointment Reminders · v2')
  const deploy = { phone_numbers: [MAIN_SUPPORT_LINE.e164], direction: 'inbound' }
  expect(writesIn(sent)).toEqual([
    {
      method: 'POST',
      path: '/v1/agents/agt_billing/versions/agv_billing_3/publish',
      body: { ...deploy, expected_updated_at: { [opened.phone_number]: opened.updated_at } },
    },
    {
      method: 'POST',
      path: '/v1/agents/agt_billing/versions/agv_billing_3/publish',
      body: { ...deploy, expected_updated_at: { [theirs.phone_number]: theirs.updated_at } },
    },
  ])
})
