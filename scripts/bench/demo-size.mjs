// @ts-check
/* global document, window -- functions passed to page.evaluate run in the page */
/**
 * One workspace size of the demo build: fresh loads to first rows, then every timed interaction in
 * one session, with the long tasks and long animation frames observed meanwhile.
 */
import { installBenchHooks, waitForFirstRows, waitForIdlePage } from './in-page.mjs'
import { trackRequests } from './network.mjs'
import { DEMO_DIR, DIALOG_OPENS, LOADS, PAGE_CLICKS, QUERIES, SAVES } from './options.mjs'
import { attributeFrames, sourceMaps } from './profiles.mjs'
import { phase, runDialogs, runPages, runSaves, runSearches, runUsageRegions } from './scenarios.mjs'
import { percentile, round, summarize } from './stats.mjs'

/**
 * @typedef {import('@playwright/test').Browser} Browser
 * @typedef {import('./in-page.mjs').LongTask} LongTask
 * @typedef {import('./network.mjs').WindowRequest} WindowRequest
 * @typedef {{ name: string, start: number, end: number, domContentLoaded?: number }} TimelineEntry
 * @typedef {{ note: string, createSeedWorkspace: number | null, buildWorkspace: number | null, startDemoBackend: number | null }} ProfiledSeed
 * @typedef {Awaited<ReturnType<typeof benchSize>>} SizeResult
 */

/**
 * Opens the page at `size` numbers in a fresh context (empty localStorage); `open()` resolves when rows and agent
 * names show and the page has finished loading, with the time it did.
 * @param {Browser} browser
 * @param {string} baseUrl
 * @param {number} size
 */
export async function openAt(browser, baseUrl, size) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 })
  await context.addInitScript(installBenchHooks)
  const page = await context.newPage()
  /** @type {string[]} */
  const errors = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())))
  const net = trackRequests(page)
  const open = async () => {
    await page.goto(`${baseUrl}/?numbers=${size}&latency=0`)
    await waitForFirstRows(page)
    await page.waitForFunction(
      () => !document.querySelector('.numbers-table .skeleton-text') && !document.querySelector('.updating'),
      null,
      { timeout: 30_000, polling: 50 },
    )
    await net.settle()
    return waitForIdlePage(page)
  }
  return { context, page, net, errors, open }
}

/**
 * Navigation to first rows in `n` fresh contexts (empty storage, no service worker yet).
 * @param {Browser} browser
 * @param {string} baseUrl
 * @param {number} size
 * @param {number} n
 */
async function moreLoads(browser, baseUrl, size, n) {
  /** @type {number[]} */
  const firstRows = []
  for (let i = 0; i < n; i++) {
    const { context, page, open } = await openAt(browser, baseUrl, size)
    try {
      await open()
      firstRows.push(round(await page.evaluate(() => window.__bench.firstRowsFrame)) ?? NaN)
    } finally {
      await context.close()
    }
  }
  return firstRows
}

/**
 * p50, p95 and max of the samples, and where the median window's time went around its first API request.
 * @param {{ ms: number, requests: unknown[], timing?: WindowRequest[] }[]} samples
 */
function stats(samples) {
  const ms = samples.map((s) => s.ms)
  // A save's `requests` are what it sent ("PATCH /v1/…"); its `timing` has them in its window, like the others' `requests`.
  /** @param {{ requests: unknown[], timing?: WindowRequest[] }} s */
  const requestsOf = (s) => s.timing ?? /** @type {WindowRequest[]} */ (s.requests)
  // The first API request of each window that answered before the outcome: action → request start → response end → outcome (medians).
  const first = samples.flatMap((s) => requestsOf(s).find((r) => (r.endToOutcomeMs ?? -1) >= 0) ?? [])
  /** @param {(r: WindowRequest) => number | null} pick */
  const median = (pick) =>
    round(
      percentile(
        first.map((r) => pick(r) ?? 0),
        50,
      ),
    )
  return {
    p50: round(percentile(ms, 50)),
    p95: round(percentile(ms, 95)),
    max: round(Math.max(...ms)),
    firstRequestP50:
      first.length === 0
        ? null
        : {
            windowsWithARequest: first.length,
            requestsStartedInWindowP50: round(
              percentile(
                samples.map((x) => requestsOf(x).length),
                50,
              ),
            ),
            actionToRequestStart: median((r) => r.startMs),
            request: median((r) => r.durationMs),
            responseToOutcome: median((r) => r.endToOutcomeMs),
          },
    samples,
  }
}

/**
 * The agent usage region: choice to counts shown, usage answer to counts shown, usage requests per agent view.
 * @param {import('./scenarios.mjs').UsageSample[]} samples
 */
function usageFigures(samples) {
  const afterAnswer = samples.flatMap((s) => (s.answerToShownMs === null ? [] : [s.answerToShownMs]))
  return {
    shown_ms: stats(samples),
    shown_after_answer_ms: {
      p50: round(percentile(afterAnswer, 50)),
      p95: round(percentile(afterAnswer, 95)),
      max: afterAnswer.length ? round(Math.max(...afterAnswer)) : null,
      views: afterAnswer.length,
    },
    usage_requests_per_view: { max: Math.max(0, ...samples.map((s) => s.usageRequests)) },
  }
}

/**
 * The whole bench at one size: LOADS fresh loads, then searches, pages, dialog opens, saves and
 * agent usage regions.
 * @param {Browser} browser
 * @param {string} baseUrl
 * @param {number} size
 */
export async function benchSize(browser, baseUrl, size) {
  const firstRowsOfOtherLoads = await moreLoads(browser, baseUrl, size, LOADS - 1)
  const { context, page, net, errors, open } = await openAt(browser, baseUrl, size)
  try {
    const idleAt = await open()
    const load = await page.evaluate(() => {
      const bench = window.__bench
      const rowsAt = bench.firstRowsFrame ?? Infinity
      /** @param {string} url */
      const path = (url) => new URL(url).pathname + new URL(url).search
      return {
        firstRowsDom: bench.firstRowsDom,
        firstRowsFrame: bench.firstRowsFrame,
        summary: document.querySelector('.toolbar-summary')?.textContent ?? '',
        // What happened before the first rows: the document, the scripts, the service worker, the API calls.
        timeline: [
          ...performance.getEntriesByType('navigation').map((entry) => {
            const e = /** @type {PerformanceNavigationTiming} */ (entry)
            return {
              name: 'document',
              start: e.startTime,
              end: e.responseEnd,
              domContentLoaded: e.domContentLoadedEventEnd,
            }
          }),
          ...performance
            .getEntriesByType('resource')
            .filter((e) => e.startTime <= rowsAt)
            .map((e) => ({
              name: path(e.name),
              start: e.startTime,
              end: /** @type {PerformanceResourceTiming} */ (e).responseEnd,
            })),
          ...Object.entries(bench.marks).map(([name, at]) => ({ name, start: at, end: at })),
        ]
          .map((e) => ({ ...e, start: Math.round(e.start), end: Math.round(e.end) }))
          .sort((a, b) => a.start - b.start),
        userTiming: performance
          .getEntriesByType('measure')
          .concat(performance.getEntriesByType('mark'))
          .map((e) => ({ type: e.entryType, name: e.name, start: e.startTime, duration: e.duration })),
      }
    })
    // The interactions start here: the load's own work (the parts loaded after the first rows, the demo backend starting) is done.
    load.timeline.push({ name: 'page idle', start: Math.round(idleAt), end: Math.round(idleAt) })
    const shownSize = Number(/^([\d,]+) numbers/.exec(load.summary)?.[1]?.replace(/,/g, '') ?? NaN)
    if (shownSize !== size) throw new Error(`Asked for ${size} numbers, the page shows "${load.summary}"`)

    const interactionStart = await page.evaluate(() => performance.now())
    const search = await phase(page, 'search', () => runSearches(page, net, QUERIES))
    const pages = await phase(page, 'page', () => runPages(page, net, PAGE_CLICKS))
    const dialogs = await phase(page, 'dialog', () => runDialogs(page, net, DIALOG_OPENS))
    const saves = await phase(page, 'save', () => runSaves(page, net, SAVES))
    const usage = await phase(page, 'usage', () => runUsageRegions(page, net))
    const interactionEnd = await page.evaluate(() => performance.now())

    const observed = await page.evaluate(() => ({
      longTasks: window.__bench.longTasks,
      frames: window.__bench.frames,
      phases: window.__bench.phases,
      windows: window.__bench.windows,
    }))
    // Outside the measured phases: each query's total, as the backend model computes it.
    const expectedTotals = await page.evaluate(
      (queries) =>
        Promise.all(
          queries.map(async (q) => (await window.__demoBackend?.listPhoneNumbers({ search: q, limit: '1' }))?.total),
        ),
      search.map((s) => s.query),
    )
    search.forEach((s, i) => (s.expectedTotal = expectedTotals[i]))
    const wrongSearches = search.filter((s) => s.shownTotal !== s.expectedTotal)

    /** @param {{ start: number }} e @param {number} start @param {number} end */
    const during = (e, start, end) => e.start >= start && e.start < end
    const loadTasks = observed.longTasks.filter((t) => t.start < interactionStart)
    const firstRowsDom = load.firstRowsDom
    const interactionTasks = observed.longTasks.filter((t) => during(t, interactionStart, interactionEnd))
    const byPhase = Object.fromEntries(
      observed.phases.map((p) => [p.kind, summarize(interactionTasks.filter((t) => during(t, p.start, p.end)))]),
    )
    // Overlapping a measured window (action to outcome): the app's own work, the harness only waits then.
    /** @param {LongTask} t @param {{ start: number | null, end: number }} w */
    const overlaps = (t, w) => t.start < w.end && t.start + t.duration > (w.start ?? Infinity)
    const inWindows = interactionTasks.filter((t) => observed.windows.some((w) => overlaps(t, w)))
    // Outside the windows, a task whose long animation frame ran no app script is the harness's.
    /** @param {import('./in-page.mjs').LongFrame} f */
    const appScript = (f) => f.scripts.some((x) => /\/assets\/[^/]+\.js/.test(x.sourceURL ?? ''))
    const harnessOnly = interactionTasks.filter((t) => {
      const frame = observed.frames.find((f) => t.start >= f.start - 1 && t.start < f.start + f.duration)
      return frame !== undefined && !appScript(frame)
    })
    const interactionFrames = observed.frames
      .filter((f) => during(f, interactionStart, interactionEnd))
      .map((f) => ({ ...f, phase: observed.phases.find((p) => during(f, p.start, p.end))?.kind ?? null }))
    const loadFrames = observed.frames.filter((f) => f.start < interactionStart)
    const mapFor = sourceMaps(DEMO_DIR)
    const saveRequests = saves.map((s) => s.requests.length)
    const firstRowsSamples = [...firstRowsOfOtherLoads, round(load.firstRowsFrame) ?? NaN]
    return {
      size,
      // The median of LOADS fresh loads; the timeline and profile below are of the last one.
      first_rows_ms: percentile(firstRowsSamples, 50),
      first_rows_samples: firstRowsSamples,
      first_rows_dom_ms: round(load.firstRowsDom),
      load_timeline: load.timeline,
      seed: {
        userTiming: load.userTiming,
        /** @type {ProfiledSeed | null} */
        profiled: null,
      },
      search_ms: stats(search),
      search_mismatches: wrongSearches.map((s) => ({ query: s.query, shown: s.shownTotal, expected: s.expectedTotal })),
      page_ms: stats(pages),
      dialog_open_ms: stats(dialogs),
      save_ms: stats(saves),
      usage_region: usageFigures(usage),
      requests_per_save: {
        mean: round(saveRequests.reduce((a, b) => a + b, 0) / saveRequests.length, 2),
        max: Math.max(...saveRequests),
      },
      list_refetches_per_save: {
        mean: round(saves.reduce((a, s) => a + s.listRefetches, 0) / saves.length, 2),
        max: Math.max(...saves.map((s) => s.listRefetches)),
      },
      long_tasks: {
        load: {
          ...summarize(loadTasks),
          // From the first rows until the page is idle: where a user's first click may land.
          // (The first paint's rows count: the app's mount, which replaces them, falls in this tail.)
          afterFirstRows: firstRowsDom === null ? null : summarize(loadTasks.filter((t) => t.start > firstRowsDom)),
          tasks: loadTasks,
        },
        interactions: {
          ...summarize(interactionTasks),
          byPhase,
          inMeasuredWindows: summarize(inWindows),
          inFramesWithNoAppScript: summarize(harnessOnly),
          tasks: interactionTasks,
        },
      },
      long_frames: {
        load: loadFrames,
        interactions: interactionFrames,
        attribution: attributeFrames(interactionFrames, mapFor),
        loadAttribution: attributeFrames(loadFrames, mapFor),
      },
      errors,
    }
  } finally {
    await context.close()
  }
}
