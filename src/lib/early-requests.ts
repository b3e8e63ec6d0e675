/**
 * The first screen's requests, sent by the boot script (src/main.tsx) before React, the app and zod
 * have loaded, and handed to the API client when the app sends the very same request (method, URL
 * and key): the app then reads and validates the answer as usual, without asking again. Each early
 * answer is taken once; what the app has not taken when the first screen's queries are out is
 * dropped (discardEarlyResponses), so a later request never gets a stale answer.
 */

/** An early answer; null when the boot script decided not to send it after all (the app then asks itself). */
type EarlyAnswer = Promise<Response | null>

interface EarlyEntry {
  answer: EarlyAnswer
  /** Cancels the early request, once the app has taken it and its own signal fires (timeout, unmount). */
  cancel: (reason: unknown) => void
}

// Shared with the page's inline script (real-server builds: src/app/inline-boot.ts), a bundle of its own
// that offers the first answers before this module has loaded: one registry for both, on a global.
const ENTRIES = Symbol.for('phone-numbers.early-requests')
const shared = globalThis as typeof globalThis & { [ENTRIES]?: Map<string, EarlyEntry> }
const entries = (shared[ENTRIES] ??= new Map<string, EarlyEntry>())
let networkReady: Promise<unknown> = Promise.resolve()

const entryKey = (method: string, url: string, authorization: string | null) =>
  `${method.toUpperCase()} ${url} ${authorization ?? ''}`

/**
 * Offers the answer to a request the app is about to send. `send` starts it with a signal that
 * fires if the app, having taken it, gives up on it. Returns that answer.
 */
export function offerEarlyResponse(
  request: { method?: string; url: string; headers: Record<string, string> },
  send: (signal: AbortSignal) => EarlyAnswer,
): EarlyAnswer {
  const controller = new AbortController()
  const answer = send(controller.signal)
  // Not taken, it must not be reported as an unhandled rejection.
  answer.catch(() => {})
  entries.set(entryKey(request.method ?? 'GET', request.url, request.headers.Authorization ?? null), {
    answer,
    cancel: (reason) => controller.abort(reason),
  })
  return answer
}

/** Drops every early answer not taken yet: from here on, every request goes to the server. */
export function discardEarlyResponses(): void {
  for (const entry of entries.values()) entry.cancel(new DOMException('Not needed', 'AbortError'))
  entries.clear()
}

/**
 * Requests that no early answer covers wait for this (demo mode: the demo's service worker, linked to
 * the backend that answers them), so none goes to a server that is not there.
 */
export function holdNetworkUntil(ready: Promise<unknown>): void {
  networkReady = ready
}

/** `fetch`, but an early answer to the same request is taken instead of asking again. */
export const fetchWithEarlyResponses: typeof fetch = async (input, init) => {
  const url = input instanceof Request ? input.url : String(input)
  const headers = new Headers(init?.headers)
  const key = entryKey(init?.method ?? 'GET', url, headers.get('Authorization'))
  const entry = entries.get(key)
  const signal = init?.signal ?? null
  if (entry) {
    entries.delete(key)
    const response = await adopt(entry, signal)
    if (response !== null) return response
  }
  await untilNetworkReady(signal)
  return globalThis.fetch(input, init)
}

/** The network, once ready; a request's own signal (its timeout) still ends the wait, as it would end fetch. */
function untilNetworkReady(signal: AbortSignal | null): Promise<unknown> {
  if (!signal) return networkReady
  if (signal.aborted) return Promise.reject(signal.reason as Error)
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error)
    signal.addEventListener('abort', onAbort, { once: true })
    networkReady.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

/**
 * The early answer, under the taker's signal: it aborts the early request (its body too, when the
 * answer is already in) and rejects as fetch would.
 */
function adopt(entry: EarlyEntry, signal: AbortSignal | null): EarlyAnswer {
  if (!signal) return entry.answer
  if (signal.aborted) {
    entry.cancel(signal.reason)
    return Promise.reject(signal.reason as Error)
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      entry.cancel(signal.reason)
      reject(signal.reason as Error)
    }
    signal.addEventListener('abort', onAbort, { once: true })
    entry.answer.then(resolve, reject)
  })
}
