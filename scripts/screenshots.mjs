#!/usr/bin/env node
/**
 * Screenshots of the Phone Numbers page for docs/: builds the demo app, serves it with
 * `vite preview` on a free port, and photographs the table and the edit dialog in Chromium.
 *
 *   npm run screenshots            (CHROMIUM_PATH=/path/to/chromium to choose the browser)
 */
import { spawn } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { chromium } from '@playwright/test'
import ts from 'typescript'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = 'dist-screens'
const docs = join(root, 'docs')

/** The same launch options as the end-to-end tests: e2e/support/chromium.ts, transpiled on the fly. */
async function chromiumLaunchOptions() {
  const source = await readFile(join(root, 'e2e/support/chromium.ts'), 'utf8')
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
  })
  // Inside node_modules, so the module's own `@playwright/test` import resolves.
  const file = join(root, 'node_modules/.cache/screenshots/chromium.mjs')
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, outputText)
  const module = await import(pathToFileURL(file).href)
  return module.chromiumLaunchOptions()
}

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    )
  })
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

async function waitForServer(url, child, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`)
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`)
}

/** Starts `vite preview` in its own process group, so stopping it stops npx's children too. */
function startPreview(port) {
  const child = spawn(
    'npx',
    ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], detached: true },
  )
  const stop = () => {
    if (child.exitCode !== null || child.pid === undefined) return
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
  return { child, stop }
}

async function main() {
  const launchOptions = await chromiumLaunchOptions()
  console.log(`Building the demo app into ${outDir}/ …`)
  await run('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'])

  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const preview = startPreview(port)
  process.on('exit', preview.stop)
  let browser
  try {
    await waitForServer(baseUrl, preview.child)
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
