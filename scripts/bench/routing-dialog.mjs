// @ts-check
import { expect } from '@playwright/test'

/**
 * In an open `Change routing…` dialog whose selection has been read: deploy Outbound Sales v2 to the
 * outbound side, up to the preview (the bulk benches' one change). Returns the preview's text.
 * @param {import('@playwright/test').Page} page
 * @param {import('@playwright/test').Locator} dialog
 */
export async function chooseOutboundSalesV2(page, dialog) {
  await dialog.getByRole('radio', { name: 'Outbound' }).check()
  await dialog.getByRole('combobox', { name: 'Agent' }).click()
  await page.getByRole('option', { name: 'Outbound Sales', exact: true }).click()
  await dialog.getByRole('combobox', { name: 'Version' }).click()
  await page.getByRole('option', { name: 'v2', exact: true }).click()
  const preview = dialog.getByText(/^Deploys Outbound Sales v2/)
  await expect(preview).toBeVisible({ timeout: 60_000 })
  return (await preview.textContent()) ?? ''
}
