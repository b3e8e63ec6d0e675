import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { choose, expectOptions, MAIN_SUPPORT_LINE, openEditDialog, openPhoneNumbersPage } from './support/phone-numbers'

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

// A full-page axe scan takes several seconds on a small CI machine, and the dialog test runs two.
test.describe.configure({ timeout: 60_000 })

/** Violations as short lines (rule, impact, the offending elements), so a failure reads on its own. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  return results.violations.map(
    (v) => `${v.id} (${v.impact ?? 'unknown'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  )
}

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
