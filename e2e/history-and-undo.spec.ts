import { expect, test, type Locator, type Page } from '@playwright/test'
import { axeViolations } from './support/axe'
import {
  anotherAdminChanges,
  APPOINTMENT_LINE,
  BILLING_WITH_DRAFT_CANARY,
  cellsOf,
  MAIN_SUPPORT_LINE,
  modelNumber,
  modelVersion,
  openEditDialog,
  openPhoneNumbersPage,
  routeToBillingWithDraftCanary,
  rowOf,
  saveAndWaitForClose,
} from './support/phone-numbers'

async function rename(page: Page, from: string, to: string): Promise<void> {
  const dialog = await openEditDialog(page, from)
  await dialog.getByRole('textbox', { name: 'Nickname' }).fill(to)
  await saveAndWaitForClose(page, dialog)
}

// A full-page axe scan takes several seconds on a small CI machine, and the first test runs two.
test.describe.configure({ timeout: 60_000 })

/** The "Saved …" confirmation, which offers Undo. */
const savedNotice = (page: Page): Locator => page.locator('.toast').filter({ hasText: /^Saved / })

test('rename, undo from the confirmation, and History shows both with who and why; axe finds nothing', async ({
  page,
}) => {
  await openPhoneNumbersPage(page)
  await rename(page, MAIN_SUPPORT_LINE.title, 'Front Line')
  const notice = savedNotice(page)
  await expect(notice).toContainText('Saved Main Support Line')
  // Reachable by keyboard: the confirmation's Undo is a button in the tab order.
  const undo = notice.getByRole('button', { name: 'Undo', exact: true })
  await undo.focus()
  expect(await axeViolations(page)).toEqual([])
  await page.keyboard.press('Enter')

  await expect(page.getByRole('status')).toContainText('Undone: Main Support Line is back as it was.')
  await expect(cellsOf(rowOf(page, MAIN_SUPPORT_LINE.title)).nickname).toContainText(MAIN_SUPPORT_LINE.title)
  expect(await modelNumber(page, MAIN_SUPPORT_LINE.e164)).toMatchObject({ nickname: MAIN_SUPPORT_LINE.title })

  const dialog = await openEditDialog(page, MAIN_SUPPORT_LINE.title)
  await dialog.getByRole('tab', { name: 'History' }).click()
  const events = dialog.getByRole('list', { name: /^Changes, newest first/ }).locator(':scope > li')
  await expect(events.nth(0)).toContainText('Nickname: Front Line → Main Support Line')
  await expect(events.nth(0)).toContainText('demo-admin')
  await expect(events.nth(0)).toContainText('Reason: Undo: Main Support Line: Nickname: Main Support Line → Front Line')
  await expect(events.nth(1)).toContainText('Nickname: Main Support Line → Front Line')
  // The seeded history is older still.
  expect(await events.count()).toBeGreaterThan(2)
  expect(await axeViolations(page)).toEqual([])
  await page.screenshot({ path: 'test-results/history-tab.png' })
})

test('undo after another admin changed the number keeps their change, and the page says so', async ({ page }) => {
  await openPhoneNumbersPage(page)
  await rename(page, MAIN_SUPPORT_LINE.title, 'Front Line')
  const theirs = await anotherAdminChanges(page, MAIN_SUPPORT_LINE.e164, { label: 'their-label' })
  await savedNotice(page).getByRole('button', { name: 'Undo', exact: true }).click()

  await expect(page.getByRole('alert')).toContainText(
    'Not undone: someone else changed Main Support Line after your save. Their change stays.',
  )
  expect(await modelNumber(page, MAIN_SUPPORT_LINE.e164)).toEqual(theirs)
})

test('change both sides and add a canary with a draft version, then undo: every field is back, the draft stays published', async ({
  page,
}) => {
  await openPhoneNumbersPage(page)
  const before = await modelNumber(page, APPOINTMENT_LINE.e164)
  await routeToBillingWithDraftCanary(page)
  expect(await modelNumber(page, APPOINTMENT_LINE.e164)).toMatchObject(BILLING_WITH_DRAFT_CANARY)

  await savedNotice(page).getByRole('button', { name: 'Undo', exact: true }).click()
  const status = page.getByRole('status')
  await expect(status).toContainText('Undone: Appointment Line is back as it was.')
  await expect(status).toContainText('Billing Assistant v4 stays published: publishing cannot be undone.')
  const after = await modelNumber(page, APPOINTMENT_LINE.e164)
  expect(after).toEqual({ ...before, updated_at: after.updated_at })
  expect((await modelVersion(page, 'agt_billing', 'agv_billing_4')).published).toBe(true)
  await expect(cellsOf(rowOf(page, APPOINTMENT_LINE.title)).inbound).toHaveText(/^Appointment Reminders · v2/)
  await expect(cellsOf(rowOf(page, APPOINTMENT_LINE.title)).outbound).toHaveText(/^Appointment Reminders · v2/)
})
