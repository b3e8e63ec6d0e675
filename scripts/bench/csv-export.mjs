// @ts-check
/* global window -- functions passed to page.evaluate run in the page */
/**
 * Export CSV of the whole workspace (every page, `?latency=0`): from the click on `Export CSV` to the
 * download, the list requests it sent, the file's size and lines, and the long tasks meanwhile
 * (issue 16: ≤ 10 s at 100,000 numbers, no task over 50 ms).
 */
import { openAt } from './demo-size.mjs'
import { round } from './stats.mjs'

/** The limits for the export at 100,000 numbers. */
export const CSV_EXPORT_TARGETS = { totalMsAt100k: 10_000, longTaskMs: 50 }

/**
 * @typedef {{ size: number, ms: number, cpuMs: number, requests: number, lines: number, bytes: number,
 *   longTasks: { count: number, longest: number }, longTaskDurations: number[],
 *   longestFrames: { duration: number, scripts: string[] }[] }} CsvExportResult
 */

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} baseUrl
 * @param {number} size
 * @returns {Promise<CsvExportResult>}
 */
export async function benchCsvExport(browser, baseUrl, size) {
  const { context, page, open } = await openAt(browser, baseUrl, size)
  try {
    await open()
    let requests = 0
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (url.pathname === '/v1/phone-numbers' && url.searchParams.get('limit') === '200') requests += 1
    })
    // The renderer's CPU time (Chrome's ProcessTime: the page and its service worker): what the export
    // costs whatever else the machine runs, where the wall-clock time includes waiting for a core.
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    const cpuSeconds = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ProcessTime')?.value ?? NaN
    const cpuBefore = await cpuSeconds()
    const start = await page.evaluate(() => {
      window.__bench.longTasks.length = 0
      window.__bench.frames.length = 0
      // The first click only: the export's own download is a click on a link too, which moves `lastClick`.
      window.addEventListener('click', () => (window.__bench.marks.csvExportClick = performance.now()), {
        capture: true,
        once: true,
      })
      return performance.now()
    })
    const downloading = page.waitForEvent('download', { timeout: 120_000 })
    await page.getByRole('button', { name: 'Export CSV' }).click()
    const download = await downloading
    const end = await page.evaluate(() => performance.now())
    const cpuAfter = await cpuSeconds()
    // From the click event (in the page) to the moment the download reached Playwright.
    const clickedAt = await page.evaluate(() => window.__bench.marks.csvExportClick ?? 0)
    // What ran in the longest frames (long animation frames name their scripts).
    const longestFrames = await page.evaluate(() =>
      [...window.__bench.frames]
        .sort((a, b) => b.duration - a.duration)
        .slice(0, 3)
        .map((f) => ({
          duration: Math.round(f.duration),
          scripts: f.scripts
            .filter((s) => s.duration > 5)
            .map(
              (s) =>
                `${s.invoker} ${s.sourceFunctionName}@${s.sourceURL.split('/').pop()}:${s.sourceCharPosition} ${Math.round(s.duration)} ms`,
            ),
        })),
    )
    const longTasks = await page.evaluate(
      ({ from, to }) => window.__bench.longTasks.filter((t) => t.start >= from && t.start <= to).map((t) => t.duration),
      { from: start, to: end },
    )
    const stream = await download.createReadStream()
    let bytes = 0
    let lines = 0
    for await (const chunk of stream) {
      bytes += chunk.length
      for (const byte of chunk) if (byte === 10) lines += 1
    }
    return {
      size,
      ms: round(end - clickedAt) ?? NaN,
      cpuMs: round((cpuAfter - cpuBefore) * 1000) ?? NaN,
      requests,
      // Lines counted by LF (the file ends every line with CRLF): the header and one per number, if no cell holds a newline.
      lines,
      bytes,
      longTasks: {
        count: longTasks.filter((d) => d > CSV_EXPORT_TARGETS.longTaskMs).length,
        longest: round(Math.max(0, ...longTasks)) ?? 0,
      },
      longTaskDurations: longTasks.map((d) => round(d) ?? 0),
      longestFrames,
    }
  } finally {
    await context.close()
  }
}
