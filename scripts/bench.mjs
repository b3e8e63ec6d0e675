#!/usr/bin/env node
// @ts-check
/**
 * Performance bench of the Phone Numbers page. Builds the demo app and drives it in Chromium at
 * 1,000, 10,000 and 100,000 numbers, and exports a CSV of 100,000 numbers; loads the real-server
 * build against the test API server at 10,000 numbers beside a floor page; weighs the real-server
 * build's initial JavaScript. Prints a table with the targets, writes bench/results.json and renders
 * docs/performance.md from it. Not part of `npm test`.
 *
 *   npm run bench
 *   npm run bench -- --sizes=1000,10000       only these demo workspace sizes (`--sizes=`: none)
 *   npm run bench -- --csv-size=10000         the CSV export at this size (its time target is at 100,000)
 *   npm run bench -- --no-csv-export          skip the CSV export (so does `--csv-size=`)
 *   npm run bench -- --real-size=10000        numbers in the real-mode load's workspace
 *   npm run bench -- --no-real-mode           skip the real-mode load
 *   npm run bench -- --no-build               reuse the dist-bench* builds as they are
 *   npm run bench -- --no-diagnose            skip the CPU profiles and Chrome traces
 *   npm run bench -- --profile=load,search@100000   profile these (load|search|page|dialog|save) at that size
 *   npm run bench:report                      re-render docs/performance.md from bench/results.json
 *
 * The modules in scripts/bench/: options (what is measured, targets), in-page (code run in the
 * page), scenarios (the timed interactions), demo-size (one size), csv-export, real-mode (+ floor.html),
 * targets, profiles/traces/diagnose (evidence), summary-table, console-report, performance-doc.
 */
import { loadavg } from 'node:os'
import { chromium } from '@playwright/test'
import { buildApp, chromiumLaunchOptions, startPreview } from './lib/built-app.mjs'
import { initialJavaScript } from './bench/bundle.mjs'
import { printEvidence, printReport } from './bench/console-report.mjs'
import { benchCsvExport } from './bench/csv-export.mjs'
import { benchSize } from './bench/demo-size.mjs'
import { chooseWhatToDiagnose, diagnose, profiledSeed } from './bench/diagnose.mjs'
import { gitState, machineDescription, machineLoad, waitForQuietMachine } from './bench/machine.mjs'
import { CSV_EXPORT_SIZE, DEMO_DIR, flag, option, REAL_DIR, SIZES } from './bench/options.mjs'
import { writePerformanceDoc } from './bench/performance-doc.mjs'
import { diagnoseRealMode } from './bench/real-mode-diagnosis.mjs'
import { buildRealMode, measureRealMode, startRealMode } from './bench/real-mode.mjs'
import { writeResults } from './bench/results.mjs'
import { round } from './bench/stats.mjs'
import { evaluateTargets } from './bench/targets.mjs'

/**
 * @typedef {import('./bench/results.mjs').SizeRun} SizeRun
 * @typedef {import('./bench/results.mjs').BenchResults} BenchResults
 */

/** @param {import('./bench/machine.mjs').MachineWait} wait */
const quietness = ({ quiet, cpuBusy, waitedMs }) =>
  quiet === null
    ? 'machine load not checked: CPU use unreadable here'
    : `${quiet ? 'machine quiet' : 'machine still busy'} after ${(waitedMs / 1000).toFixed(0)} s: ${Math.round((cpuBusy ?? 0) * 100)} % CPU`

async function main() {
  const began = Date.now()
  const elapsed = () => `${Math.round((Date.now() - began) / 1000)} s`
  const loadavgAtStart = round(loadavg()[0], 2)
  const git = gitState()
  const withRealMode = !flag('no-real-mode')
  if (!flag('no-build')) {
    console.log(`Building the demo app into ${DEMO_DIR}/ …`)
    await buildApp(DEMO_DIR)
    console.log(`Building the real-server app into ${REAL_DIR}/, and the test API server …`)
    await buildRealMode()
  }
  const bundle = initialJavaScript(REAL_DIR)
  const demoBundle = initialJavaScript(DEMO_DIR)

  const browser = await chromium.launch(chromiumLaunchOptions())
  try {
    /** @type {BenchResults['realMode']} */
    let realMode = null
    /** @type {BenchResults['realModeDiagnosis']} */
    let realModeDiagnosis = null
    // First, on a quiet machine: the app and its floor differ in how much CPU they need, so work left
    // over from the builds (or from the demo runs, were it measured after them) weighs on the app alone.
    if (withRealMode) {
      const servers = await startRealMode()
      try {
        const quiet = await waitForQuietMachine()
        console.log(`[${elapsed()}] real-mode load and its floor … (${quietness(quiet)})`)
        realMode = { ...(await measureRealMode(browser, servers.appBaseUrl)), quietBefore: quiet }
        if (!flag('no-diagnose')) realModeDiagnosis = await diagnoseRealMode(browser, servers.appBaseUrl)
      } finally {
        servers.stop()
      }
    }
    const preview = await startPreview(DEMO_DIR)
    /** @type {SizeRun[]} */
    const sizes = []
    /** @type {BenchResults['csvExport']} */
    let csvExport = null
    try {
      for (const size of SIZES) {
        const quiet = await waitForQuietMachine()
        console.log(
          `[${elapsed()}] ${size.toLocaleString('en-US')} numbers … (load average ${round(loadavg()[0], 2)}; ${quietness(quiet)})`,
        )
        const load = machineLoad()
        const result = await benchSize(browser, preview.baseUrl, size)
        sizes.push({ ...result, machine: load() })
      }
      if (CSV_EXPORT_SIZE !== null) {
        const quiet = await waitForQuietMachine()
        console.log(
          `[${elapsed()}] CSV export of ${CSV_EXPORT_SIZE.toLocaleString('en-US')} numbers … (load average ${round(loadavg()[0], 2)}; ${quietness(quiet)})`,
        )
        const load = machineLoad()
        const result = await benchCsvExport(browser, preview.baseUrl, CSV_EXPORT_SIZE)
        csvExport = { ...result, machine: load() }
      }
    } finally {
      preview.stop()
    }

    const targets = evaluateTargets(sizes, bundle, realMode, csvExport)

    /** @type {BenchResults['diagnostics']} */
    const diagnostics = {}
    const chosen = flag('no-diagnose') ? null : chooseWhatToDiagnose(targets, sizes, option('profile'))
    if (chosen) {
      console.log(
        `[${elapsed()}] profiling ${chosen.kinds.join(', ')} at ${chosen.size.toLocaleString('en-US')} numbers …`,
      )
      const diagnosePreview = await startPreview(DEMO_DIR)
      try {
        const diagnosis = await diagnose(browser, diagnosePreview.baseUrl, chosen.size, chosen.kinds)
        diagnostics[chosen.size] = diagnosis
        const run = sizes.find((r) => r.size === chosen.size)
        if (run) run.seed.profiled = profiledSeed(diagnosis)
      } finally {
        diagnosePreview.stop()
      }
    }

    /** @type {BenchResults} */
    const results = {
      generatedAt: new Date().toISOString(),
      git,
      chromium: browser.version(),
      node: process.version,
      machine: { ...machineDescription(), loadavgAtStart },
      method:
        'In-page performance.now(): start = the input/click event of the last user action, end = the first animation frame whose DOM shows the outcome. Percentiles by nearest rank.',
      targets,
      sizes,
      realMode,
      realModeDiagnosis,
      csvExport,
      bundle: { realServer: bundle, demo: demoBundle },
      diagnostics,
      durationSeconds: Math.round((Date.now() - began) / 1000),
    }
    printReport(results)
    printEvidence(results)
    await writeResults(results)
    await writePerformanceDoc(results)
    console.log(`\nWrote bench/results.json and docs/performance.md (${elapsed()})`)
  } finally {
    await browser.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
