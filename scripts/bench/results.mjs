// @ts-check
/**
 * The shape of bench/results.json, which the console report and docs/performance.md are made from.
 * `csvExport` is optional: results written before the bench measured the export have none, and
 * `npm run bench:report` still renders them.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import { RESULTS } from './options.mjs'

/**
 * @typedef {import('./demo-size.mjs').SizeResult & { machine: import('./machine.mjs').MachineLoad }} SizeRun
 * @typedef {import('./csv-export.mjs').CsvExportResult & { machine: import('./machine.mjs').MachineLoad }} CsvExportRun
 * @typedef {{
 *   generatedAt: string,
 *   git: { head: string, dirtySrc: string[] } | null,
 *   chromium: string,
 *   node: string,
 *   machine: { cpu: string, cores: number, node: string, loadavgAtStart: number | null },
 *   method: string,
 *   targets: import('./targets.mjs').Target[],
 *   sizes: SizeRun[],
 *   realMode: import('./real-mode.mjs').RealModeResult | null,
 *   realModeDiagnosis: import('./real-mode-diagnosis.mjs').RealModeDiagnosis | null,
 *   csvExport?: CsvExportRun | null,
 *   bundle: { realServer: import('./bundle.mjs').InitialJavaScript, demo: import('./bundle.mjs').InitialJavaScript },
 *   diagnostics: Record<string, import('./diagnose.mjs').Diagnosis>,
 *   durationSeconds: number,
 * }} BenchResults
 */

/** @param {BenchResults} results */
export async function writeResults(results) {
  await mkdir(dirname(RESULTS), { recursive: true })
  await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`)
}

/** @returns {Promise<BenchResults>} */
export async function readResults() {
  return /** @type {BenchResults} */ (JSON.parse(await readFile(RESULTS, 'utf8')))
}
