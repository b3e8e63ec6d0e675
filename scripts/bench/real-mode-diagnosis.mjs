// @ts-check
/* global MutationObserver, document, window -- functions passed to page.evaluate run in the page */
/**
 * Where the real-mode app's first rows wait: a CPU profile of one load (mapped through the
 * real-server build's source maps), a Chrome trace of the span from the first list page's answer
 * to the first row, and the long animation frames of the load by script.
 */
import { installBenchHooks, waitForFirstRows } from './in-page.mjs'
import { REAL_DIR } from './options.mjs'
import { attributeFrames, profilerWatch, sourceMaps, summarizeProfiles } from './profiles.mjs'
import { TRACE_CATEGORIES, summarizeTrace } from './traces.mjs'

/**
 * @typedef {import('@playwright/test').Browser} Browser
 * @typedef {{ profile: import('./profiles.mjs').ProfileSummary, answerToRows: import('./traces.mjs').TraceSummary,
 *   loadFrames: import('./profiles.mjs').FrameAttribution[] }} RealModeDiagnosis
 */

/**
 * Init script for the trace: `bench:action` when the first list page's answer is in (its Resource
 * Timing entry appears), `bench:outcome` when a row's Edit button is: the window summarizeTrace adds up.
 */
function markAnswerToRows() {
  let answered = false
  new PerformanceObserver((list) => {
    if (answered) return
    if (list.getEntries().some((e) => new URL(e.name).pathname === '/v1/phone-numbers')) {
      answered = true
      performance.mark('bench:action')
    }
  }).observe({ type: 'resource' })
  const observer = new MutationObserver(() => {
    if (!document.querySelector('tr button[aria-label^="Edit "]')) return
    performance.mark('bench:outcome')
    observer.disconnect()
  })
  observer.observe(document, { childList: true, subtree: true })
}

/**
 * @param {Browser} browser
 * @param {(page: import('@playwright/test').Page) => Promise<void>} body
 */
async function inFreshContext(browser, body) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 })
  try {
    await context.addInitScript(installBenchHooks)
    await context.addInitScript(markAnswerToRows)
    const page = await context.newPage()
    // Started on about:blank, so the profiler and the tracer see the whole navigation.
    await page.goto('about:blank')
    await body(page)
  } finally {
    await context.close()
  }
}

/**
 * @param {import('@playwright/test').Page} page
 * @param {string} url
 */
async function loadToFirstRows(page, url) {
  await page.goto(url)
  await waitForFirstRows(page)
}

/**
 * @param {Browser} browser
 * @param {string} appBaseUrl
 * @returns {Promise<RealModeDiagnosis>}
 */
export async function diagnoseRealMode(browser, appBaseUrl) {
  const mapFor = sourceMaps(REAL_DIR)
  /** @type {RealModeDiagnosis['profile'] | null} */
  let profile = null
  /** @type {RealModeDiagnosis['loadFrames']} */
  let loadFrames = []
  await inFreshContext(browser, async (page) => {
    const watch = await profilerWatch(page)
    await watch.open()
    await loadToFirstRows(page, `${appBaseUrl}/`)
    await watch.close()
    await watch.detach()
    profile = summarizeProfiles(watch.profiles, mapFor)
    const frames = await page.evaluate(() => window.__bench.frames)
    loadFrames = attributeFrames(frames, mapFor)
  })
  /** @type {RealModeDiagnosis['answerToRows'] | null} */
  let answerToRows = null
  await inFreshContext(browser, async (page) => {
    await browser.startTracing(page, { categories: TRACE_CATEGORIES, screenshots: false })
    await loadToFirstRows(page, `${appBaseUrl}/`)
    answerToRows = summarizeTrace(await browser.stopTracing(), appBaseUrl)
  })
  if (profile === null || answerToRows === null) throw new Error('The real-mode load was not profiled')
  return { profile, answerToRows, loadFrames }
}
