import type { WriteRequest } from '@/features/phone-numbers/domain/writes/write-requests'
import type { PhoneNumber } from '@/types/api'

/** What a write job needs of the API (platform-write-api.ts; the demo backend in tests): runWrites is written against it. */
export interface WriteApi {
  send(request: WriteRequest, signal: AbortSignal | undefined): Promise<PhoneNumber[]>
  /** The current records of these numbers (at most MAX_IDS_PER_LIST ids). */
  read(ids: string[], signal: AbortSignal | undefined): Promise<PhoneNumber[]>
  /** What a failed call means for the job. */
  classify(error: unknown): WriteFailure
  sleep(ms: number, signal: AbortSignal | undefined): Promise<void>
}

export type WriteFailure =
  /** 409: these numbers (E.164) changed since; null when the answer does not say which. */
  | { kind: 'conflict'; phoneNumbers: string[] | null }
  | { kind: 'rate-limited'; retryAfterMs: number }
  /** The call may or may not have been applied. */
  | { kind: 'ambiguous'; message: string }
  /** Refused, nothing applied (400, 403, 404). */
  | { kind: 'refused'; message: string }
  /** Nothing more can be sent (401, the user's cancel): the job stops. */
  | { kind: 'stop'; message: string }
