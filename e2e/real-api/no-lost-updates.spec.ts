import {
  cellsOf,
  choose,
  editButtonOf,
  expectRemindersChangeExplained,
  MAIN_SUPPORT_LINE,
  REMINDERS_CHANGE,
  rowOf,
} from '../support/phone-numbers'
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
  const theirs = await anotherAdminOnServer(request, MAIN_SUPPORT_LINE.e164, REMINDERS_CHANGE)

  const refused = page.waitForResponse((r) => r.request().method() === 'POST')
  await dialog.getByRole('button', { name: 'Save', exact: true }).click()
  expect((await refused).status()).toBe(409)
  await expectRemindersChangeExplained(dialog)
  expect(await serverNumber(request, MAIN_SUPPORT_LINE.e164)).toEqual(theirs)

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
