// @ts-check
/* global Element, MutationObserver, document, location, requestAnimationFrame, requestIdleCallback, window -- functions passed to page.evaluate run in the page */
/**
 * Code that runs in the page, not in Node: Playwright serialises these functions, so each one is
 * self-contained (no imports, no closures over module scope). installBenchHooks is an init script;
 * armWaiter is evaluated before each timed action.
 */

/**
 * @typedef {{ start: number, duration: number }} LongTask
 * @typedef {{ invoker: string, invokerType: string, sourceURL: string, sourceFunctionName: string,
 *   sourceCharPosition: number, duration: number, forcedStyleAndLayoutDuration: number }} FrameScript
 * @typedef {{ start: number, duration: number, blockingDuration: number, scripts: FrameScript[], phase?: string | null }} LongFrame
 * @typedef {{ kind: string, start: number, end: number }} Span
 * @typedef {{ done: number, lastInput: number | null, lastClick: number | null, summary: string }} Outcome
 * @typedef {{
 *   firstRowsDom: number | null, firstRowsFrame: number | null,
 *   lastInput: number | null, lastClick: number | null,
 *   longTasks: LongTask[], frames: LongFrame[], windows: { kind: string, start: number | null, end: number }[], phases: Span[],
 *   marks: Record<string, number>, waiter: Promise<Outcome | null> | null,
 *   firstRowsSeen: Promise<void>, fetchesInFlight: number,
 * }} BenchState
 * @typedef {{ kind: 'search', query: string } | { kind: 'cleared' } | { kind: 'page', page: number, previousFirst: string | null }
 *   | { kind: 'dialog' } | { kind: 'save', index: number, editLabel: string | null, expected: string }
 *   | { kind: 'usage', agent: string }} WaiterSpec
 */

/**
 * Init script: long tasks and long animation frames from the start, the first row's Edit button
 * (as a MutationObserver sees it, and the animation frame after), the last input and click.
 */
export function installBenchHooks() {
  /** @type {() => void} */
  let firstRowsShown = () => {}
  /** @type {BenchState} */
  const bench = {
    firstRowsDom: null,
    firstRowsFrame: null,
    lastInput: null,
    lastClick: null,
    longTasks: [],
    frames: [],
    windows: [],
    phases: [],
    marks: {},
    waiter: null,
    firstRowsSeen: new Promise((resolve) => (firstRowsShown = resolve)),
    fetchesInFlight: 0,
  }
  window.__bench = bench
  // Requests still open, which resource timing lists only once they end (waitForIdlePage).
  const fetch = window.fetch.bind(window)
  window.fetch = (...args) => {
    bench.fetchesInFlight++
    return fetch(...args).finally(() => bench.fetchesInFlight--)
  }
  // Room for every request of a run (the default keeps 250).
  performance.setResourceTimingBufferSize(100_000)
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    // not supported
  }
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.duration <= 50) continue
        // Long Animation Frames are newer than TypeScript's DOM types.
        const e = /** @type {PerformanceEntry & { blockingDuration: number, scripts: FrameScript[] }} */ (entry)
        bench.frames.push({
          start: e.startTime,
          duration: e.duration,
          blockingDuration: e.blockingDuration,
          scripts: e.scripts.map((s) => ({
            invoker: s.invoker,
            invokerType: s.invokerType,
            sourceURL: s.sourceURL,
            sourceFunctionName: s.sourceFunctionName,
            sourceCharPosition: s.sourceCharPosition,
            duration: s.duration,
            forcedStyleAndLayoutDuration: s.forcedStyleAndLayoutDuration,
          })),
        })
      }
    }).observe({ type: 'long-animation-frame', buffered: true })
  } catch {
    // not supported
  }
  // When the demo's service worker is registered and takes control (later requests wait for both).
  const container = window.navigator.serviceWorker
  if (container) {
    const register = container.register.bind(container)
    container.register = (...args) => {
      bench.marks.swRegisterCalled = performance.now()
      return register(...args).then((registration) => {
        bench.marks.swRegistered = performance.now()
        return registration
      })
    }
    container.addEventListener('controllerchange', () => (bench.marks.swControlling = performance.now()))
  }
  // First rows: a row's button named "Edit …" (PAGE.md's contract; "View …" for read-only keys).
  const observer = new MutationObserver(() => {
    if (bench.firstRowsDom !== null) return
    if (!document.querySelector('tr button[aria-label^="Edit "], tr button[aria-label^="View "]')) return
    bench.firstRowsDom = performance.now()
    observer.disconnect()
    requestAnimationFrame(() => {
      bench.firstRowsFrame = performance.now()
      firstRowsShown()
    })
  })
  observer.observe(document, { childList: true, subtree: true })
  // The marks bound the measured windows in Chrome traces too.
  window.addEventListener(
    'input',
    () => (bench.lastInput = performance.mark('bench:action', { detail: 'input' }).startTime),
    true,
  )
  window.addEventListener(
    'click',
    () => (bench.lastClick = performance.mark('bench:action', { detail: 'click' }).startTime),
    true,
  )
}

/**
 * Starts polling, once per animation frame, for the outcome of the action about to be taken; the
 * condition is false before it. The page's `__bench.waiter` resolves with the frame time it held.
 * @param {WaiterSpec} spec
 */
export function armWaiter(spec) {
  const bench = window.__bench
  bench.lastInput = null
  bench.lastClick = null
  const params = () => new URLSearchParams(location.search)
  const settledList = () =>
    !document.querySelector('.updating') && !document.querySelector('.numbers-table[aria-busy="true"]')
  const firstNumber = () => document.querySelector('.numbers-table tbody .number-main')?.textContent ?? null
  const summary = () => document.querySelector('.toolbar-summary')?.textContent ?? ''
  /** @type {() => boolean} */
  let condition
  switch (spec.kind) {
    case 'search':
      condition = () =>
        params().get('q') === spec.query &&
        settledList() &&
        (firstNumber() !== null || summary().startsWith('0 numbers'))
      break
    case 'cleared':
      condition = () => params().get('q') === null && settledList() && firstNumber() !== null
      break
    case 'page':
      condition = () =>
        (params().get('page') ?? '1') === String(spec.page) &&
        settledList() &&
        firstNumber() !== null &&
        firstNumber() !== spec.previousFirst
      break
    case 'dialog':
      condition = () => {
        const label = /** @type {HTMLLabelElement[]} */ ([...document.querySelectorAll('[role="dialog"] label')]).find(
          (l) => l.textContent === 'Inbound agent',
        )
        const trigger = label ? document.getElementById(label.htmlFor) : null
        if (!trigger) return false
        const shown = [...trigger.childNodes]
          .filter((n) => !(n instanceof Element && n.classList.contains('select-icon')))
          .map((n) => n.textContent)
          .join('')
          .trim()
        return shown !== ''
      }
      break
    case 'save':
      condition = () => {
        const row = /** @type {HTMLTableRowElement | undefined} */ (
          document.querySelectorAll('.numbers-table tbody tr')[spec.index]
        )
        return (
          row !== undefined &&
          row.querySelector('td.actions button')?.getAttribute('aria-label') === spec.editLabel &&
          (row.querySelector('td.col-outbound')?.textContent ?? '').trim().startsWith(spec.expected)
        )
      }
      break
    case 'usage':
      // The agent usage region of that agent, with its counts (not its loading state).
      condition = () =>
        [...document.querySelectorAll('.agent-usage')].some(
          (region) =>
            region.querySelector('h2')?.textContent === `${spec.agent} usage` &&
            region.querySelector('.usage-list') !== null,
        )
      break
  }
  const armedAt = performance.now()
  bench.waiter = new Promise((resolve) => {
    const tick = () => {
      const now = performance.now()
      if (condition()) {
        performance.mark('bench:outcome')
        if (spec.kind !== 'cleared')
          bench.windows.push({ kind: spec.kind, start: bench.lastInput ?? bench.lastClick, end: now })
        resolve({ done: now, lastInput: bench.lastInput, lastClick: bench.lastClick, summary: summary() })
      } else if (now - armedAt > 20_000) {
        resolve(null)
      } else {
        requestAnimationFrame(tick)
      }
    }
    requestAnimationFrame(tick)
  })
}

/**
 * Waits (from Node) for the frame after the first rows. Not with Playwright's waitForFunction: that
 * evaluates Playwright's injected script, 60–100 ms of the page's main thread, in the middle of the
 * load being measured; a promise in the page's own world costs it nothing.
 * @param {import('@playwright/test').Page} page
 * @param {number} [timeoutMs]
 */
export async function waitForFirstRows(page, timeoutMs = 60_000) {
  await page.evaluate(
    (ms) =>
      Promise.race([
        window.__bench.firstRowsSeen,
        new Promise((_, reject) => setTimeout(() => reject(new Error(`no rows within ${ms} ms`)), ms)),
      ]),
    timeoutMs,
  )
}

/**
 * Waits until the page has finished loading: for `quietMs` the browser has had nothing to do but
 * give it idle periods of nearly the whole 50 ms it grants at most, back to back (a longer gap
 * between two is a task or a frame in between), ran no long task, and had no request open or
 * finishing (the parts loaded after the first rows, the demo backend starting). The interactions
 * measured after it then hold only their own work.
 * @param {import('@playwright/test').Page} page
 * @param {{ quietMs?: number, timeoutMs?: number }} [options]
 * @returns {Promise<number>} when the quiet began (ms since navigation start)
 */
export async function waitForIdlePage(page, { quietMs = 500, timeoutMs = 15_000 } = {}) {
  return page.evaluate(
    ({ quietMs, timeoutMs }) =>
      new Promise((resolve, reject) => {
        let quietSince = performance.now()
        let lastCheck = quietSince
        let stopped = false
        // A request that ended or a long task that ran: quiet only from its end on.
        const busyUntil = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) quietSince = Math.max(quietSince, e.startTime + e.duration)
        })
        busyUntil.observe({ type: 'resource' })
        busyUntil.observe({ type: 'longtask' })
        const stop = () => {
          stopped = true
          clearTimeout(giveUp)
          busyUntil.disconnect()
        }
        const giveUp = setTimeout(() => {
          stop()
          reject(new Error(`the page was not quiet for ${quietMs} ms within ${timeoutMs} ms`))
        }, timeoutMs)
        /** @param {IdleDeadline} deadline */
        const check = (deadline) => {
          if (stopped) return
          const now = performance.now()
          if (deadline.timeRemaining() < 45 || now - lastCheck > 75 || window.__bench.fetchesInFlight > 0) {
            quietSince = now
          }
          lastCheck = now
          if (now - quietSince < quietMs) return void requestIdleCallback(check)
          stop()
          resolve(quietSince)
        }
        requestIdleCallback(check)
      }),
    { quietMs, timeoutMs },
  )
}
