// @ts-check
/**
 * Chrome traces of measured windows, added up per event name on the page's main thread: what the
 * profiler's "(program)" is made of (style, layout, paint, …) next to script and GC.
 */
import { round } from './stats.mjs'

/**
 * @typedef {{ name: string, ph: string, pid: number, tid: number, ts: number, dur?: number,
 *   args?: { name?: string, data?: { frames?: { url?: string, processId?: number }[] } } }} TraceEvent
 * @typedef {{ windowMs: number | null, mainThreadTasksMs: number | null, selfByEvent: { ms: number | null, name: string }[] }} TraceSummary
 */

export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'blink',
  'blink.user_timing',
  'disabled-by-default-v8.compile',
]

/**
 * Self time per trace event name on the page's renderer main thread (complete events only), within
 * the last measured window (bench:action to bench:outcome) when the trace holds one.
 * @param {Buffer} trace
 * @param {string} baseUrl
 * @returns {TraceSummary}
 */
export function summarizeTrace(trace, baseUrl) {
  /** @type {TraceEvent[]} */
  const events = /** @type {{ traceEvents?: TraceEvent[] }} */ (JSON.parse(trace.toString('utf8'))).traceEvents ?? []
  const pageProcess = events
    .filter((e) => e.name === 'TracingStartedInBrowser')
    .flatMap((e) => e.args?.data?.frames ?? [])
    .find((f) => (f.url ?? '').startsWith(baseUrl))?.processId
  const mains = events.filter(
    (e) =>
      e.ph === 'M' &&
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      (!pageProcess || e.pid === pageProcess),
  )
  /** @param {TraceEvent} e */
  const threadOf = (e) => `${e.pid}:${e.tid}`
  // The page's main thread: the one with the bench's marks, else (a load starts on about:blank) the busiest.
  const candidates = new Set(mains.map(threadOf))
  /** @type {Map<string, number>} */
  const busiest = new Map()
  for (const e of events) {
    if (e.ph === 'X' && candidates.has(threadOf(e)) && /RunTask$/.test(e.name)) {
      busiest.set(threadOf(e), (busiest.get(threadOf(e)) ?? 0) + (e.dur ?? 0))
    }
  }
  const marked = events.find((e) => e.name === 'bench:outcome' && candidates.has(threadOf(e)))
  const main = marked ? threadOf(marked) : [...busiest].sort((a, b) => b[1] - a[1])[0]?.[0]
  /** @param {string} name */
  const markTs = (name) => events.filter((e) => e.name === name && threadOf(e) === main).map((e) => e.ts)
  const outcome = Math.max(...markTs('bench:outcome'))
  const action = Math.max(...markTs('bench:action').filter((ts) => ts <= outcome))
  const inWindow = Number.isFinite(outcome) && Number.isFinite(action)
  const complete = events
    .filter((e) => e.ph === 'X' && typeof e.dur === 'number' && threadOf(e) === main)
    .filter((e) => !inWindow || (e.ts >= action && e.ts < outcome))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  /** @type {Map<string, number>} */
  const self = new Map()
  /** @type {{ name: string, end: number }[]} */
  const stack = []
  let tasks = 0
  for (const e of complete) {
    const dur = e.dur ?? 0
    while (stack.length && (stack.at(-1)?.end ?? 0) <= e.ts) stack.pop()
    const parent = stack.at(-1)
    const end = e.ts + dur
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - (Math.min(end, parent.end) - e.ts))
    else tasks += dur
    self.set(e.name, (self.get(e.name) ?? 0) + dur)
    stack.push({ name: e.name, end })
  }
  return {
    windowMs: inWindow ? round((outcome - action) / 1000) : null,
    mainThreadTasksMs: round(tasks / 1000),
    selfByEvent: [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 14)
      .map(([name, us]) => ({ ms: round(us / 1000), name })),
  }
}

/**
 * A watch that records a Chrome trace of each measured window and adds up its main-thread events.
 * @param {import('@playwright/test').Browser} browser
 * @param {import('@playwright/test').Page} page
 * @param {string} baseUrl
 */
export function traceWatch(browser, page, baseUrl) {
  /** @type {TraceSummary[]} */
  const windows = []
  return {
    windows,
    open: () => browser.startTracing(page, { categories: TRACE_CATEGORIES, screenshots: false }),
    close: async () => windows.push(summarizeTrace(await browser.stopTracing(), baseUrl)),
  }
}

/**
 * The windows' summaries added up.
 * @param {TraceSummary[]} windows
 */
export function mergeTraces(windows) {
  /** @type {Map<string, number>} */
  const self = new Map()
  for (const w of windows) for (const e of w.selfByEvent) self.set(e.name, (self.get(e.name) ?? 0) + (e.ms ?? 0))
  return {
    windows: windows.length,
    windowMs: round(windows.reduce((a, w) => a + (w.windowMs ?? 0), 0)),
    mainThreadTasksMs: round(windows.reduce((a, w) => a + (w.mainThreadTasksMs ?? 0), 0)),
    selfByEvent: [...self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([name, ms]) => ({ ms: round(ms), name })),
  }
}
