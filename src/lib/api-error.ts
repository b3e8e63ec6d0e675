import type { ErrorDetail } from '@/types/api'

/**
 * Why a request failed:
 * - `http`: the server answered with a non-2xx status (its error body, when it sent one, is in code/message/details);
 * - `network`: no answer at all (offline, DNS, connection refused or dropped);
 * - `timeout`: no answer within the client's time limit;
 * - `invalid_response`: a 2xx answer whose body is not what API.md promises (HTML, empty, wrong shape).
 */
type ApiErrorKind = 'http' | 'network' | 'timeout' | 'invalid_response'

export interface ApiErrorInit {
  kind: ApiErrorKind
  status: number
  code: string
  message: string
  details?: ErrorDetail[]
  retryAfterSeconds?: number | null
  method: string
  path: string
}

export class ApiError extends Error {
  override readonly name = 'ApiError'
  readonly kind: ApiErrorKind
  /** HTTP status, or 0 when no response arrived. */
  readonly status: number
  /** The API's error code (`validation_failed`, …) or a client-side one (`network_error`, `timeout`, `invalid_response`, `unexpected_response`). */
  readonly code: string
  readonly details: ErrorDetail[]
  readonly retryAfterSeconds: number | null
  readonly method: string
  readonly path: string

  constructor(init: ApiErrorInit) {
    // A 429's own text ("Too many requests", a test's "injected fault") does not say what to do; this does.
    super(init.status === 429 ? rateLimitedMessage(init.retryAfterSeconds ?? null) : init.message)
    this.kind = init.kind
    this.status = init.status
    this.code = init.code
    this.details = init.details ?? []
    this.retryAfterSeconds = init.retryAfterSeconds ?? null
    this.method = init.method
    this.path = init.path
  }

  /** A write that failed this way may or may not have been applied on the server. */
  get isAmbiguous(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.kind === 'invalid_response' || this.status >= 500
  }

  /** Worth retrying later: nothing says the request itself was wrong. */
  get isTransient(): boolean {
    return this.kind === 'network' || this.kind === 'timeout' || this.status === 429 || this.status >= 500
  }
}

function rateLimitedMessage(retryAfterSeconds: number | null): string {
  const when = retryAfterSeconds === null ? 'in a moment' : `in ${Math.max(1, Math.ceil(retryAfterSeconds))} s`
  return `The server is rate-limiting requests: try again ${when}.`
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}
