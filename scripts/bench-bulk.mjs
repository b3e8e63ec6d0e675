#!/usr/bin/env node
// @ts-check
/* global window -- functions passed to page.evaluate run in the page */
/**
 * Bench of a bulk routing job (issue 15): at each size, on the demo with `?latency=0`, select all
 * matching, `Change routing…`, deploy Outbound Sales v2 to the outbound side. Measures the calls
 * (list pages to read the selection, publishes), the time to read the selection and to apply, long
 * tasks meanwhile, and the JS heap the finished job holds (after a forced GC). Prints a table; not
 * part of `npm test`, and not written into bench/results.json.
 *
 *   npm run bench:bulk                       10,000 and 100,000 numbers
 *   npm run bench:bulk -- --sizes=10000      only these sizes
 *   npm run bench:bulk -- --no-build         reuse dist-bench-bulk as it is
 *   npm run bench:bulk -- --profile          where the apply's time went, by source file and function, and
 *                                            what ran in the long tasks of reading the selection and applying
 *   npm run bench:bulk -- --heap-snapshot    what the job's heap growth is: the objects allocated between
 *                                            the two heap measurements and still held, by type (slow)
 *   npm run bench:bulk -- --cancel-retry     instead: a job cancelled as soon as it runs, then Download results
 *                                            and Retry failed, each with its long tasks (bench/bulk-cancel-retry.mjs)
 *
 * The demo backend runs in a Web Worker (src/mocks/browser/backend-host.ts): its work and memory are
 * not in the page's long tasks or heap, as a real server's would not be; the page's side of each
 * answer is.
 */
import { loadavg } from 'node:os'
import { chromium, expect } from '@playwright/test'
import { benchCancelRetry } from './bench/bulk-cancel-retry.mjs'
import { printLongTaskFunctions, startProfile } from './bench/long-task-profile.mjs'
import { chooseOutboundSalesV2 } from './bench/routing-dialog.mjs'
import { sourceMaps, summarizeProfiles } from './bench/profiles.mjs'
import { buildApp, chromiumLaunchOptions, startPreview } from './lib/built-app.mjs'
import { allocatedBetween, printAllocatedBetween, takeHeapSnapshot } from './lib/heap-snapshot.mjs'

const argv = process.argv.slice(2)
const option = (/** @type {string} */ name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
const SIZES = (option('sizes') ?? '10000,100000').split(',').filter(Boolean).map(Number)
const DIR = 'dist-bench-bulk'
const TARGETS = { jobMs: { 10000: 5_000, 100000: 30_000 }, longTaskMs: 50, heapMb: 20 }

/** @param {import('@playwright/test').Page} page */
async function heapMb(page) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = /** @type {{ usedSize: number }} */ (await cdp.send('Runtime.getHeapUsage'))
  await cdp.detach()
  return usedSize / 1024 / 1024
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} baseUrl
 * @param {number} size
 */
async function benchSize(browser, baseUrl, size) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  await page.goto(`${baseUrl}/?numbers=${size}&latency=0&reset`)
  await page.evaluate(() => {
    const w = /** @type {any} */ (window)
    w.__longTasks = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push({ start: entry.startTime, ms: entry.duration })
    }).observe({ type: 'longtask', buffered: false })
  })
  await page.getByRole('checkbox', { name: 'Select all on this page' }).check()
  const region = page.getByRole('region', { name: 'Selection' })
  await region.getByRole('button', { name: /^Select all [\d,]+ matching$/ }).click()
  await expect(region.getByText(`${size.toLocaleString('en-US')} selected`)).toBeVisible()
  const heapBefore = await heapMb(page)
  const snapshotBefore = argv.includes('--heap-snapshot') ? await takeHeapSnapshot(page) : null

  /** @type {{ method: string, url: string }[]} */
  const requests = []
  page.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith('/v1/')) requests.push({ method: r.method(), url: r.url() })
  })
  const now = () => page.evaluate(() => performance.now())
  const profiling = argv.includes('--profile')
  const longTasksSince = async (/** @type {number} */ start) =>
    /** @type {{ start: number, ms: number }[]} */ (
      (await page.evaluate(() => /** @type {any} */ (window).__longTasks)) ?? []
    ).filter((t) => t.ms > 50 && t.start >= start)
  const readProfile = profiling ? await startProfile(page) : null
  const readStart = await now()
  await region.getByRole('button', { name: 'Change routing…' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('combobox', { name: 'Agent' })).toBeVisible({ timeout: 120_000 })
  const readEnd = await now()
  if (readProfile) {
    const { profile, markerAt } = await readProfile.stop()
    printLongTaskFunctions(DIR, 'reading the selection', profile, markerAt, await longTasksSince(readStart))
  }
  const preview = await chooseOutboundSalesV2(page, dialog)
  const apply = dialog.getByRole('button', { name: 'Apply' })
  const applyProfile = profiling ? await startProfile(page) : null
  const applyStart = await now()
  const firstApplyRequest = requests.length
  await apply.click()
  await expect(dialog.getByText(/^Changes applied: /)).toBeVisible({ timeout: 300_000 })
  const applyEnd = await now()
  if (applyProfile) {
    const { profile, markerAt } = await applyProfile.stop()
    printHotFunctions(profile)
    printLongTaskFunctions(DIR, 'applying', profile, markerAt, await longTasksSince(applyStart))
  }
  const outcome = (await dialog.getByText(/^Changes applied: /).textContent()) ?? ''
  // The demo stores its workspace 2 s after the last write (src/mocks/browser/persistence.ts): let that pass first.
  await page.waitForTimeout(3_000)
  const heapAfter = await heapMb(page)
  if (snapshotBefore) printAllocatedBetween(allocatedBetween(snapshotBefore, await takeHeapSnapshot(page)))
  /** @type {{ start: number, ms: number }[]} */
  const longTasks = await page.evaluate(() => /** @type {any} */ (window).__longTasks)
  const inJob = longTasks.filter(
    (t) => (t.start >= readStart && t.start <= readEnd) || (t.start >= applyStart && t.start <= applyEnd),
  )
  const readRequests = requests.slice(0, firstApplyRequest)
  const applyRequests = requests.slice(firstApplyRequest)
  await page.close()
  return {
    size,
    listPages: readRequests.filter((r) => r.method === 'GET' && /\/v1\/phone-numbers\?/.test(r.url)).length,
    publishes: applyRequests.filter((r) => r.method === 'POST').length,
    otherApplyRequests: applyRequests
      .filter((r) => r.method !== 'POST')
      .map((r) => `${r.method} ${new URL(r.url).pathname}`),
    readMs: Math.round(readEnd - readStart),
    applyMs: Math.round(applyEnd - applyStart),
    jobMs: Math.round(readEnd - readStart + (applyEnd - applyStart)),
    longTasksOver50: inJob.filter((t) => t.ms > 50).length,
    // Where each one was: in reading the selection or in applying, how far in (ms), and how long.
    longTasks: inJob
      .filter((t) => t.ms > 50)
      .map((t) =>
        t.start <= readEnd
          ? `read +${Math.round(t.start - readStart)}: ${Math.round(t.ms)}`
          : `apply +${Math.round(t.start - applyStart)}: ${Math.round(t.ms)}`,
      ),
    longestTaskMs: Math.round(Math.max(0, ...inJob.map((t) => t.ms))),
    heapGrowthMb: Math.round((heapAfter - heapBefore) * 10) / 10,
    preview,
    outcome,
  }
}

/**
 * Where the time went while the job applied (`--profile`): self time by file and by line, and the
 * app's own functions with what they called, mapped through the build's source maps.
 * @param {import('./bench/profiles.mjs').Profile} profile
 */
function printHotFunctions(profile) {
  const summary = summarizeProfiles([profile], sourceMaps(DIR))
  console.log(JSON.stringify({ busyMs: summary.busyMs, idleMs: summary.idleMs }))
  for (const list of [summary.selfByFile, summary.self, summary.inclusiveSrc]) {
    for (const { ms, key } of list) console.log(`${ms} ms  ${key}`)
    console.log('')
  }
}

async function main() {
  const load = (loadavg()[0] ?? 0).toFixed(2)
  if (!argv.includes('--no-build')) await buildApp(DIR)
  const { baseUrl, stop } = await startPreview(DIR)
  const browser = await chromium.launch(chromiumLaunchOptions())
  try {
    if (argv.includes('--cancel-retry')) {
      for (const size of SIZES) {
        console.log(
          JSON.stringify(
            await benchCancelRetry(browser, baseUrl, size, { dir: DIR, profile: argv.includes('--profile') }),
          ),
        )
      }
      console.log(`load average ${load} at start, ${(loadavg()[0] ?? 0).toFixed(2)} at end`)
      return
    }
    const results = []
    for (const size of SIZES) {
      const result = await benchSize(browser, baseUrl, size)
      results.push(result)
      console.log(JSON.stringify(result))
    }
    console.log(
      `\nBulk routing job (demo, ?latency=0), load average ${load} at start, ${(loadavg()[0] ?? 0).toFixed(2)} at end`,
    )
    console.log(
      'size     list pages  publishes (target)   read ms  apply ms  job ms (target)   long tasks >50 ms (longest)  page heap growth MB (target)',
    )
    for (const r of results) {
      const publishTarget = Math.ceil(r.size / 1000)
      const jobTarget = TARGETS.jobMs[/** @type {10000|100000} */ (r.size)] ?? '—'
      console.log(
        [
          String(r.size).padEnd(8),
          `${r.listPages} (${r.size / 200})`.padEnd(11),
          `${r.publishes} (≤ ${publishTarget})`.padEnd(20),
          String(r.readMs).padEnd(8),
          String(r.applyMs).padEnd(9),
          `${r.jobMs} (≤ ${jobTarget})`.padEnd(17),
          `${r.longTasksOver50} (${r.longestTaskMs})`.padEnd(28),
          `${r.heapGrowthMb} (< ${TARGETS.heapMb})`,
        ].join(' '),
      )
    }
  } finally {
    await browser.close()
    stop()
  }
}

await main()
