import { changedNumbersInWords } from '@/lib/changed-numbers'
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

/** A number that a 409 `precondition_failed` names: changed since the client read it, last at `updatedAt`. */
export interface ChangedNumber {
  /** E.164, as the server names it. */
  phoneNumber: string
  /** When it was last changed (the server's `updated_at`); null when the detail does not say in the expected form. */
  updatedAt: string | null
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
  /**
   * For a 409 `precondition_failed`: the numbers someone else changed since the client read them
   * (API.md: each detail names one, `{ "field": "+14155550123", "message": "updated at …" }`); empty otherwise.
   */
  readonly changedNumbers: ChangedNumber[]

  constructor(init: ApiErrorInit) {
    const changedNumbers = init.status === 409 ? changedNumbersOf(init.details ?? []) : []
    // A 429's or a 409's own text ("Too many requests", "Precondition failed") does not say what happened in words; these do.
    super(
      init.status === 429
        ? rateLimitedMessage(init.retryAfterSeconds ?? null)
        : init.status === 409
          ? changedNumbersInWords(changedNumbers)
          : init.message,
    )
    this.changedNumbers = changedNumbers
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

  /** Someone else changed what this write names since the client read it: nothing was changed. */
  get isPreconditionFailed(): boolean {
    return this.status === 409
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

const UPDATED_AT = /(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)/

function changedNumbersOf(details: ErrorDetail[]): ChangedNumber[] {
  return details.map(({ field, message }) => {
    const updatedAt = UPDATED_AT.exec(message)?.[1] ?? null
    return {
      phoneNumber: field,
      updatedAt: updatedAt !== null && !Number.isNaN(Date.parse(updatedAt)) ? updatedAt : null,
    }
  })
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}
