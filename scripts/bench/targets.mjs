// @ts-check
/** The targets, each checked against a run's figures: met or missed, with the value and the limit. */
import { CSV_EXPORT_TARGETS } from './csv-export.mjs'
import { TARGETS } from './options.mjs'
import { round } from './stats.mjs'

/**
 * @typedef {{ name: string, size: number | null, value: string | number | null, limit: string, pass: boolean }} Target
 * @typedef {import('./demo-size.mjs').SizeResult} SizeResult
 * @typedef {import('./real-mode.mjs').RealModeResult} RealModeResult
 * @typedef {import('./bundle.mjs').InitialJavaScript} InitialJavaScript
 * @typedef {import('./csv-export.mjs').CsvExportResult} CsvExportResult
 */

/** @type {['search_ms', 'page_ms', 'dialog_open_ms', 'save_ms']} */
export const INTERACTIONS = ['search_ms', 'page_ms', 'dialog_open_ms', 'save_ms']

/**
 * @param {SizeResult[]} results
 * @param {InitialJavaScript} bundle
 * @param {RealModeResult | null} realMode
 * @param {CsvExportResult | null} csvExport
 * @returns {Target[]}
 */
export function evaluateTargets(results, bundle, realMode, csvExport) {
  /** @type {Target[]} */
  const targets = []
  /**
   * @param {string} name
   * @param {string | number | null} value
   * @param {string} limit
   * @param {boolean} pass
   * @param {number | null} [size]
   */
  const add = (name, value, limit, pass, size = null) => targets.push({ name, size, value, limit, pass })
  /** @param {number | null} value @param {number} limit */
  const atMost = (value, limit) => value !== null && value <= limit
  for (const r of results) {
    add(
      'first_rows_ms (demo)',
      r.first_rows_ms,
      `≤ ${TARGETS.demoFirstRows} ms`,
      atMost(r.first_rows_ms, TARGETS.demoFirstRows),
      r.size,
    )
    add(
      'search_ms p95',
      r.search_ms.p95,
      `≤ ${TARGETS.searchP95} ms`,
      atMost(r.search_ms.p95, TARGETS.searchP95),
      r.size,
    )
    for (const m of INTERACTIONS.slice(1)) {
      add(`${m} p95`, r[m].p95, `≤ ${TARGETS.interactionP95} ms`, atMost(r[m].p95, TARGETS.interactionP95), r.size)
    }
    const lt = r.long_tasks.interactions
    add(
      'long tasks during interactions',
      `${lt.count} (longest ${lt.longest} ms)`,
      '0 over 50 ms',
      lt.count === 0,
      r.size,
    )
    const usage = r.usage_region
    add(
      'usage region shown after its answer p95',
      usage.shown_after_answer_ms.p95,
      `≤ ${TARGETS.usageShownAfterAnswer} ms`,
      usage.shown_after_answer_ms.views > 0 && atMost(usage.shown_after_answer_ms.p95, TARGETS.usageShownAfterAnswer),
      r.size,
    )
    add(
      'usage requests per agent view',
      usage.usage_requests_per_view.max,
      '1',
      usage.usage_requests_per_view.max === 1,
      r.size,
    )
    add('list_refetches_per_save', r.list_refetches_per_save.max, '0', r.list_refetches_per_save.max === 0, r.size)
    add(
      'search results match the backend',
      r.search_mismatches.length,
      '0 mismatches',
      r.search_mismatches.length === 0,
      r.size,
    )
  }
  const smallest = results.find((r) => r.size === 1000)
  const largest = results.find((r) => r.size === 100_000)
  if (largest) {
    add(
      'first_rows_ms at 100k',
      largest.first_rows_ms,
      `≤ ${TARGETS.firstRowsAtLargest} ms`,
      atMost(largest.first_rows_ms, TARGETS.firstRowsAtLargest),
      largest.size,
    )
  }
  if (smallest && largest) {
    for (const m of INTERACTIONS) {
      const limit = round(TARGETS.growth * (smallest[m].p95 ?? 0)) ?? 0
      add(
        `${m} p95 growth 1k→100k`,
        largest[m].p95,
        `≤ ${TARGETS.growth} × ${smallest[m].p95} = ${limit} ms`,
        atMost(largest[m].p95, limit),
        largest.size,
      )
    }
  }
  if (realMode) {
    add(
      'real-mode first rows / floor',
      realMode.ratio === null ? null : `${realMode.ratio}× (${realMode.app.median} / ${realMode.floor.median} ms)`,
      `≤ ${TARGETS.realModeOverFloor}×`,
      atMost(realMode.ratio, TARGETS.realModeOverFloor),
      realMode.size,
    )
  }
  if (csvExport) addCsvExportTargets(add, csvExport)
  add(
    'initial JS, real-server build (gzip)',
    `${round(bundle.gzip / 1024)} KiB`,
    `≤ ${TARGETS.initialJsGzip / 1024} KiB`,
    bundle.gzip <= TARGETS.initialJsGzip,
  )
  add(
    'no msw code in the real-server build',
    bundle.anyBuiltJsContainsMsw.length === 0 ? 'none' : bundle.anyBuiltJsContainsMsw.join(', '),
    'none',
    bundle.anyBuiltJsContainsMsw.length === 0 && !bundle.initialContainsMsw,
  )
  return targets
}

/**
 * Issue 16: the export of 100,000 numbers within 10 s (a limit stated at that size only, so other
 * sizes are reported without it), no long task over 50 ms at any size, and a file that holds every
 * number: an export that stopped early would otherwise pass as a fast one.
 * @param {(name: string, value: string | number | null, limit: string, pass: boolean, size?: number | null) => void} add
 * @param {CsvExportResult} run
 */
function addCsvExportTargets(add, run) {
  const limit = CSV_EXPORT_TARGETS.totalMsAt100k
  if (run.size === 100_000)
    add('CSV export ms', run.ms, `≤ ${limit.toLocaleString('en-US')} ms`, run.ms <= limit, run.size)
  add(
    'long tasks during the CSV export',
    `${run.longTasks.count} (longest ${run.longTasks.longest} ms)`,
    `0 over ${CSV_EXPORT_TARGETS.longTaskMs} ms`,
    run.longTasks.count === 0,
    run.size,
  )
  // The demo seed holds no line break in a cell, so the file has a header and one line per number.
  add(
    'CSV export lines',
    run.lines,
    `${(run.size + 1).toLocaleString('en-US')} (header + every number)`,
    run.lines === run.size + 1,
    run.size,
  )
}
