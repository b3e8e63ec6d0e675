import { expect, test } from '@playwright/test'
import {
  MAIN_SUPPORT_LINE,
  openEditDialog,
  openPhoneNumbersPage,
  rowOf,
  saveAndWaitForClose,
} from './support/phone-numbers'

test('demo changes survive a reload, and ?reset starts again from the seed once', async ({ page }) => {
  await openPhoneNumbersPage(page)
  const dialog = await openEditDialog(page, MAIN_SUPPORT_LINE.title)
  await dialog.getByRole('textbox', { name: 'Nickname' }).fill('Kept across reloads')
  await saveAndWaitForClose(page, dialog)

  await page.reload()
  await expect(rowOf(page, 'Kept across reloads')).toBeVisible()

  await openPhoneNumbersPage(page, '/?reset')
  await expect(rowOf(page, MAIN_SUPPORT_LINE.title)).toBeVisible()
  await expect(page.getByText('Kept across reloads')).toHaveCount(0)
  // The parameter is gone, so the next reload keeps whatever is changed from here on.
  expect(new URL(page.url()).searchParams.has('reset')).toBe(false)
})
