import { readFile } from 'node:fs/promises'
import { expect, type Locator, type Page } from '@playwright/test'
import Papa from 'papaparse'
import { demoBackend, modelView } from './demo-backend'
import { choose, type ModelNumber } from './phone-numbers'

/** Bulk changes in the demo: the Selection region, the routing dialog, and the model read in pages. */

export const selectionRegion = (page: Page): Locator => page.getByRole('region', { name: 'Selection' })

/** Ticks the page's checkbox, then `Select all <N> matching`; returns N as the page wrote it. */
export async function selectAllMatching(page: Page): Promise<string> {
  await page.getByRole('checkbox', { name: 'Select all on this page' }).check()
  const button = selectionRegion(page).getByRole('button', { name: /^Select all [\d,]+ matching$/ })
  const total = /[\d,]+/.exec((await button.textContent()) ?? '')![0]
  await button.click()
  await expect(selectionRegion(page).getByText(`${total} selected`)).toBeVisible()
  return total
}

/** Opens `Change routing…` and waits for the form (the selection read). */
export async function openRouting(page: Page, count: string): Promise<Locator> {
  await selectionRegion(page).getByRole('button', { name: 'Change routing…' }).click()
  const dialog = page.getByRole('dialog', { name: `Change routing of ${count} numbers` })
  await expect(dialog.getByRole('button', { name: 'Apply' })).toBeVisible({ timeout: 30_000 })
  return dialog
}

/** Every number the demo backend lists for these filters, read page by page from its model. */
export async function modelNumbersMatching(page: Page, filters: Record<string, string>): Promise<ModelNumber[]> {
  return modelView(page, filters)
}

export async function configureFaults(page: Page, spec: string | null): Promise<void> {
  await demoBackend(page, 'configureFaults', spec)
}

/** In the routing dialog: deploys `version` of `agent` to `side` and waits for the outcome. */
export async function applyRouting(
  page: Page,
  dialog: Locator,
  { side, agent, version }: { side: 'Inbound' | 'Outbound' | 'Both'; agent: string; version: string },
): Promise<void> {
  await dialog.getByRole('radio', { name: side }).check()
  await choose(page, dialog, 'Agent', agent)
  await choose(page, dialog, 'Version', version)
  await dialog.getByRole('button', { name: 'Apply' }).click()
  await expect(dialog.getByText(/^Changes applied: /)).toBeVisible({ timeout: 60_000 })
}

/** A line of a job's downloaded results. */
export interface ResultLine {
  phone_number: string
  id: string
  result: string
  reason: string
}

/**
 * Clicks `Download results (CSV)` in a job's outcome and reads the file: every number the job named,
 * with its result and reason (the dialog lists only the first numbers not changed).
 */
export async function downloadResults(page: Page, dialog: Locator): Promise<ResultLine[]> {
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Download results (CSV)' }).click()
  const text = await readFile(await (await downloading).path(), 'utf8')
  return Papa.parse<ResultLine>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data
}
