// @ts-check
/**
 * What the bench measures and against which targets: the command line, the workspace sizes, the
 * queries typed, how many samples of each interaction, and the limits from the issue.
 */
import { join } from 'node:path'
import { root } from '../lib/built-app.mjs'

const argv = process.argv.slice(2)

/** @param {string} name */
export const flag = (name) => argv.includes(`--${name}`)
/** @param {string} name */
export const option = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]

/** Workspace sizes of the demo runs (`--sizes=1000,10000`; `--sizes=` for none, e.g. only the real-mode load). */
export const SIZES = (option('sizes') ?? '1000,10000,100000').split(',').filter(Boolean).map(Number)
/**
 * Numbers in the demo workspace whose CSV export is measured (`--csv-size=10000`), or null when
 * `--no-csv-export` (or `--csv-size=`) skips it. Its time target applies at 100,000 (issue 16).
 */
export const CSV_EXPORT_SIZE = csvExportSize(option('csv-size'))
export const DEMO_DIR = 'dist-bench'
export const REAL_DIR = 'dist-bench-real'
export const REAL_SERVER_DIR = 'dist-bench-server'
export const RESULTS = join(root, 'bench/results.json')
export const PERFORMANCE_DOC = join(root, 'docs/performance.md')

/**
 * The test API server of the real-mode load listens on a fixed port, because the real-server build
 * has its address baked in (VITE_API_BASE_URL); E2E_PORT_OFFSET moves it like the e2e ports.
 */
export const REAL_API_PORT = 4194 + Number(process.env.E2E_PORT_OFFSET ?? 0)
export const REAL_API_BASE_URL = `http://127.0.0.1:${REAL_API_PORT}`
/** The test server's admin key (e2e/real-server/config.ts), baked into the bench's real-server build as a deployment could. */
export const REAL_API_KEY = 'sk_test_admin'
/** Numbers in the test server's workspace for the real-mode load. */
export const REAL_MODE_SIZE = Number(option('real-size') ?? 10_000)
/** Fresh loads each of the real-mode app and of the floor page. */
export const REAL_MODE_LOADS = 9

/** At least 20 different queries: nickname words of the generated data, label fragments, digit strings. */
export const QUERIES = [
  'Clinic',
  'Boston',
  'Billing',
  'cc-1',
  '415555',
  '+44 20',
  '4930',
  'Hamburg',
  'Pharmacy',
  'Front Desk',
  'Leeds',
  'cc-42',
  'Reminders',
  'Outreach',
  'Calgary',
  'cc-9',
  '1212',
  '+33',
  'Perth',
  'Hotline',
  'Lyon',
  'Köln',
  'Support',
  '3120',
]
/** Fresh loads per size for first_rows_ms: one load on a shared 2-core machine varies by ±200 ms. */
export const LOADS = 5
// With nearest rank, p95 of fewer than 20 samples is the slowest one: 20 where the page allows.
// Paging stays at 10: 1,000 numbers are 20 pages of 50, and every click must reach a new page.
export const PAGE_CLICKS = 10
export const DIALOG_OPENS = 20
export const SAVES = 20
/** After a save, requests are still counted this long: a late list refetch is caught. */
export const SAVE_TAIL_MS = 300
/** The agents a save toggles a row's outbound side between; both have a published newest version. */
export const SAVE_AGENTS = ['Front Desk', 'Outbound Sales']

export const TARGETS = {
  searchP95: 250,
  interactionP95: 100,
  firstRowsAtLargest: 1500,
  /** The demo's first rows at every size (the service worker included). */
  demoFirstRows: 800,
  growth: 1.5,
  initialJsGzip: 150 * 1024,
  /** The agent usage region on screen after the usage answer arrived (issue 15). */
  usageShownAfterAnswer: 100,
  /** The real-mode app's first rows, as a multiple of the floor page's. */
  realModeOverFloor: 2,
}

/** @param {string | undefined} raw */
function csvExportSize(raw) {
  if (flag('no-csv-export') || raw === '') return null
  const size = Number(raw ?? 100_000)
  // A typo would otherwise seed a demo of NaN numbers and fail minutes later, deep in the run.
  if (!Number.isInteger(size) || size < 1) throw new Error(`--csv-size=${raw}: a whole number of numbers, at least 1`)
  return size
}
