// @ts-check
/* global document, MutationObserver, window -- functions passed to page.evaluate run in the page */
/**
 * `npm run bench:bulk -- --cancel-retry`: the end of a job that did not finish, at each size. On the demo
 * (`?latency=0`), select all matching, deploy Outbound Sales v2 to the outbound side, and Cancel as soon
 * as the job runs; then `Download results (CSV)`, then `Retry failed` to the end. Each phase's time and
 * its long tasks (the guide: a job never holds the main thread over 50 ms), from its click to its end.
 */
import { expect } from '@playwright/test'
import { join } from 'node:path'
import { loadSourceMap } from '../lib/source-map.mjs'
import { printLongTaskFunctions, startProfile } from './long-task-profile.mjs'
import { chooseOutboundSalesV2 } from './routing-dialog.mjs'

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} baseUrl
 * @param {number} size
 * @param {{ dir: string, profile: boolean }} options the build served (its source maps name what ran in
 *   long frames); `profile`: also what the sampling profiler saw in each phase's long tasks, printed
 */
export async function benchCancelRetry(browser, baseUrl, size, { dir, profile }) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  await page.goto(`${baseUrl}/?numbers=${size}&latency=0&reset`)
  await page.evaluate(() => {
    const w = /** @type {any} */ (window)
    w.__longTasks = []
    w.__longFrames = []
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push({ start: entry.startTime, ms: entry.duration })
    }).observe({ type: 'longtask', buffered: false })
    // Long animation frames name the scripts they ran: where a long task's time went, without a profiler.
    new PerformanceObserver((list) => {
      for (const entry of /** @type {any[]} */ (list.getEntries())) {
        const scripts = /** @type {any[]} */ (entry.scripts)
          .filter((x) => x.duration > 5)
          .map((x) => ({ url: x.sourceURL, at: x.sourceCharPosition, fn: x.sourceFunctionName, ms: x.duration }))
        w.__longFrames.push({ start: entry.startTime, ms: entry.duration, scripts })
      }
    }).observe({ type: 'long-animation-frame', buffered: false })
  })
  const now = () => page.evaluate(() => performance.now())
  /** @type {Awaited<ReturnType<typeof startProfile>> | null} */
  let profiler = null
  const begin = async () => {
    if (profile) profiler = await startProfile(page)
    return now()
  }
  /** Time from `start` and the long tasks since. @param {string} name @param {number} start */
  const phase = async (name, start) => {
    const end = await now()
    /** @type {{ start: number, ms: number }[]} */
    const tasks = await page.evaluate(() => /** @type {any} */ (window).__longTasks)
    const long = tasks.filter((t) => t.start >= start && t.start <= end && t.ms > 50)
    /** @type {{ start: number, ms: number, scripts: { url: string, at: number, fn: string, ms: number }[] }[]} */
    const frames = await page.evaluate(() => /** @type {any} */ (window).__longFrames)
    const scripts = frames
      .filter((f) => f.start >= start && f.start <= end && f.ms > 50)
      .map(
        (f) =>
          `${Math.round(f.ms)} ms: ${f.scripts.map((x) => `${whereIs(x, dir)} ${Math.round(x.ms)} ms`).join(' | ')}`,
      )
    if (profiler) {
      const stopped = await profiler.stop()
      printLongTaskFunctions(dir, name, stopped.profile, stopped.markerAt, long)
    }
    return {
      ms: Math.round(end - start),
      longTasksOver50: long.length,
      longestTaskMs: Math.round(Math.max(0, ...long.map((t) => t.ms))),
      longFrames: scripts,
    }
  }

  await page.getByRole('checkbox', { name: 'Select all on this page' }).check()
  const region = page.getByRole('region', { name: 'Selection' })
  await region.getByRole('button', { name: /^Select all [\d,]+ matching$/ }).click()
  await region.getByRole('button', { name: 'Change routing…' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('combobox', { name: 'Agent' })).toBeVisible({ timeout: 120_000 })
  await chooseOutboundSalesV2(page, dialog)
  await dialog.getByRole('button', { name: 'Apply' }).click()

  const cancel = dialog.getByRole('button', { name: 'Cancel' })
  await cancel.waitFor({ timeout: 60_000 })
  const cancelStart = await begin()
  await cancel.click()
  const outcome = dialog.getByText(/^Changes applied: /)
  await expect(outcome).toBeVisible({ timeout: 120_000 })
  const cancelled = { ...(await phase('cancelling', cancelStart)), outcome: (await outcome.textContent()) ?? '' }

  const downloadStart = await begin()
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    dialog.getByRole('button', { name: 'Download results (CSV)' }).click(),
  ])
  const downloaded = await phase('downloading the results', downloadStart)
  const lines = (await streamText(await download.createReadStream())).split('\r\n').filter(Boolean).length

  const retryStart = await begin()
  // Waited for in the page: Playwright's polling would run its own scripts there for the half minute the retry takes.
  const retried = page.evaluate(waitForRetryOutcome)
  await dialog.getByRole('button', { name: 'Retry failed' }).click()
  await retried
  await expect(outcome).toBeVisible()
  const afterRetry = { ...(await phase('retrying', retryStart)), outcome: (await outcome.textContent()) ?? '' }
  await page.close()
  return { size, cancelled, download: { ...downloaded, lines }, retried: afterRetry }
}

/**
 * A script of a long animation frame: its function and file, and with the build's directory the
 * source line its position maps to.
 * @param {{ url: string, at: number, fn: string }} script
 * @param {string} dir
 */
function whereIs(script, dir) {
  const file = script.url.split('/').pop() ?? ''
  if (!file.endsWith('.js') || script.at < 0) return `${script.fn}@${file}:${script.at}`
  const at = loadSourceMap(join(dir, 'assets', file)).offset(script.at)
  return at ? `${at.source}:${at.line} ${at.text ?? ''}` : `${script.fn}@${file}:${script.at}`
}

/** Runs in the page: resolves once a job's outcome shows again after Retry failed (its button gone, the tally back). */
function waitForRetryOutcome() {
  const done = () => {
    const tally = [...document.querySelectorAll('[role="dialog"] [role="status"]')].some((e) =>
      e.textContent?.startsWith('Changes applied: '),
    )
    const retry = [...document.querySelectorAll('[role="dialog"] button')].some((b) => b.textContent === 'Retry failed')
    return tally && !retry
  }
  let started = false
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      // The outcome goes away while the retry runs, and comes back at its end.
      if (!started) started = !done()
      else if (done()) {
        observer.disconnect()
        resolve(undefined)
      }
    })
    observer.observe(document.body, { subtree: true, childList: true, characterData: true })
  })
}

/** @param {NodeJS.ReadableStream} stream */
async function streamText(stream) {
  const chunks = []
  for await (const chunk of stream) chunks.push(Buffer.from(chunk))
  return Buffer.concat(chunks).toString('utf8')
}
