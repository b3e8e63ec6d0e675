// @ts-check
/* global window -- functions passed to page.evaluate run in the page */
/**
 * The timed interactions, each as a user does it: typing a query, paging, opening the editor,
 * saving a change. Each returns one sample per action; `watch` opens and closes around the
 * measured part (a profiler or a tracer when diagnosing, nothing otherwise).
 */
import { arm, sleep, waitForOutcome } from './network.mjs'
import { SAVE_AGENTS, SAVE_TAIL_MS } from './options.mjs'

/**
 * @typedef {import('@playwright/test').Page} Page
 * @typedef {import('./network.mjs').RequestTracker} RequestTracker
 * @typedef {import('./network.mjs').WindowRequest} WindowRequest
 * @typedef {{ open: () => Promise<unknown>, close: () => Promise<unknown> }} Watch
 * @typedef {{ ms: number, requests: WindowRequest[] }} Sample
 * @typedef {Sample & { query: string, shownTotal: number, expectedTotal?: number }} SearchSample
 * @typedef {{ ms: number, row: string | null, from: string, to: string, requests: string[], listRefetches: number, timing: WindowRequest[] }} SaveSample
 * @typedef {'search' | 'page' | 'dialog' | 'save'} Kind
 */

/** What a measured window does when nothing watches it. @type {Watch} */
export const UNWATCHED = { open: async () => {}, close: async () => {} }

/**
 * Runs `body` and records its span in the page as a phase, so long tasks can be charged to it.
 * @template T
 * @param {Page} page
 * @param {Kind} kind
 * @param {() => Promise<T>} body
 */
export async function phase(page, kind, body) {
  const start = await page.evaluate(() => performance.now())
  try {
    return await body()
  } finally {
    const end = await page.evaluate(() => performance.now())
    await page.evaluate((p) => window.__bench.phases.push(p), { kind, start, end })
  }
}

/**
 * Each query: typed, the last keystroke to its rows; then the box is cleared (not timed).
 * @param {Page} page
 * @param {RequestTracker} net
 * @param {string[]} queries
 * @returns {Promise<SearchSample[]>}
 */
export async function runSearches(page, net, queries, watch = UNWATCHED) {
  const box = page.getByRole('searchbox', { name: 'Search numbers' })
  /** @type {SearchSample[]} */
  const samples = []
  for (const query of queries) {
    await box.focus()
    await arm(page, { kind: 'search', query })
    await page.keyboard.type(query.slice(0, -1))
    await watch.open()
    await page.keyboard.type(query.slice(-1))
    const { ms, summary, requests } = await waitForOutcome(page, { kind: 'search', query }, 'lastInput')
    await watch.close()
    const shownTotal = Number(/^([\d,]+) number/.exec(summary)?.[1]?.replace(/,/g, '') ?? NaN)
    samples.push({ query, ms, shownTotal, requests })
    await net.settle()
    await arm(page, { kind: 'cleared' })
    await box.fill('')
    await waitForOutcome(page, { kind: 'cleared' }, 'lastInput')
    await net.settle()
  }
  return samples
}

/**
 * Next page, `clicks` times: the click to the new page's rows.
 * @param {Page} page
 * @param {RequestTracker} net
 * @param {number} clicks
 * @returns {Promise<(Sample & { page: number })[]>}
 */
export async function runPages(page, net, clicks, watch = UNWATCHED) {
  const samples = []
  const next = page.getByRole('button', { name: 'Next page', exact: true })
  for (let i = 0; i < clicks; i++) {
    const current = Number(new URL(page.url()).searchParams.get('page') ?? '1')
    const previousFirst = await page.locator('.numbers-table tbody .number-main').first().textContent()
    /** @type {import('./in-page.mjs').WaiterSpec} */
    const spec = { kind: 'page', page: current + 1, previousFirst }
    await arm(page, spec)
    await watch.open()
    await next.click()
    const { ms, requests } = await waitForOutcome(page, spec, 'lastClick')
    await watch.close()
    samples.push({ page: current + 1, ms, requests })
    await net.settle()
  }
  return samples
}

/**
 * @param {Page} page
 * @param {number} index
 */
const rowAt = (page, index) => page.locator('.numbers-table tbody tr').nth(index)

/**
 * Opens the editor of each of the first `count` rows: the click to the dialog showing the inbound agent.
 * @param {Page} page
 * @param {RequestTracker} net
 * @param {number} count
 * @returns {Promise<(Sample & { row: string | null })[]>}
 */
export async function runDialogs(page, net, count, watch = UNWATCHED) {
  const samples = []
  for (let i = 0; i < count; i++) {
    const button = rowAt(page, i).locator('td.actions button')
    const editLabel = await button.getAttribute('aria-label')
    await arm(page, { kind: 'dialog' })
    await watch.open()
    await button.click()
    const { ms, requests } = await waitForOutcome(page, { kind: 'dialog' }, 'lastClick')
    await watch.close()
    samples.push({ row: editLabel, ms, requests })
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').waitFor({ state: 'hidden' })
    await net.settle()
  }
  return samples
}

/**
 * Toggles the outbound side of `count` rows between two agents; times Save to the row showing it.
 * @param {Page} page
 * @param {RequestTracker} net
 * @param {number} count
 * @returns {Promise<SaveSample[]>}
 */
export async function runSaves(page, net, count, watch = UNWATCHED) {
  /** @type {SaveSample[]} */
  const samples = []
  for (let i = 0; i < count; i++) {
    const row = rowAt(page, i)
    const button = row.locator('td.actions button')
    const editLabel = await button.getAttribute('aria-label')
    const before = ((await row.locator('td.col-outbound').textContent()) ?? '').trim()
    const agent = before.startsWith(SAVE_AGENTS[0] ?? '') ? SAVE_AGENTS[1] : SAVE_AGENTS[0]
    await button.click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('combobox', { name: 'Outbound agent', exact: true }).click()
    await page.getByRole('option', { name: agent, exact: true }).click()
    await page.getByRole('listbox').waitFor({ state: 'hidden' })
    const version = (await dialog.getByRole('combobox', { name: 'Outbound version', exact: true }).innerText())
      .replace('▾', '')
      .trim()
    if (!/^v\d+$/.test(version)) throw new Error(`${editLabel}: ${agent} picked ${version}, not a published version`)
    await net.settle()

    /** @type {import('./in-page.mjs').WaiterSpec} */
    const spec = { kind: 'save', index: i, editLabel, expected: `${agent} · ${version}` }
    const stopRecording = net.record()
    await arm(page, spec)
    await watch.open()
    await dialog.getByRole('button', { name: 'Save', exact: true }).click()
    const { ms, requests: timed } = await waitForOutcome(page, spec, 'lastClick')
    await watch.close()
    await sleep(SAVE_TAIL_MS)
    const requests = stopRecording()
    await dialog.waitFor({ state: 'hidden' })
    samples.push({
      row: editLabel,
      from: before,
      to: spec.expected,
      ms,
      requests: requests.map((r) => `${r.method} ${r.path}`),
      listRefetches: requests.filter((r) => r.method === 'GET' && r.path === '/v1/phone-numbers').length,
      timing: timed,
    })
    await net.settle()
  }
  return samples
}
