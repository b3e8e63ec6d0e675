import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query'
import { isApiError } from '@/lib/api-error'
import { credentials } from '@/lib/credentials'

const MAX_READ_RETRIES = 3
/** How many times a read that gets no answer is sent in all (what the page says while it tries again). */
export const READ_ATTEMPTS = MAX_READ_RETRIES + 1

/** Reads retry only what may succeed next time (no answer, 5xx, 429), a bounded number of times. */
function shouldRetryRead(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_READ_RETRIES) return false
  return isApiError(error) && error.isTransient
}

/** Backoff doubling from 500 ms, or exactly what the server asked for with Retry-After. */
function readRetryDelay(failureCount: number, error: unknown): number {
  if (isApiError(error) && error.retryAfterSeconds !== null) return Math.min(error.retryAfterSeconds, 30) * 1000
  return Math.min(500 * 2 ** failureCount, 8000)
}

/** Any 401 means the key is unknown or revoked: ask for another, wherever it happened. */
function rejectKeyOn401(error: unknown): void {
  // A failed save wraps the API's error as its cause.
  const apiError = isApiError(error) ? error : error instanceof Error && isApiError(error.cause) ? error.cause : null
  if (apiError?.status === 401) credentials.reject()
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: rejectKeyOn401 }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _onMutateResult, mutation) => {
        // A key being checked at the prompt is not the key in use: its 401 is only the prompt's answer.
        if (mutation.meta?.checksCandidateKey) return
        rejectKeyOn401(error)
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: shouldRetryRead,
        retryDelay: readRetryDelay,
        refetchOnWindowFocus: true,
        refetchOnReconnect: true,
      },
      mutations: {
        // A write is never retried blindly: a failure may have been applied (API.md, 5xx on a write).
        retry: false,
      },
    },
  })
}
