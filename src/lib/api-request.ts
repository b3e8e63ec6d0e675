import { withoutIsolates } from '@/lib/bidi'
import { apiBaseUrl } from '@/config/env'
import { CHANGE_REASON_HEADER, MAX_CHANGE_REASON_LENGTH, firstCharacters } from '@/types/api-values'

/**
 * How a request to the API is written: its URL and headers. Shared by the API client and the boot
 * script (src/main.tsx), whose early requests the client adopts only when they are the very
 * requests it would have sent. No zod here: the boot script loads this before zod.
 */

/** Booleans go as `true`/`false`, lists comma-separated (`ids`); an empty value is left out, as API.md treats it as absent. */
export type QueryValue = string | number | boolean | readonly string[] | undefined | null

/** The configured server, or the page's own origin where the demo backend answers. */
export const apiRoot = apiBaseUrl ?? globalThis.location.origin

export function buildUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>): string {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(query ?? {})) {
    const text = typeof value === 'object' && value !== null ? value.join(',') : value
    if (text !== undefined && text !== null && text !== '') search.set(name, String(text))
  }
  const qs = search.toString()
  return `${baseUrl.replace(/\/+$/, '')}${path}${qs ? `?${qs}` : ''}`
}

export function requestHeaders(key: string | null, withBody: boolean, reason?: string): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (key) headers.Authorization = `Bearer ${key}`
  if (withBody) headers['Content-Type'] = 'application/json'
  const encoded = reason === undefined ? '' : encodeChangeReason(reason)
  if (encoded !== '') headers[CHANGE_REASON_HEADER] = encoded
  return headers
}

/**
 * A change reason as X-Change-Reason carries it: header values cannot hold arbitrary Unicode, so the
 * text goes UTF-8 percent-encoded (API.md), trimmed, and cut where the server cuts it (200 characters,
 * never inside a character) so that a long reason cannot make the request too large to be accepted.
 */
export function encodeChangeReason(reason: string): string {
  // A lone surrogate has no UTF-8 form (encodeURIComponent would throw): it becomes U+FFFD, as TextEncoder makes it.
  // The isolates the page puts around right-to-left names are for its screen: the history shows the text as it is.
  const text = withoutIsolates(reason).trim().replace(LONE_SURROGATE, '\uFFFD')
  return encodeURIComponent(firstCharacters(text, MAX_CHANGE_REASON_LENGTH))
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
