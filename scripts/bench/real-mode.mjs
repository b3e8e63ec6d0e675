// @ts-check
/* global window -- functions passed to page.evaluate run in the page */
/**
 * The real-mode load: the real-server build against the test API server (e2e/real-server/) at
 * REAL_MODE_SIZE numbers, and a floor page (floor.html) that fetches the same first page with the
 * same key and renders it as a plain table. Loads alternate between the two, each in a fresh
 * browser context, so load on the machine weighs on both alike.
 */
import { copyFile } from 'node:fs/promises'
import { join } from 'node:path'
import { buildApp, root, run, startPreview, startServer } from '../lib/built-app.mjs'
import { installBenchHooks, waitForFirstRows } from './in-page.mjs'
import { waitForQuietMachine } from './machine.mjs'
import {
  REAL_API_BASE_URL,
  REAL_API_KEY,
  REAL_API_PORT,
  REAL_DIR,
  REAL_MODE_LOADS,
  REAL_MODE_SIZE,
  REAL_SERVER_DIR,
} from './options.mjs'
import { median, round } from './stats.mjs'

/**
 * @typedef {import('@playwright/test').Browser} Browser
 * @typedef {{ name: string, start: number, end: number }} LoadStep
 * @typedef {{ scriptsLoaded: number | null, domContentLoaded: number | null, firstApiRequest: number | null,
 *   listAnswered: number | null, firstRows: number }} Milestones
 * @typedef {Milestones & { steps: LoadStep[], longTasks: { start: number, duration: number }[] }} RealLoad
 * @typedef {{ samples: number[], median: number | null, listAnsweredMedian: number | null,
 *   milestones: Record<keyof Milestones, number | null>, lastLoad: RealLoad | null }} LoadSeries
 * @typedef {{ size: number, loads: number, keySupply: string, firstListRequest: string, app: LoadSeries, floor: LoadSeries, ratio: number | null, loadsStartedBusy: number | null, quietBefore?: import('./machine.mjs').MachineWait }} RealModeResult
 */

export const FLOOR_PAGE = 'floor.html'
const LIST_PATH = '/v1/phone-numbers'

/**
 * Builds the real-server app with the test server's address and admin key baked in (as a
 * deployment could bake its own), with the floor page beside it.
 */
export async function buildRealMode() {
  await buildApp(REAL_DIR, { VITE_API_BASE_URL: REAL_API_BASE_URL, VITE_API_KEY: REAL_API_KEY })
  await copyFile(join(root, 'scripts/bench', FLOOR_PAGE), join(root, REAL_DIR, FLOOR_PAGE))
  // Node 20 runs no TypeScript: the test server is bundled first, as playwright.config.ts does.
  await run('npx', [
    'vite',
    'build',
    '--ssr',
    'e2e/real-server/main.ts',
    '--outDir',
    REAL_SERVER_DIR,
    '--emptyOutDir',
    '--logLevel',
    'warn',
  ])
}

/**
 * Serves the real-server build (and the floor page) with `vite preview`, and the test API server
 * with CORS for that origin, seeded with `size` numbers.
 * @returns {Promise<{ appBaseUrl: string, stop: () => void }>}
 */
export async function startRealMode(size = REAL_MODE_SIZE) {
  const preview = await startPreview(REAL_DIR)
  try {
    const api = await startServer('node', [join(REAL_SERVER_DIR, 'main.js')], {
      readyUrl: `${REAL_API_BASE_URL}/__control/health`,
      env: {
        REAL_API_PORT: String(REAL_API_PORT),
        REAL_API_ALLOWED_ORIGINS: preview.baseUrl,
        REAL_API_NUMBERS: String(size),
      },
      timeoutMs: 60_000,
    })
    return {
      appBaseUrl: preview.baseUrl,
      stop: () => {
        api.stop()
        preview.stop()
      },
    }
  } catch (error) {
    preview.stop()
    throw error
  }
}

/**
 * Opens `url` in a fresh context with the bench's hooks; resolves when a row's Edit button is in
 * the DOM, with the load's steps (navigation, scripts, API requests) until then.
 * @param {Browser} browser
 * @param {string} url
 * @returns {Promise<RealLoad & { listRequest: string | null }>}
 */
export async function loadOnce(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 })
  try {
    await context.addInitScript(installBenchHooks)
    const page = await context.newPage()
    /** @type {string | null} */
    let listRequest = null
    page.on('request', (request) => {
      if (listRequest === null && new URL(request.url()).pathname === LIST_PATH && request.method() === 'GET') {
        listRequest = request.url()
      }
    })
    await page.goto(url)
    const prompt = page.getByRole('button', { name: 'Connect', exact: true })
    await waitForFirstRows(page)
    if (await prompt.isVisible()) throw new Error(`${url} asks for a key: the build has no VITE_API_KEY`)
    const load = await page.evaluate((listPath) => {
      const bench = window.__bench
      const firstRows = bench.firstRowsDom ?? 0
      const nav = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0])
      const resources = /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource'))
      /** @param {string} name */
      const label = (name) => {
        const u = new URL(name)
        return u.pathname.startsWith('/assets/') ? u.pathname.slice('/assets/'.length) : u.pathname
      }
      const list = resources.find((e) => new URL(e.name).pathname === listPath)
      const dcl = nav ? nav.domContentLoadedEventEnd : null
      // The scripts index.html loads (those that started before DOMContentLoaded), and the first API call.
      const initialScripts = resources.filter(
        (e) => e.initiatorType === 'script' || /\.js$/.test(new URL(e.name).pathname),
      )
      const beforeDcl = initialScripts.filter((e) => dcl === null || e.startTime < dcl)
      const api = resources.filter((e) => new URL(e.name).pathname.startsWith('/v1/'))
      return {
        firstRows,
        listAnswered: list ? list.responseEnd : null,
        scriptsLoaded: beforeDcl.length ? Math.max(...beforeDcl.map((e) => e.responseEnd)) : null,
        domContentLoaded: dcl,
        firstApiRequest: api.length ? Math.min(...api.map((e) => e.startTime)) : null,
        steps: [
          ...(nav ? [{ name: 'document', start: nav.startTime, end: nav.responseEnd }] : []),
          ...(nav
            ? [{ name: 'DOMContentLoaded', start: nav.domContentLoadedEventEnd, end: nav.domContentLoadedEventEnd }]
            : []),
          ...resources
            .filter((e) => e.startTime <= firstRows)
            .map((e) => ({ name: label(e.name), start: e.startTime, end: e.responseEnd })),
          { name: 'first rows', start: firstRows, end: firstRows },
        ]
          .map((e) => ({ ...e, start: Math.round(e.start), end: Math.round(e.end) }))
          .sort((a, b) => a.start - b.start),
        longTasks: bench.longTasks.filter((t) => t.start <= firstRows),
      }
    }, LIST_PATH)
    return { ...load, listRequest }
  } finally {
    await context.close()
  }
}

/** @type {(keyof Milestones)[]} */
export const MILESTONES = ['scriptsLoaded', 'domContentLoaded', 'firstApiRequest', 'listAnswered', 'firstRows']

/**
 * Each milestone's median over the loads: where the time to first rows goes, step by step.
 * @param {RealLoad[]} loads
 * @returns {Record<keyof Milestones, number | null>}
 */
function milestoneMedians(loads) {
  /** @param {keyof Milestones} name */
  const of = (name) => round(median(loads.flatMap((l) => l[name] ?? [])), 0)
  return {
    scriptsLoaded: of('scriptsLoaded'),
    domContentLoaded: of('domContentLoaded'),
    firstApiRequest: of('firstApiRequest'),
    listAnswered: of('listAnswered'),
    firstRows: of('firstRows'),
  }
}

/**
 * REAL_MODE_LOADS fresh loads of the app and as many of the floor, alternating; the floor asks for
 * the URL of the app's own first list request. One load of each comes first and is not counted: the
 * test server's first answers (its code not yet compiled) would otherwise fall on the app's first
 * load alone, which always comes before the floor's.
 * @param {Browser} browser
 * @param {string} appBaseUrl
 * @param {number} [size]
 * @returns {Promise<RealModeResult>}
 */
export async function measureRealMode(browser, appBaseUrl, size = REAL_MODE_SIZE) {
  /** @type {RealLoad[]} */
  const app = []
  /** @type {RealLoad[]} */
  const floor = []
  /** @type {string | null} */
  let firstListRequest = null
  // Each load on a quiet machine: the last one's browser process, closing, would otherwise share it.
  // The counted loads that started on a machine still busy after 5 s are reported (null: not checked).
  /** @type {number | null} */
  let loadsStartedBusy = 0
  let counting = false
  const quietly = async (/** @type {string} */ url) => {
    const { quiet } = await waitForQuietMachine({ windowMs: 300, timeoutMs: 5_000 })
    if (quiet === null) loadsStartedBusy = null
    else if (counting && !quiet && loadsStartedBusy !== null) loadsStartedBusy++
    return loadOnce(browser, url)
  }
  for (let i = -1; i < REAL_MODE_LOADS; i++) {
    counting = i >= 0
    const appLoad = await quietly(`${appBaseUrl}/`)
    firstListRequest ??= appLoad.listRequest
    if (firstListRequest === null) throw new Error('The real-mode app showed rows without requesting a list page')
    const query = new URLSearchParams({ url: firstListRequest, key: REAL_API_KEY })
    const floorLoad = await quietly(`${appBaseUrl}/${FLOOR_PAGE}?${query}`)
    if (i < 0) continue
    app.push(appLoad)
    floor.push(floorLoad)
  }
  /** @param {RealLoad[]} loads @returns {LoadSeries} */
  const series = (loads) => ({
    samples: loads.map((l) => round(l.firstRows) ?? 0),
    median: round(median(loads.map((l) => l.firstRows))),
    listAnsweredMedian: round(median(loads.flatMap((l) => l.listAnswered ?? []))),
    milestones: milestoneMedians(loads),
    lastLoad: loads.at(-1) ?? null,
  })
  const appSeries = series(app)
  const floorSeries = series(floor)
  return {
    size,
    loads: REAL_MODE_LOADS,
    keySupply: `the test admin key baked in at build time as a deployment could (VITE_API_KEY=${REAL_API_KEY}), so no key prompt`,
    firstListRequest: firstListRequest ?? '',
    app: appSeries,
    floor: floorSeries,
    ratio: appSeries.median !== null && floorSeries.median ? round(appSeries.median / floorSeries.median, 2) : null,
    loadsStartedBusy,
  }
}
