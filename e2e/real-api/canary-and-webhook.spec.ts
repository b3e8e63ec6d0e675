import type { APIRequestContext, Locator, Page } from '@playwright/test'
import {
  APPOINTMENT_LINE,
  cellsOf,
  choose,
  MAIN_SUPPORT_LINE,
  openEditDialog,
  rowOf,
  TOLL_FREE,
} from '../support/phone-numbers'
import {
  apiGet,
  connect,
  expect,
  recordApiRequests,
  serverNumber,
  test,
  TEST_KEYS,
  writesIn,
} from '../support/real-api'

const HOOK = 'https://hooks.acme-health.example/main-support'

const onServer = (request: APIRequestContext, e164: string) => serverNumber(request, e164)

/** Clicks Save and waits for the dialog to close, every answer of the save being a 2xx. */
async function save(page: Page, dialog: Locator): Promise<void> {
  const failures: number[] = []
  const listener = (response: { status: () => number; request: () => { method: () => string } }) => {
    if (response.request().method() !== 'GET' && response.status() >= 300) failures.push(response.status())
  }
  page.on('response', listener)
  await dialog.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  page.off('response', listener)
  expect(failures).toEqual([])
}

test('on a real server: add a canary with a draft version, promote it, remove one, set and clear a webhook', async ({
  page,
  request,
}) => {
  const sent = recordApiRequests(page)
  await connect(page, TEST_KEYS.admin)

  let dialog = await openEditDialog(page, APPOINTMENT_LINE.title)
  await dialog.getByRole('button', { name: 'Add canary', exact: true }).click()
  await choose(page, dialog, 'Canary version', 'v3 · draft')
  await save(page, dialog)
  expect((await onServer(request, APPOINTMENT_LINE.e164)).inbound_canary).toEqual({
    agent_version_id: 'agv_reminders_3',
    percent: 10,
  })
  const agents = await apiGet<{ data: { id: string; versions: { id: string; published: boolean }[] }[] }>(
    request,
    '/v1/agents',
  )
  const reminders = agents.data.find((agent) => agent.id === 'agt_reminders')!
  expect(reminders.versions.find((v) => v.id === 'agv_reminders_3')?.published).toBe(true)
  await expect(cellsOf(rowOf(page, APPOINTMENT_LINE.title)).inbound).toContainText(
    'Appointment Reminders · v2 + v3 10 %',
  )

  dialog = await openEditDialog(page, APPOINTMENT_LINE.title)
  await dialog.getByRole('button', { name: 'Promote canary', exact: true }).click()
  await save(page, dialog)
  expect(await onServer(request, APPOINTMENT_LINE.e164)).toMatchObject({
    inbound_agent_version_id: 'agv_reminders_3',
    inbound_canary: null,
  })

  dialog = await openEditDialog(page, TOLL_FREE.title)
  await dialog.getByRole('button', { name: 'Remove canary', exact: true }).click()
  await save(page, dialog)
  expect((await onServer(request, TOLL_FREE.e164)).inbound_canary).toBeNull()

  dialog = await openEditDialog(page, MAIN_SUPPORT_LINE.title)
  await dialog.getByRole('textbox', { name: 'Inbound webhook URL' }).fill(HOOK)
  await save(page, dialog)
  expect((await onServer(request, MAIN_SUPPORT_LINE.e164)).inbound_webhook_url).toBe(HOOK)
  dialog = await openEditDialog(page, MAIN_SUPPORT_LINE.title)
  await dialog.getByRole('textbox', { name: 'Inbound webhook URL' }).fill('')
  await save(page, dialog)
  expect((await onServer(request, MAIN_SUPPORT_LINE.e164)).inbound_webhook_url).toBeNull()

  expect(writesIn(sent).map((w) => `${w.method} ${w.path.replace(/phn_\w+/, '{id}')}`)).toEqual([
    'POST /v1/agents/agt_reminders/versions/agv_reminders_3/publish',
    'PUT /v1/phone-numbers/{id}/inbound-canary',
    'POST /v1/agents/agt_reminders/versions/agv_reminders_3/publish',
    'DELETE /v1/phone-numbers/{id}/inbound-canary',
    'PATCH /v1/phone-numbers/{id}',
    'PATCH /v1/phone-numbers/{id}',
  ])
})

test('on a real server, a support key sees the canary and the webhook URL read-only', async ({ page }) => {
  await connect(page, TEST_KEYS.support)
  const dialog = await openEditDialog(page, TOLL_FREE.title)
  await expect(dialog.getByText('Front Desk v3 answers 10 % of inbound calls')).toBeVisible()
  await expect(dialog.getByRole('combobox', { name: 'Canary version', exact: true })).toBeDisabled()
  await expect(dialog.getByRole('button', { name: /canary/i })).toHaveCount(0)
  await expect(dialog.getByRole('textbox', { name: 'Inbound webhook URL' })).not.toBeEditable()
})
