import { safeParse, type ZodMiniType, type infer as Infer } from 'zod/mini'
import { ApiError } from '@/lib/api-error'
import { buildUrl, requestHeaders, type QueryValue } from '@/lib/api-request'
import { formatDuration } from '@/lib/format-duration'
import { errorBodySchema } from '@/types/api'

const REQUEST_TIMEOUT_MS = 15_000

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  query?: Record<string, QueryValue>
  body?: unknown
  signal?: AbortSignal
  /** Why this write is made, in words: sent as X-Change-Reason and kept in the change history. */
  reason?: string
}

export interface ApiClientConfig {
  /** Absolute origin (and optional path prefix) of the API, without a trailing slash. */
  baseUrl: string
  /** Read on every request, so a key entered later (or revoked) takes effect at once. */
  getApiKey: () => string | null
  timeoutMs?: number
  fetch?: typeof fetch
}

export type ApiClient = <S extends ZodMiniType>(schema: S, path: string, options?: RequestOptions) => Promise<Infer<S>>

/**
 * The one way the app talks to the platform API: adds the key, sends JSON, and turns every
 * outcome that is not a valid, expected payload into an ApiError.
 */
export function createApiClient(config: ApiClientConfig): ApiClient {
  const timeoutMs = config.timeoutMs ?? REQUEST_TIMEOUT_MS

  return async function request(schema, path, options = {}) {
    const method = options.method ?? 'GET'
    const url = buildUrl(config.baseUrl, path, options.query)
    const fail = (init: Omit<ConstructorParameters<typeof ApiError>[0], 'method' | 'path'>) =>
      new ApiError({ ...init, method, path })

    const headers = requestHeaders(config.getApiKey(), options.body !== undefined, options.reason)

    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout

    let response: Response
    try {
      response = await (config.fetch ?? fetch)(url, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal,
      })
    } catch (error) {
      // A caller's own cancellation (React Query's) is not an API failure: pass it through untouched.
      if (options.signal?.aborted) throw error
      if (timeout.aborted) {
        throw fail({
          kind: 'timeout',
          status: 0,
          code: 'timeout',
          message: `No answer from the server within ${formatDuration(timeoutMs)}.`,
        })
      }
      throw fail({
        kind: 'network',
        status: 0,
        code: 'network_error',
        message: 'Could not reach the server. Check your connection and try again.',
      })
    }

    let text: string
    try {
      text = await response.text()
    } catch (error) {
      if (options.signal?.aborted) throw error
      if (timeout.aborted) {
        throw fail({
          kind: 'timeout',
          status: response.status,
          code: 'timeout',
          message: `The server's answer did not finish within ${formatDuration(timeoutMs)}.`,
        })
      }
      throw fail({
        kind: 'network',
        status: response.status,
        code: 'network_error',
        message: 'The connection dropped while reading the server’s answer.',
      })
    }
    const json = parseJson(text)

    if (!response.ok) {
      const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'))
      const parsed = safeParse(errorBodySchema, json)
      if (parsed.success) {
        const { code, message, details } = parsed.data.error
        throw fail({ kind: 'http', status: response.status, code, message, details, retryAfterSeconds })
      }
      throw fail({
        kind: 'http',
        status: response.status,
        code: 'unexpected_response',
        message: `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} without an error description.`,
        retryAfterSeconds,
      })
    }

    const parsed = safeParse(schema, json)
    if (!parsed.success) {
      throw fail({
        kind: 'invalid_response',
        status: response.status,
        code: 'invalid_response',
        message:
          json === undefined
            ? 'The server sent an answer that is not JSON.'
            : 'The server sent an answer in an unexpected shape.',
      })
    }
    return parsed.data
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/** Retry-After is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return null
  return Math.max(0, Math.ceil((date - now) / 1000))
}
