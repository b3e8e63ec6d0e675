// @ts-check
/** What the bench prints: the summary table, the targets, and the evidence of where time went. */
import { LOADS, TARGETS } from './options.mjs'
import { round } from './stats.mjs'
import { csvExportRows, realModeRows, summaryRows } from './summary-table.mjs'
import { INTERACTIONS } from './targets.mjs'

/**
 * @typedef {import('./results.mjs').BenchResults} BenchResults
 * @typedef {import('./profiles.mjs').Share} Share
 */

/**
 * Columns padded to their widest cell.
 * @param {string[][]} rows
 */
export function plainTable(rows) {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => String(r[c] ?? '').length)))
  return rows
    .map((r) =>
      r
        .map((cell, c) => String(cell).padEnd(widths[c] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}

/** @param {string} title @param {Share[]} shares @param {number} n */
const printShares = (title, shares, n) => {
  console.log(title)
  for (const f of shares.slice(0, n)) console.log(`    ${String(f.ms).padStart(8)} ms  ${f.key}`)
}

/** @param {BenchResults} bench */
export function printReport(bench) {
  const { sizes, targets } = bench
  const bundle = bench.bundle.realServer
  // `--sizes=` measures no demo size: a table of targets without figures would say nothing.
  if (sizes.length) console.log(`\n${plainTable(summaryRows(bench))}\n`)
  else console.log('')
  const csv = bench.csvExport ?? null
  const busy = [...sizes, ...(csv ? [csv] : [])].filter((r) => (r.machine.loadavg1 ?? 0) > r.machine.cores)
  if (busy.length) {
    console.log(
      `WARNING: the machine was shared (load average ${busy.map((r) => r.machine.loadavg1).join(', ')} on ${bench.machine.cores} cores): figures include waiting for the CPU.\n`,
    )
  }
  const csvRows = csvExportRows(bench)
  if (csv)
    console.log(`CSV export of ${csv.size.toLocaleString('en-US')} numbers (?latency=0):\n${plainTable(csvRows)}\n`)
  const realRows = realModeRows(bench)
  if (realRows.length)
    console.log(`Real-mode load at ${bench.realMode?.size.toLocaleString('en-US')} numbers:\n${plainTable(realRows)}\n`)
  console.log(
    `initial JS of the real-server build: ${bundle.files.map((f) => `${f.file} ${round(f.gzip / 1024)} KiB gz`).join(', ')}` +
      ` = ${round(bundle.gzip / 1024)} KiB gzipped (${round(bundle.bytes / 1024)} KiB raw), target ≤ ${TARGETS.initialJsGzip / 1024} KiB`,
  )
  console.log(
    `  by package (raw KiB / each gzipped alone): ${bundle.breakdown
      .slice(0, 8)
      .map((b) => `${b.group} ${round(b.bytes / 1024)}/${round(b.gzip / 1024)}`)
      .join(', ')}`,
  )
  console.log('\nTargets:')
  for (const t of targets) {
    console.log(
      `  ${t.pass ? 'met   ' : 'MISSED'}  ${t.name}${t.size ? ` @ ${t.size.toLocaleString('en-US')}` : ''}: ${t.value} (${t.limit})`,
    )
  }
}

/** @param {BenchResults} bench */
export function printEvidence(bench) {
  if (bench.sizes.length)
    console.log(
      '\nWhere each window goes (medians of its first API request: action → request start, request, response → outcome):',
    )
  for (const r of bench.sizes) {
    const parts = INTERACTIONS.map((m) => {
      const b = r[m].firstRequestP50
      return b
        ? `${m} ${b.actionToRequestStart} + ${b.request} + ${b.responseToOutcome} (${b.windowsWithARequest}/${r[m].samples.length} windows, ${b.requestsStartedInWindowP50} requests each)`
        : `${m} no request before the outcome`
    })
    console.log(`  ${r.size.toLocaleString('en-US')}: ${parts.join('; ')}`)
  }
  for (const r of bench.sizes) {
    const steps = r.load_timeline.map(
      (e) =>
        `${e.name.replace(/^\/assets\//, '').replace(/\?page=(\d+).*$/, ' p$1')} ${e.start === e.end ? e.start : `${e.start}–${e.end}`}`,
    )
    console.log(
      `\nLoad at ${r.size.toLocaleString('en-US')} (ms from navigation start): ${steps.join(', ')}; first rows in this load ${r.first_rows_dom_ms} (median of ${LOADS} loads: ${r.first_rows_ms})`,
    )
  }
  for (const r of bench.sizes) {
    if (r.errors.length) console.log(`\nPage errors at ${r.size}: ${r.errors.join(' | ')}`)
    if (r.search_mismatches.length)
      console.log(`\nSearch totals differing from the backend at ${r.size}:`, r.search_mismatches)
    if (r.long_frames.attribution.length) {
      console.log(`\nLong animation frames during interactions at ${r.size.toLocaleString('en-US')}, by script (LoAF):`)
      for (const a of r.long_frames.attribution.slice(0, 8)) {
        console.log(
          `  ${a.totalMs} ms total (forced style/layout ${a.forcedLayoutMs}), ${a.count}×, longest ${a.longestMs} ms  ${a.key}`,
        )
      }
    }
  }
  for (const [size, byKind] of Object.entries(bench.diagnostics)) {
    for (const [kind, d] of Object.entries(byKind)) {
      console.log(
        `\nCPU profile, ${kind} at ${Number(size).toLocaleString('en-US')} numbers (${
          kind === 'load' ? 'navigation to rows and agent names' : `${d.windows} measured windows, action to outcome`
        }): main thread busy ${d.busyMs} ms, idle ${d.idleMs} ms`,
      )
      if (d.samplesUnderProfiler) console.log(`  timings under the profiler: ${d.samplesUnderProfiler.join(', ')} ms`)
      printShares('  self time by file:', d.selfByFile, 6)
      printShares('  self time by function:', d.self, 8)
      printShares('  inclusive time in src/:', d.inclusiveSrc, 8)
      if (d.slowestWindow) {
        const w = d.slowestWindow
        printShares(
          `  slowest window alone (#${w.index + 1}, ${w.ms} ms; busy ${w.busyMs} ms, idle ${w.idleMs} ms), self time by function:`,
          w.self,
          8,
        )
        printShares('  … and its inclusive time in src/:', w.inclusiveSrc, 5)
      }
      if (d.trace) {
        console.log(
          kind === 'load'
            ? `  Chrome trace of another load: main-thread tasks ${d.trace.mainThreadTasksMs} ms; self time by event:`
            : `  Chrome trace of ${d.trace.windows} more windows (${d.trace.samplesUnderTracing.join(', ')} ms): of ${d.trace.windowMs} ms from action to outcome, main-thread tasks ${d.trace.mainThreadTasksMs} ms; self time by event:`,
        )
        for (const e of d.trace.selfByEvent.slice(0, 10)) console.log(`    ${String(e.ms).padStart(8)} ms  ${e.name}`)
      }
    }
  }
  printCsvExportEvidence(bench)
  printRealModeEvidence(bench)
}

/** @param {BenchResults} bench */
function printCsvExportEvidence(bench) {
  const csv = bench.csvExport
  if (!csv) return
  console.log(
    `\nCSV export at ${csv.size.toLocaleString('en-US')}: long tasks ${csv.longTaskDurations.join(', ') || 'none'} ms; longest frames (LoAF, scripts over 5 ms):`,
  )
  for (const frame of csv.longestFrames)
    console.log(`  ${frame.duration} ms: ${frame.scripts.join(' | ') || '(no script over 5 ms)'}`)
}

/** @param {BenchResults} bench */
function printRealModeEvidence(bench) {
  const real = bench.realMode
  if (!real) return
  for (const [name, series] of /** @type {const} */ ([
    ['app', real.app],
    ['floor', real.floor],
  ])) {
    const load = series.lastLoad
    if (!load) continue
    const steps = load.steps.map(
      (e) => `${e.name.replace(/\?.*$/, '')} ${e.start === e.end ? e.start : `${e.start}–${e.end}`}`,
    )
    const tasks = load.longTasks.map((t) => `${round(t.start, 0)}+${round(t.duration, 0)}`).join(', ') || 'none'
    console.log(
      `\nReal-mode ${name}, last load (ms from navigation start): ${steps.join(', ')}; long tasks before rows: ${tasks}`,
    )
  }
  const d = bench.realModeDiagnosis
  if (!d) return
  console.log(
    `\nCPU profile of a real-mode load (to first rows): main thread busy ${d.profile.busyMs} ms, idle ${d.profile.idleMs} ms`,
  )
  printShares('  self time by file:', d.profile.selfByFile, 8)
  printShares('  self time by function:', d.profile.self, 10)
  printShares('  inclusive time in src/:', d.profile.inclusiveSrc, 10)
  const w = d.answerToRows
  console.log(
    `  Chrome trace of another load, from the first list page's answer to the first row (${w.windowMs} ms): main-thread tasks ${w.mainThreadTasksMs} ms; self time by event:`,
  )
  for (const e of w.selfByEvent.slice(0, 10)) console.log(`    ${String(e.ms).padStart(8)} ms  ${e.name}`)
  if (d.loadFrames.length) {
    console.log('  long animation frames of the load, by script (LoAF):')
    for (const a of d.loadFrames.slice(0, 8))
      console.log(`    ${a.totalMs} ms total, ${a.count}×, longest ${a.longestMs} ms  ${a.key}`)
  }
}
