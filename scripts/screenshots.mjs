#!/usr/bin/env node
/**
 * Screenshots of the Phone Numbers page for docs/: builds the demo app, serves it with
 * `vite preview` on a free port, and photographs the table and the edit dialog in Chromium.
 *
 *   npm run screenshots            (CHROMIUM_PATH=/path/to/chromium to choose the browser)
 */
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { buildApp, chromiumLaunchOptions, root, startPreview } from './lib/built-app.mjs'

const outDir = 'dist-screens'
const docs = join(root, 'docs')

async function main() {
  const launchOptions = await chromiumLaunchOptions()
  console.log(`Building the demo app into ${outDir}/ …`)
  await buildApp(outDir)

  const preview = await startPreview(outDir)
  const baseUrl = preview.baseUrl
  let browser
  try {
    browser = await chromium.launch(launchOptions)
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 })
    const page = await context.newPage()
    await page.goto(`${baseUrl}/?latency=0`)
    // Rows and agent names (the agents list) both loaded.
    const mainRow = page.getByRole('row').filter({ has: page.getByRole('button', { name: 'Edit Main Support Line' }) })
    await mainRow.getByRole('cell', { name: 'Front Desk · v3' }).waitFor()
    await mkdir(docs, { recursive: true })
    await page.screenshot({ path: join(docs, 'phone-numbers-table.png') })
    console.log('Wrote docs/phone-numbers-table.png')

    // The dialog in an interesting state: a draft chosen for the empty outbound side, so the
    // publish notice and the "what Save will do" summary both show.
    await page.getByRole('button', { name: 'Edit Main Support Line' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('combobox', { name: 'Outbound agent' }).click()
    await page.getByRole('option', { name: 'Appointment Reminders', exact: true }).click()
    await dialog.getByRole('combobox', { name: 'Outbound version' }).click()
    await page.getByRole('option', { name: 'v3 · draft', exact: true }).click()
    await dialog.getByText('v3 is a draft: saving publishes it.').waitFor()
    await page.getByRole('listbox').waitFor({ state: 'hidden' })
    await page.screenshot({ path: join(docs, 'edit-dialog.png') })
    console.log('Wrote docs/edit-dialog.png')
  } finally {
    await browser?.close()
    preview.stop()
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
