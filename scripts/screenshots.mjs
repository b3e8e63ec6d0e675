#!/usr/bin/env node
/**
 * Screenshots of the Phone Numbers page for docs/: builds the demo app, serves it with
 * `vite preview` on a free port, and photographs the table at each supported width and the edit
 * dialog (a side's draft, a canary) and its History tab, the toolbar's filters and the agent usage
 * region on a desktop and a phone screen, in Chromium.
 *
 *   npm run screenshots                      (CHROMIUM_PATH=/path/to/chromium to choose the browser)
 *   npm run screenshots -- --only=usage      only these sets: table, dialog, canary, history, usage, bulk, csv
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { buildApp, chromiumLaunchOptions, root, startPreview } from './lib/built-app.mjs'
import { BULK_SHOTS, photographBulkChange } from './screenshots-bulk.mjs'
import { CSV_SHOTS, openImportPreview } from './screenshots-csv.mjs'

const outDir = 'dist-screens'
const docs = join(root, 'docs')

/** The widths the page is made for (e2e/layout.spec.ts checks the same); README.md shows the 1280 px table. */
const TABLE_SHOTS = [
  { file: 'phone-numbers-table-1440.png', width: 1440, height: 900 },
  { file: 'phone-numbers-table.png', width: 1280, height: 900 },
  { file: 'phone-numbers-table-1024.png', width: 1024, height: 900 },
  { file: 'phone-numbers-table-768.png', width: 768, height: 1024 },
  { file: 'phone-numbers-table-390.png', width: 390, height: 844 },
]
const DIALOG_SHOTS = [
  { file: 'edit-dialog.png', width: 1280, height: 900 },
  { file: 'edit-dialog-390.png', width: 390, height: 844 },
]
const CANARY_SHOTS = [
  { file: 'canary-dialog.png', width: 1280, height: 900 },
  { file: 'canary-dialog-390.png', width: 390, height: 844 },
]
const HISTORY_SHOTS = [
  { file: 'history-tab.png', width: 1280, height: 900 },
  { file: 'history-tab-390.png', width: 390, height: 844 },
]
const USAGE_SHOTS = [
  { file: 'filters-and-usage.png', width: 1280, height: 900 },
  { file: 'filters-and-usage-390.png', width: 390, height: 844 },
]
const USAGE_REGION_SHOTS = [
  { file: 'agent-usage.png', width: 1280, height: 900 },
  { file: 'agent-usage-390.png', width: 390, height: 844 },
]

/** Opens the page and waits until rows and agent names (the agents list) are both shown. */
async function openTable(page, baseUrl) {
  await page.goto(`${baseUrl}/?latency=0`)
  const mainRow = page.getByRole('row').filter({ has: page.getByRole('button', { name: 'Edit Main Support Line' }) })
  // The first cell holds the row's checkbox; the fourth the inbound side.
  await mainRow.getByRole('cell').nth(3).getByText('Front Desk · v3').waitFor()
}

/**
 * The dialog in an interesting state: a draft chosen for the empty outbound side, so the publish
 * notice and the "what Save will do" summary both show.
 */
async function openInterestingDialog(page) {
  await page.getByRole('button', { name: 'Edit Main Support Line' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('combobox', { name: 'Outbound agent' }).click()
  await page.getByRole('option', { name: 'Appointment Reminders', exact: true }).click()
  await dialog.getByRole('combobox', { name: 'Outbound version' }).click()
  await page.getByRole('option', { name: 'v3 · draft', exact: true }).click()
  await dialog.getByText('v3 is a draft: saving publishes it.').waitFor()
  await page.getByRole('listbox').waitFor({ state: 'hidden' })
}

/** A number with a canary, its share raised: the canary in words, what Save makes of it, the summary. */
async function openCanaryDialog(page) {
  await page.getByRole('button', { name: 'Edit Toll-free Support' }).click()
  const dialog = page.getByRole('dialog')
  const share = dialog.getByRole('spinbutton', { name: 'Canary share' })
  await share.fill('25')
  await dialog.getByText('After saving: Front Desk v3 answers 25 % of inbound calls.').waitFor()
  await share.scrollIntoViewIfNeeded()
}

/** The dialog's History tab of a curated number, with its seeded changes. */
async function openHistory(page) {
  await page.getByRole('button', { name: 'Edit Main Support Line' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('tab', { name: 'History' }).click()
  await dialog.getByRole('list', { name: /^Changes, newest first/ }).waitFor()
}

/**
 * The toolbar with the new filters set (Front Desk, its v3 inbound, Has canary off, a version list
 * open to none) and the agent usage region above the table, with its counts and recent changes.
 */
async function filterByAgent(page) {
  await page.getByRole('combobox', { name: 'Agent', exact: true }).selectOption({ label: 'Front Desk' })
  await page.getByRole('combobox', { name: 'Inbound version' }).selectOption({ label: 'Front Desk v3' })
  const region = page.getByRole('region', { name: 'Front Desk usage' })
  await region.getByRole('list', { name: 'Numbers per version, newest first' }).waitFor()
  await region.getByRole('list', { name: /^Recent changes, newest first/ }).waitFor()
  await page
    .getByRole('button', { name: /^Edit / })
    .first()
    .waitFor()
  return region
}

async function shoot(browser, baseUrl, { file, width, height }, prepare, element = false) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 })
  try {
    const page = await context.newPage()
    await openTable(page, baseUrl)
    const subject = await prepare(page)
    await (element ? subject : page).screenshot({ path: join(docs, file) })
    console.log(`Wrote docs/${file} (${width} × ${height})`)
  } finally {
    await context.close()
  }
}

async function main() {
  const launchOptions = await chromiumLaunchOptions()
  console.log(`Building the demo app into ${outDir}/ …`)
  await buildApp(outDir)

  const preview = await startPreview(outDir)
  let browser
  try {
    browser = await chromium.launch(launchOptions)
    await mkdir(docs, { recursive: true })
    const only = process.argv
      .find((arg) => arg.startsWith('--only='))
      ?.slice('--only='.length)
      .split(',')
    const wanted = (set) => !only || only.includes(set)
    if (wanted('table')) for (const shot of TABLE_SHOTS) await shoot(browser, preview.baseUrl, shot, async () => {})
    if (wanted('dialog'))
      for (const shot of DIALOG_SHOTS) await shoot(browser, preview.baseUrl, shot, openInterestingDialog)
    if (wanted('canary')) for (const shot of CANARY_SHOTS) await shoot(browser, preview.baseUrl, shot, openCanaryDialog)
    if (wanted('history')) for (const shot of HISTORY_SHOTS) await shoot(browser, preview.baseUrl, shot, openHistory)
    if (wanted('usage')) {
      for (const shot of USAGE_SHOTS) await shoot(browser, preview.baseUrl, shot, filterByAgent)
      for (const shot of USAGE_REGION_SHOTS) await shoot(browser, preview.baseUrl, shot, filterByAgent, true)
    }
    if (wanted('csv')) for (const shot of CSV_SHOTS) await shoot(browser, preview.baseUrl, shot, openImportPreview)
    if (wanted('bulk')) {
      for (const { name, width, height } of BULK_SHOTS) {
        const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 })
        const page = await context.newPage()
        await openTable(page, preview.baseUrl)
        await photographBulkChange(page, async (suffix) => {
          const file = `${name.replace(/(-390)?$/, `${suffix}$1`)}.png`
          await page.screenshot({ path: join(docs, file) })
          console.log(`Wrote docs/${file} (${width} × ${height})`)
        })
        await context.close()
      }
    }
  } finally {
    await browser?.close()
    preview.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
