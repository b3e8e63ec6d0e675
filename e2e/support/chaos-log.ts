import { writeFile } from 'node:fs/promises'
import { test, type ConsoleMessage, type Page, type Request } from '@playwright/test'

/** What the chaos test watches and records: the page's errors, its API traffic, and the log of edits. */

export interface PageWatch {
  /** Errors thrown in the page. */
  pageErrors: string[]
  /** Console errors other than the injected network failures. */
  consoleErrors: string[]
  /** Console errors the injected faults explain, and their distinct texts. */
  expectedNetworkErrors: number
  /** Of those, writes refused with 409 because "another admin" changed the number first. */
  refusedAsChanged: number
  expectedKinds: Set<string>
  /** The page's own API requests: in flight, sent in all, and when one last started or ended. */
  api: { inFlight: number; requests: number; lastActivity: number }
}

/** Starts watching the page's errors and API requests (from now until the page closes). */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = {
    pageErrors: [],
    consoleErrors: [],
    expectedNetworkErrors: 0,
    refusedAsChanged: 0,
    expectedKinds: new Set(),
    api: { inFlight: 0, requests: 0, lastActivity: Date.now() },
  }
  const { api } = watch
  page.on('pageerror', (error) => watch.pageErrors.push(error.stack ?? error.message))
  const isApi = (request: Request) => new URL(request.url()).pathname.startsWith('/v1/')
  page.on('request', (request) => {
    if (!isApi(request)) return
    api.inFlight++
    api.requests++
    api.lastActivity = Date.now()
  })
  const settled = (request: Request) => {
    if (!isApi(request)) return
    api.inFlight--
    api.lastActivity = Date.now()
  }
  page.on('requestfinished', settled)
  page.on('requestfailed', settled)
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    if (isInjectedNetworkFailure(message)) {
      watch.expectedNetworkErrors++
      if (message.text().includes('status of 409')) watch.refusedAsChanged++
      watch.expectedKinds.add(message.text())
    } else watch.consoleErrors.push(`${message.text()} (${message.location().url})`)
  })
  return watch
}

/**
 * The injected network failures as Chromium logs them: an error status from the demo backend
 * (500, 502, 503, 429), a write refused with 409 because "another admin" changed its number first
 * (every write the page sends is conditional), or a request failed with msw's HttpResponse.error().
 * Nothing else is expected.
 */
function isInjectedNetworkFailure(message: ConsoleMessage): boolean {
  const { url } = message.location()
  const api = url !== '' && new URL(url).pathname.startsWith('/v1/')
  const text = message.text()
  return (
    api &&
    (/^Failed to load resource: the server responded with a status of (409|429|500|502|503)\b/.test(text) ||
      text === 'Failed to load resource: net::ERR_FAILED')
  )
}

/** `{ b: 2, a: 1, c: 0 }` → `a=1 b=2` (`none` when every count is zero). */
export function formatCounts(counts: Record<string, number>): string {
  return (
    Object.entries(counts)
      .filter(([, count]) => count > 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, count]) => `${key}=${count}`)
      .join(' ') || 'none'
  )
}

/** Every edit and its outcome, kept next to the trace (test-results/…/chaos-edits.txt) and in the report. */
export async function attachLog(log: string[]): Promise<void> {
  const path = test.info().outputPath('chaos-edits.txt')
  await writeFile(path, `${log.join('\n')}\n`)
  await test.info().attach('chaos edits', { path, contentType: 'text/plain' })
}
