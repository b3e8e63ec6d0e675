#!/usr/bin/env node
// @ts-check
/**
 * The CSV export's bench on its own (the whole bench runs it too, in `npm run bench`): builds the demo
 * app (unless --no-build) and exports the whole workspace at each size. Run it under the bench lock:
 *
 *   flock /tmp/bench.lock node scripts/bench-csv.mjs --sizes=10000,100000 [--no-build] [--runs=3]
 */
import { loadavg } from 'node:os'
import { chromium } from '@playwright/test'
import { buildApp, chromiumLaunchOptions, startPreview } from './lib/built-app.mjs'
import { benchCsvExport, CSV_EXPORT_TARGETS } from './bench/csv-export.mjs'
import { DEMO_DIR, flag, option } from './bench/options.mjs'
import { round } from './bench/stats.mjs'

async function main() {
  const sizes = (option('sizes') ?? '100000').split(',').filter(Boolean).map(Number)
  const runs = Number(option('runs') ?? 1)
  if (!flag('no-build')) {
    console.log(`Building the demo app into ${DEMO_DIR}/ …`)
    await buildApp(DEMO_DIR)
  }
  const browser = await chromium.launch(chromiumLaunchOptions())
  const preview = await startPreview(DEMO_DIR)
  try {
    for (const size of sizes) {
      for (let run = 1; run <= runs; run++) {
        const load = round(loadavg()[0], 2)
        const result = await benchCsvExport(browser, preview.baseUrl, size)
        const met = size < 100_000 || result.ms <= CSV_EXPORT_TARGETS.totalMsAt100k
        console.log(
          `${size.toLocaleString('en-US')} numbers, run ${run}: ${result.ms} ms${met ? '' : ' (target missed)'} ` +
            `(the renderer's CPU time: ${result.cpuMs} ms), ` +
            `${result.requests} list requests, ${result.lines.toLocaleString('en-US')} lines, ` +
            `${(result.bytes / 1024 / 1024).toFixed(1)} MB, long tasks > 50 ms: ${result.longTasks.count} ` +
            `(longest ${result.longTasks.longest} ms; all: ${result.longTaskDurations.join(', ') || 'none'}), load average ${load}`,
        )
        for (const frame of result.longestFrames)
          console.log(`  frame ${frame.duration} ms: ${frame.scripts.join(' | ')}`)
      }
    }
  } finally {
    preview.stop()
    await browser.close()
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
