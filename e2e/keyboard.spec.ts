import { expect, test, type Locator, type Page } from '@playwright/test'
import {
  cellsOf,
  editButtonOf,
  expectOptions,
  expectSelected,
  modelNumber,
  openPhoneNumbersPage,
  rowOf,
} from './support/phone-numbers'

// Seeded: inbound None, outbound Outbound Sales v2 (v3 is newer).
const NUMBER = { e164: '+16465550162', title: 'Sales Outreach 2' }

/** Presses Tab (no mouse) until the target has focus; fails if it is not reached in `max` presses. */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  await expect(target).toBeFocused()
}

test('search, edit a side and save with the keyboard only; focus returns to the row after Save and Escape', async ({
  page,
}) => {
  await openPhoneNumbersPage(page)
  const search = page.getByRole('searchbox', { name: 'Search numbers' })
  await tabTo(page, search)
  await page.keyboard.type('outreach 2')
  await expect(page.getByText('1 number · showing 1–1')).toBeVisible()
  const row = rowOf(page, NUMBER.title)
  await expect(page.getByRole('row')).toHaveCount(2) // the header and the one match

  const edit = editButtonOf(page, NUMBER.title)
  await tabTo(page, edit)
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: NUMBER.title })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText(NUMBER.title)

  const version = dialog.getByRole('combobox', { name: 'Outbound version' })
  await tabTo(page, version)
  await expectSelected(version, 'v2')
  await page.keyboard.press('Enter')
  await expectOptions(page, ['v3', 'v2', 'v1'])
  // The open listbox focuses the chosen option; v3 is the one above it.
  await expect(page.getByRole('option', { name: 'v2' })).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await expect(page.getByRole('option', { name: 'v3' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('listbox')).toBeHidden()
  await expect(version).toBeFocused()
  await expectSelected(version, 'v3')
  await expect(dialog.getByRole('listitem')).toHaveText(['Outbound: Outbound Sales v2 → Outbound Sales v3'])

  await tabTo(page, dialog.getByRole('button', { name: 'Save', exact: true }))
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(cellsOf(row).outbound).toHaveText('Outbound Sales · v3')
  await expect(cellsOf(row).inbound).toHaveText('None')
  await expect(edit).toBeFocused()
  expect(await modelNumber(page, NUMBER.e164)).toMatchObject({
    inbound_agent_version_id: null,
    outbound_agent_version_id: 'agv_sales_3',
  })

  // Open again, change something, and leave with Escape: the dialog asks first (focus on Keep editing),
  // Tab and Enter on Discard changes close it; nothing changes, focus comes back.
  await page.keyboard.press('Enter')
  await expect(dialog).toBeVisible()
  const agent = dialog.getByRole('combobox', { name: 'Inbound agent' })
  await tabTo(page, agent)
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('listbox')).toBeVisible()
  // The open list moves focus to the chosen option a moment after it shows: keys before that go nowhere.
  await expect(page.getByRole('option', { name: 'None' })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  // Enter only once the key has moved focus to the next agent: pressed sooner, it chose None again (seen once in CI).
  await expect(page.getByRole('option', { name: 'None' })).not.toBeFocused()
  await expect(page.getByRole('listbox').getByRole('option').and(page.locator(':focus'))).toHaveCount(1)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('listbox')).toBeHidden()
  await expect(dialog.getByRole('listitem')).toHaveCount(1)
  // The closed list gives focus back to its combobox a task after it goes: an Escape sooner opened the
  // prompt, whose focus that then took (seen once in CI on a loaded machine).
  await expect(agent).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog.getByRole('button', { name: 'Keep editing' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(dialog.getByRole('button', { name: 'Discard changes' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(edit).toBeFocused()
  await expect(cellsOf(row).inbound).toHaveText('None')
})
