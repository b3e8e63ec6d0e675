// @ts-check
/* global window -- functions passed to page.evaluate run in the page */
/**
 * The bulk change's screenshots (scripts/screenshots.mjs takes them): the Selection region with
 * every number of the view selected, and the routing dialog's preview, progress and outcome, each
 * at 1280 and 390 px.
 */

/** @typedef {import('@playwright/test').Page} Page */

export const BULK_SHOTS = [
  { name: 'bulk-selection', width: 1280, height: 900 },
  { name: 'bulk-selection-390', width: 390, height: 844 },
]

/**
 * Selects every number, opens `Change routing…`, and photographs each phase through `shoot(suffix)`.
 * @param {Page} page
 * @param {(suffix: string) => Promise<void>} shoot
 */
export async function photographBulkChange(page, shoot) {
  // More numbers than a page holds, so that `Select all <N> matching` is offered.
  await page.goto(new URL('/?numbers=1200&latency=0&reset', page.url()).href)
  await page.getByText('1,200 numbers · showing 1–50').waitFor()
  await page.getByRole('checkbox', { name: 'Select all on this page' }).check()
  const region = page.getByRole('region', { name: 'Selection' })
  await region.getByRole('button', { name: /^Select all [\d,]+ matching$/ }).click()
  await region.getByText(/^[\d,]+ selected$/).waitFor()
  await shoot('')
  await region.getByRole('button', { name: 'Change routing…' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('combobox', { name: 'Agent' }).click()
  await page.getByRole('option', { name: 'Front Desk', exact: true }).click()
  await dialog.getByText(/^Deploys Front Desk/).waitFor()
  await shoot('-preview')
  // Slow answers, so that the progress is there to be photographed.
  await page.evaluate(() => /** @type {any} */ (window).__demoBackend.configureFaults('rate:0,latency:4000'))
  await dialog.getByRole('button', { name: 'Apply' }).click()
  await dialog.getByRole('progressbar', { name: 'Applying changes' }).waitFor()
  await shoot('-progress')
  await page.evaluate(() => /** @type {any} */ (window).__demoBackend.configureFaults(null))
  await dialog.getByText(/^Changes applied: /).waitFor({ timeout: 60_000 })
  await shoot('-outcome')
}
