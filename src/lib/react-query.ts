import { QueryClient } from '@tanstack/react-query'
import { isApiError } from '@/lib/api-error'

const MAX_READ_RETRIES = 3

/** Reads retry only what may succeed next time (no answer, 5xx, 429), a bounded number of times. */
export function shouldRetryRead(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_READ_RETRIES) return false
  return isApiError(error) && error.isTransient
}

/** Backoff doubling from 500 ms, or exactly what the server asked for with Retry-After. */
export function readRetryDelay(failureCount: number, error: unknown): number {
  if (isApiError(error) && error.retryAfterSeconds !== null) return Math.min(error.retryAfterSeconds, 30) * 1000
  return Math.min(500 * 2 ** failureCount, 8000)
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
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
