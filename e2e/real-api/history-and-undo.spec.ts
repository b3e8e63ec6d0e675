import type { Page } from '@playwright/test'
import {
  APPOINTMENT_LINE,
  BILLING_WITH_DRAFT_CANARY,
  MAIN_SUPPORT_LINE,
  openEditDialog,
  routeToBillingWithDraftCanary,
  saveAndWaitForClose,
} from '../support/phone-numbers'
import { anotherAdminOnServer, apiGet, connect, expect, serverNumber, test, TEST_KEYS } from '../support/real-api'

const undoButton = (page: Page) =>
  page
    .locator('.toast')
    .filter({ hasText: /^Saved / })
    .getByRole('button', { name: 'Undo', exact: true })

test('on a real server: rename, undo, and the history holds both, the undo with its reason (sent percent-encoded)', async ({
  page,
  request,
}) => {
  await connect(page, TEST_KEYS.admin)
  const dialog = await openEditDialog(page, MAIN_SUPPORT_LINE.title)
  await dialog.getByRole('textbox', { name: 'Nickname' }).fill('Línea “Front”')
  await saveAndWaitForClose(page, dialog)
  const undone = page.waitForResponse((r) => r.request().method() === 'PATCH')
  await undoButton(page).click()
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

test('on a real server: change both sides and add a draft canary, then undo; every field is back and the draft stays published', async ({
  page,
  request,
}) => {
  const before = await serverNumber(request, APPOINTMENT_LINE.e164)
  await connect(page, TEST_KEYS.admin)
  await routeToBillingWithDraftCanary(page)
  expect(await serverNumber(request, APPOINTMENT_LINE.e164)).toMatchObject(BILLING_WITH_DRAFT_CANARY)

  await undoButton(page).click()
  await expect(page.getByRole('status')).toContainText('Undone: Appointment Line is back as it was.')
  await expect(page.getByRole('status')).toContainText('Billing Assistant v4 stays published')
  const after = await serverNumber(request, APPOINTMENT_LINE.e164)
  expect(after).toEqual({ ...before, updated_at: after.updated_at })
  const { data: agents } = await apiGet<{ data: { id: string; versions: { id: string; published: boolean }[] }[] }>(
    request,
    '/v1/agents',
  )
  const billing = agents.find((agent) => agent.id === 'agt_billing')
  expect(billing?.versions.find((version) => version.id === 'agv_billing_4')?.published).toBe(true)
})

test('on a real server: undo after another admin changed the number keeps their change, and the page says so', async ({
  page,
  request,
}) => {
  await connect(page, TEST_KEYS.admin)
  const dialog = await openEditDialog(page, MAIN_SUPPORT_LINE.title)
  await dialog.getByRole('textbox', { name: 'Nickname' }).fill('Front Line')
  await saveAndWaitForClose(page, dialog)
  const theirs = await anotherAdminOnServer(request, MAIN_SUPPORT_LINE.e164, { label: 'their-label' })
  await undoButton(page).click()

  await expect(page.getByRole('alert')).toContainText(
    'Not undone: someone else changed Main Support Line after your save. Their change stays.',
  )
  expect(await serverNumber(request, MAIN_SUPPORT_LINE.e164)).toEqual(theirs)
})
