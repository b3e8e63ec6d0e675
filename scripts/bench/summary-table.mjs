// @ts-check
/**
 * The bench's figures as one table (a row per metric, a column per size, the target and whether it
 * was met), shared by the console report and docs/performance.md.
 */
import { CSV_EXPORT_TARGETS } from './csv-export.mjs'
import { LOADS, TARGETS } from './options.mjs'
import { MILESTONES } from './real-mode.mjs'
import { round } from './stats.mjs'
import { INTERACTIONS } from './targets.mjs'

/**
 * @typedef {import('./results.mjs').BenchResults} BenchResults
 * @typedef {import('./results.mjs').SizeRun} SizeRun
 * @typedef {string[][]} Rows
 */

/** @param {number | string | null | undefined} n */
export const fmt = (n) => (n === null || n === undefined ? '–' : typeof n === 'number' ? n.toLocaleString('en-US') : n)

/** @param {{ count: number, longest: number | null } | null | undefined} x */
const countAndLongest = (x) => (x ? `${x.count} / ${fmt(x.longest)}` : '–')

/**
 * 'met' when every target of that name is met, 'missed' when one is not, '' when none applies.
 * @param {import('./targets.mjs').Target[]} targets
 * @param {string} name
 */
export function status(targets, name) {
  const hits = targets.filter((t) => t.name === name || t.name.startsWith(`${name} `))
  if (hits.length === 0) return ''
  return hits.every((t) => t.pass) ? 'met' : 'missed'
}

/**
 * @param {SizeRun} r
 * @returns {string}
 */
function seedFigure(r) {
  const timed = r.seed.userTiming
    .filter((e) => e.type !== 'mark' && /seed/i.test(e.name))
    .map((e) => `${round(Number(e.duration))} ms`)
  const profiled = r.seed.profiled
  const fromProfile =
    profiled && (profiled.createSeedWorkspace !== null || profiled.buildWorkspace !== null)
      ? `profile: ${profiled.buildWorkspace ?? profiled.createSeedWorkspace} ms`
      : null
  return [timed.length ? timed.join('/') : 'not timed', fromProfile].filter(Boolean).join('; ')
}

/**
 * Header row first: metric, one column per size, target, met/missed.
 * @param {BenchResults} bench
 * @returns {Rows}
 */
export function summaryRows(bench) {
  const { sizes, targets } = bench
  /**
   * @param {string} label
   * @param {(r: SizeRun) => number | string | null | undefined} pick
   * @param {string} target
   * @param {string | null} name
   */
  const row = (label, pick, target, name) => [
    label,
    ...sizes.map((r) => fmt(pick(r))),
    target,
    name ? status(targets, name) : '',
  ]
  /** @type {Rows} */
  const rows = [
    ['metric', ...sizes.map((r) => r.size.toLocaleString('en-US')), 'target', 'result'],
    row(
      `first_rows_ms, demo (median of ${LOADS} loads)`,
      (r) => r.first_rows_ms,
      `≤ ${TARGETS.demoFirstRows}; ≤ ${TARGETS.firstRowsAtLargest} at 100k`,
      'first_rows_ms',
    ),
    row('  … each load', (r) => r.first_rows_samples.join(' / '), '', null),
    row('seeding the demo workspace', (r) => seedFigure(r), '', null),
  ]
  for (const m of INTERACTIONS) {
    const limit = m === 'search_ms' ? TARGETS.searchP95 : TARGETS.interactionP95
    rows.push(
      row(
        `${m} p50 / p95`,
        (r) => `${fmt(r[m].p50)} / ${fmt(r[m].p95)}`,
        `p95 ≤ ${limit}; 100k ≤ ${TARGETS.growth}× 1k`,
        `${m} p95`,
      ),
    )
  }
  rows.push(
    row(
      'usage region: choice to counts p50 / p95',
      (r) => (r.usage_region ? `${fmt(r.usage_region.shown_ms.p50)} / ${fmt(r.usage_region.shown_ms.p95)}` : null),
      '',
      null,
    ),
    row(
      'usage region: answer to counts p50 / p95',
      (r) =>
        r.usage_region
          ? `${fmt(r.usage_region.shown_after_answer_ms.p50)} / ${fmt(r.usage_region.shown_after_answer_ms.p95)}`
          : null,
      `p95 ≤ ${TARGETS.usageShownAfterAnswer}`,
      'usage region shown after its answer p95',
    ),
    row('requests_per_save (mean / max)', (r) => `${r.requests_per_save.mean} / ${r.requests_per_save.max}`, '', null),
    row(
      'list_refetches_per_save (mean / max)',
      (r) => `${r.list_refetches_per_save.mean} / ${r.list_refetches_per_save.max}`,
      '0',
      'list_refetches_per_save',
    ),
    row('long tasks in the load (count / longest ms)', (r) => countAndLongest(r.long_tasks.load), '', null),
    row('  … after the first rows, until idle', (r) => countAndLongest(r.long_tasks.load.afterFirstRows), '', null),
    row(
      'long tasks > 50 ms in interactions (count / longest ms)',
      (r) => countAndLongest(r.long_tasks.interactions),
      '0',
      'long tasks during interactions',
    ),
  )
  for (const kind of ['search', 'page', 'dialog', 'save', 'usage']) {
    rows.push(row(`  … during ${kind}`, (r) => countAndLongest(r.long_tasks.interactions.byPhase[kind]), '', null))
  }
  return rows
}

/**
 * The real-mode load beside its floor.
 * @param {BenchResults} bench
 * @returns {Rows}
 */
export function realModeRows(bench) {
  const real = bench.realMode
  if (!real) return []
  const pass = status(bench.targets, 'real-mode first rows / floor')
  /** @param {import('./real-mode.mjs').LoadSeries} s */
  const steps = (s) => MILESTONES.slice(0, -1).map((m) => fmt(s.milestones[m]))
  return [
    [
      'page',
      `first rows, median of ${real.loads} (ms)`,
      'scripts loaded',
      'DOMContentLoaded',
      'first API request',
      'list page answered',
      'each load (ms)',
    ],
    ['real-mode app', fmt(real.app.median), ...steps(real.app), real.app.samples.map((x) => Math.round(x)).join(' / ')],
    [
      'floor page',
      fmt(real.floor.median),
      ...steps(real.floor),
      real.floor.samples.map((x) => Math.round(x)).join(' / '),
    ],
    ['app ÷ floor', `${fmt(real.ratio)}× (target ≤ ${TARGETS.realModeOverFloor}×: ${pass})`, '', '', '', '', ''],
  ]
}

/**
 * The CSV export of the whole demo workspace: one run, so a value column rather than one per size.
 * @param {BenchResults} bench
 * @returns {Rows}
 */
export function csvExportRows(bench) {
  const run = bench.csvExport
  if (!run) return []
  const { targets } = bench
  const limit = CSV_EXPORT_TARGETS.totalMsAt100k.toLocaleString('en-US')
  return [
    ['metric', 'value', 'target', 'result'],
    [
      'click to download (ms)',
      fmt(run.ms),
      run.size === 100_000 ? `≤ ${limit}` : `≤ ${limit} at 100,000`,
      status(targets, 'CSV export ms'),
    ],
    ["renderer's CPU time (ms)", fmt(run.cpuMs), '', ''],
    ['list requests (200 numbers each)', fmt(run.requests), '', ''],
    [
      'file lines / size',
      `${fmt(run.lines)} / ${(run.bytes / 1024 / 1024).toFixed(1)} MB`,
      `${fmt(run.size + 1)} lines`,
      status(targets, 'CSV export lines'),
    ],
    [
      `long tasks > ${CSV_EXPORT_TARGETS.longTaskMs} ms (count / longest ms)`,
      countAndLongest(run.longTasks),
      '0',
      status(targets, 'long tasks during the CSV export'),
    ],
    [
      'load average / machine busy',
      `${fmt(run.machine.loadavg1)} / ${run.machine.cpuBusy === null ? '–' : `${Math.round(run.machine.cpuBusy * 100)} %`}`,
      '',
      '',
    ],
  ]
}
