import { sendWriteRequest } from '@/features/phone-numbers/api/send-write-request'
import type { WriteApi, WriteFailure } from '@/features/phone-numbers/jobs/write-api'
import { platformApi } from '@/lib/api'
import { isApiError } from '@/lib/api-error'

/** A 429's wait, at most: a server asking for longer is asked again after this. */
const MAX_RETRY_AFTER_MS = 10_000

/** Write jobs over the configured server (platformApi), every call carrying `reason` as X-Change-Reason. */
export function platformWriteApi(reason: string): WriteApi {
  return {
    // Not the job's signal: Cancel stops between calls, never in the middle of one (its outcome would be unknown).
    send: (request) => sendWriteRequest(request, { reason }),
    read: (ids, signal) => platformApi.phoneNumbersByIds(ids, { signal }),
    classify: classifyWriteError,
    sleep: (ms, signal) =>
      new Promise((resolve) => {
        const timer = setTimeout(resolve, ms)
        signal?.addEventListener('abort', () => {
          clearTimeout(timer)
          resolve()
        })
      }),
  }
}

export function classifyWriteError(error: unknown): WriteFailure {
  if (!isApiError(error)) {
    return { kind: 'stop', message: error instanceof Error ? error.message : 'The job stopped.' }
  }
  if (error.status === 401) return { kind: 'stop', message: error.message }
  if (error.isPreconditionFailed) {
    const named = error.changedNumbers.map((n) => n.phoneNumber)
    return { kind: 'conflict', phoneNumbers: named.length > 0 ? named : null }
  }
  if (error.status === 429) {
    return { kind: 'rate-limited', retryAfterMs: Math.min((error.retryAfterSeconds ?? 1) * 1000, MAX_RETRY_AFTER_MS) }
  }
  if (error.isAmbiguous) return { kind: 'ambiguous', message: error.message }
  return { kind: 'refused', message: error.message }
}
