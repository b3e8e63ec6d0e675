#!/usr/bin/env node
/**
 * Screenshots of the Phone Numbers page for docs/: builds the demo app, serves it with
 * `vite preview` on a free port, and photographs the table at each supported width and the edit
 * dialog and its History tab on a desktop and a phone screen, in Chromium.
 *
 *   npm run screenshots            (CHROMIUM_PATH=/path/to/chromium to choose the browser)
 *   npm run screenshots -- --only=bulk   only the bulk change's (scripts/screenshots-bulk.mjs)
 *   npm run screenshots -- --only=csv    only Import CSV's preview (scripts/screenshots-csv.mjs)
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
const HISTORY_SHOTS = [
  { file: 'history-tab.png', width: 1280, height: 900 },
  { file: 'history-tab-390.png', width: 390, height: 844 },
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

/** The dialog's History tab of a curated number, with its seeded changes. */
async function openHistory(page) {
  await page.getByRole('button', { name: 'Edit Main Support Line' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('tab', { name: 'History' }).click()
  await dialog.getByRole('list', { name: /^Changes, newest first/ }).waitFor()
}

async function shoot(browser, baseUrl, { file, width, height }, prepare) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 })
  try {
    const page = await context.newPage()
    await openTable(page, baseUrl)
    await prepare(page)
    await page.screenshot({ path: join(docs, file) })
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
    const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length)
    if (!only) {
      for (const shot of TABLE_SHOTS) await shoot(browser, preview.baseUrl, shot, async () => {})
      for (const shot of DIALOG_SHOTS) await shoot(browser, preview.baseUrl, shot, openInterestingDialog)
      for (const shot of HISTORY_SHOTS) await shoot(browser, preview.baseUrl, shot, openHistory)
    }
    if (!only || only === 'csv') {
      for (const shot of CSV_SHOTS) await shoot(browser, preview.baseUrl, shot, openImportPreview)
    }
    for (const { name, width, height } of only && only !== 'bulk' ? [] : BULK_SHOTS) {
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
  } finally {
    await browser?.close()
    preview.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
