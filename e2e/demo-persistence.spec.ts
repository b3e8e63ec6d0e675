import { expect, test } from '@playwright/test'
import {
  APPOINTMENT_LINE,
  MAIN_SUPPORT_LINE,
  modelNumber,
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
  // The parameter is gone once the seed is stored, so the next reload keeps whatever is changed from here on.
  await expect.poll(() => new URL(page.url()).searchParams.has('reset')).toBe(false)
})

test("two demo tabs keep each other's changes, and each shows the other's", async ({ context }) => {
  const tabA = await context.newPage()
  await openPhoneNumbersPage(tabA, '/?reset')
  const tabB = await context.newPage()
  await openPhoneNumbersPage(tabB)

  const inA = await openEditDialog(tabA, MAIN_SUPPORT_LINE.title)
  await inA.getByRole('textbox', { name: 'Nickname' }).fill('Renamed in tab A')
  await saveAndWaitForClose(tabA, inA)

  const inB = await openEditDialog(tabB, 'Billing Line')
  await inB.getByRole('textbox', { name: 'Nickname' }).fill('Renamed in tab B')
  await saveAndWaitForClose(tabB, inB)
  // Tab B learned of tab A's rename without a reload.
  await expect(rowOf(tabB, 'Renamed in tab A')).toBeVisible()

  await tabA.reload()
  await expect(rowOf(tabA, 'Renamed in tab A')).toBeVisible()
  await expect(rowOf(tabA, 'Renamed in tab B')).toBeVisible()
})

test('two demo tabs are two admins of one workspace: a save in one tab never silently undoes a save just made in the other', async ({
  context,
}) => {
  const tabA = await context.newPage()
  await openPhoneNumbersPage(tabA, '/?reset')
  const tabB = await context.newPage()
  await openPhoneNumbersPage(tabB)
  const inB = await openEditDialog(tabB, APPOINTMENT_LINE.title)
  await inB.getByRole('textbox', { name: 'Label' }).fill('from tab B')
  const inA = await openEditDialog(tabA, APPOINTMENT_LINE.title)
  await inA.getByRole('textbox', { name: 'Nickname' }).fill('Renamed in tab A')
  await saveAndWaitForClose(tabA, inA)

  // Tab B saves at once, with what it read before tab A's save. Either its page has read that save
  // already (the dialog follows it, and Save sends only the label), or the backend refuses the stale
  // write (409), the dialog explains, and a second Save sends only the label. Never a silent undo.
  await inB.getByRole('button', { name: 'Save', exact: true }).click()
  const explained = inB.getByText(
    'Someone else changed this number after you opened it: nothing of theirs was overwritten.',
  )
  await expect.poll(async () => (await inB.isHidden()) || (await explained.isVisible())).toBe(true)
  if (await explained.isVisible()) await saveAndWaitForClose(tabB, inB)

  expect(await modelNumber(tabB, APPOINTMENT_LINE.e164)).toMatchObject({
    nickname: 'Renamed in tab A',
    label: 'from tab B',
  })
  for (const tab of [tabA, tabB]) await expect(rowOf(tab, 'Renamed in tab A')).toContainText('Label: from tab B')
  await tabA.reload()
  await expect(rowOf(tabA, 'Renamed in tab A')).toContainText('Label: from tab B')
})
