// @ts-check
/* global requestAnimationFrame, window -- functions passed to page.evaluate run in the page */
/** The page's API requests as the harness sees them, and the outcome of a timed action with the requests in its window. */
import { armWaiter } from './in-page.mjs'
import { round } from './stats.mjs'

/**
 * @typedef {import('@playwright/test').Page} Page
 * @typedef {import('@playwright/test').Request} Request
 * @typedef {{ method: string, path: string }} RecordedRequest
 * @typedef {{ request: string, startMs: number | null, durationMs: number | null, endToOutcomeMs: number | null }} WindowRequest
 * @typedef {{ record: () => () => RecordedRequest[], settle: (quietMs?: number, timeoutMs?: number) => Promise<void> }} RequestTracker
 */

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The page's own API requests (the demo's service worker answers them; its own fetches to the network are not counted).
 * @param {Page} page
 * @returns {RequestTracker}
 */
export function trackRequests(page) {
  /** @type {Set<Request>} */
  const inflight = new Set()
  /** @type {Set<RecordedRequest[]>} */
  const recorders = new Set()
  let lastActivity = Date.now()
  /** @param {Request} request */
  const isApi = (request) => {
    try {
      return request.serviceWorker() === null && new URL(request.url()).pathname.startsWith('/v1/')
    } catch {
      return false
    }
  }
  page.on('request', (request) => {
    if (!isApi(request)) return
    inflight.add(request)
    lastActivity = Date.now()
    const entry = { method: request.method(), path: new URL(request.url()).pathname }
    for (const list of recorders) list.push(entry)
  })
  /** @param {Request} request */
  const done = (request) => {
    if (inflight.delete(request)) lastActivity = Date.now()
  }
  page.on('requestfinished', done)
  page.on('requestfailed', done)
  return {
    record() {
      /** @type {RecordedRequest[]} */
      const list = []
      recorders.add(list)
      return () => {
        recorders.delete(list)
        return list
      }
    },
    /** Until no API request is in flight and none started for `quietMs`, then two frames. */
    async settle(quietMs = 100, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs
      while (Date.now() < deadline && (inflight.size > 0 || Date.now() - lastActivity < quietMs)) await sleep(20)
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    },
  }
}

/**
 * Starts watching the page for the outcome of the action about to be taken (in-page.mjs's armWaiter).
 * @param {Page} page
 * @param {import('./in-page.mjs').WaiterSpec} spec
 */
export const arm = (page, spec) => page.evaluate(armWaiter, spec)

/**
 * Resolves with the time from the action to its outcome, and the API requests that started in
 * that window (Resource Timing, relative to the action): where the time went between the two.
 * @param {Page} page
 * @param {import('./in-page.mjs').WaiterSpec} spec
 * @param {'lastInput' | 'lastClick'} startField
 * @returns {Promise<{ ms: number, summary: string, requests: WindowRequest[] }>}
 */
export async function waitForOutcome(page, spec, startField) {
  const result = await page.evaluate(() =>
    (window.__bench.waiter ?? Promise.resolve(null)).then(
      (r) =>
        r && {
          ...r,
          requests: performance
            .getEntriesByType('resource')
            .filter((e) => e.name.includes('/v1/'))
            .map((e) => ({
              url: e.name,
              start: e.startTime,
              end: /** @type {PerformanceResourceTiming} */ (e).responseEnd,
            })),
        },
    ),
  )
  if (result === null) throw new Error(`No outcome within 20 s: ${JSON.stringify(spec)}`)
  const start = result[startField]
  if (start === null) throw new Error(`No ${startField} recorded for ${JSON.stringify(spec)}`)
  const requests = result.requests
    .filter((r) => r.start >= start && r.start <= result.done)
    .map((r) => {
      const url = new URL(r.url)
      return {
        request: `${url.pathname}${url.search}`,
        startMs: round(r.start - start),
        durationMs: round(r.end - r.start),
        endToOutcomeMs: round(result.done - r.end),
      }
    })
  return { ms: round(result.done - start) ?? 0, summary: result.summary, requests }
}
