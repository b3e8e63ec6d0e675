import { configError } from '@/config/env'
import { listParams, parseListView } from '@/features/phone-numbers/domain/list-view'
import { permissionsOf } from '@/features/session/permissions'
import { apiRoot, buildUrl, requestHeaders, type QueryValue } from '@/lib/api-request'
import { credentials } from '@/lib/credentials'
import { offerEarlyResponse } from '@/lib/early-requests'

/** Sends one request: fetch, or in demo mode the demo backend answering in the page. */
export type SendRequest = (url: string, init: RequestInit) => Promise<Response>

/** The early answers, for the first paint (first-paint/first-paint.ts) to peek at; null: not sent. */
export interface FirstScreenAnswers {
  me: Promise<Response | null>
  list: Promise<Response | null>
  agents: Promise<Response | null>
  /**
   * A copy of each answer's body, read as it arrives (null: failed, or not sent): while the boot
   * script still downloads, so the first paint does not wait for the reading. Not checked yet.
   */
  bodies: Record<'me' | 'list' | 'agents', Promise<unknown>>
}

/**
 * Where the page's inline script (real-server builds: src/app/inline-boot.ts) leaves the answers for
 * the boot script: two bundles of these modules, one handover, so a global.
 */
const INLINE_ANSWERS = Symbol.for('phone-numbers.inline-first-screen-answers')
const handover = globalThis as typeof globalThis & { [INLINE_ANSWERS]?: FirstScreenAnswers | null }

/** The page's inline script: sends the first screen's requests while the HTML is still being read. */
export function sendFromInlineScript(): void {
  handover[INLINE_ANSWERS] = sendFirstScreenRequests((url, init) => fetch(url, init))
}

/** The answers the inline script asked for; undefined where it did not run (a demo build, the dev server). */
export function inlineScriptAnswers(): FirstScreenAnswers | null | undefined {
  return handover[INLINE_ANSWERS]
}

/**
 * The boot script's part of the first screen (src/main.tsx): sends the requests the first screen
 * makes, written exactly as the API client writes them (the page of rows the URL names, /v1/me, and
 * the agents once /v1/me says the key may read them), before React, the app and zod have loaded.
 * The app's queries (first-screen.tsx) take these answers and validate them as any other
 * (src/lib/early-requests.ts). Nothing here is trusted: it decides what to ask early, and the first
 * paint (first-paint/) draws a checked copy of the answers until the app takes over.
 */
export function sendFirstScreenRequests(send: SendRequest): FirstScreenAnswers | null {
  const key = credentials.get()
  if (configError !== null || key === null) return null
  const headers = requestHeaders(key, false)
  const early = (path: string, query?: Record<string, QueryValue>, unless?: Promise<boolean>) => {
    const url = buildUrl(apiRoot, path, query)
    return offerEarlyResponse({ method: 'GET', url, headers }, async (signal) =>
      unless && (await unless) ? null : send(url, { method: 'GET', headers, signal }),
    )
  }

  // Their answers wait for the app, which reads them and reports any failure.
  const list = early('/v1/phone-numbers', { ...listParams(parseListView(window.location.search)) })
  const me = early('/v1/me')
  const meBody = bodyOf(me)
  // Any doubt (a body the gate cannot read) leaves the agents to the app, which checks /v1/me itself.
  const agents = early(
    '/v1/agents',
    undefined,
    meBody.then(mayNotReadAgents).catch(() => true),
  )
  return { me, list, agents, bodies: { me: meBody, list: bodyOf(list), agents: bodyOf(agents) } }
}

/** A copy of an answer's body as JSON; null when it failed or is not JSON. The app reads the answer itself. */
function bodyOf(answer: Promise<Response | null>): Promise<unknown> {
  return answer.then((response) => (response?.ok ? response.clone().json() : null)).catch(() => null)
}

/** Whether /v1/me's answer rules out reading the agents; a peek at a copy, the app validates the answer itself. */
function mayNotReadAgents(me: unknown): boolean {
  const scopes = (me as { scopes?: unknown } | null)?.scopes
  return !(Array.isArray(scopes) && permissionsOf({ scopes: scopes.map(String) }).canReadAgents)
}
