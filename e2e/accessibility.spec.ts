import { expect, test } from '@playwright/test'
import { axeViolations as violations } from './support/axe'
import { choose, expectOptions, MAIN_SUPPORT_LINE, openEditDialog, openPhoneNumbersPage } from './support/phone-numbers'

// A full-page axe scan takes several seconds on a small CI machine, and the dialog test runs two.
test.describe.configure({ timeout: 60_000 })

test('the table page has no WCAG 2.1 A/AA violations', async ({ page }) => {
  await openPhoneNumbersPage(page)
  expect(await violations(page)).toEqual([])
})

test('the edit dialog, and its open version picker, have no WCAG 2.1 A/AA violations', async ({ page }) => {
  await openPhoneNumbersPage(page)
  // A dialog in an interesting state: an archived agent held, a draft chosen (publish notice), a summary.
  const dialog = await openEditDialog(page, 'Chicago Clinic')
  await choose(page, dialog, 'Outbound agent', 'Appointment Reminders')
  await choose(page, dialog, 'Outbound version', 'v3 · draft')
  await expect(dialog.getByText('v3 is a draft: saving publishes it.')).toBeVisible()
  expect(await violations(page)).toEqual([])

  await dialog.getByRole('combobox', { name: 'Outbound version' }).click()
  await expectOptions(page, ['v3 · draft', 'v2', 'v1'])
  expect(await violations(page)).toEqual([])
})

test('a nickname error in the dialog has no WCAG 2.1 A/AA violations', async ({ page }) => {
  await openPhoneNumbersPage(page)
  const dialog = await openEditDialog(page, MAIN_SUPPORT_LINE.title)
  await dialog.getByRole('textbox', { name: 'Nickname' }).fill('n'.repeat(256))
  await expect(dialog.getByText('Nickname can be at most 255 characters; this one has 256.')).toBeVisible()
  expect(await violations(page)).toEqual([])
})
