import type { QueryClient } from '@tanstack/react-query'
import { getPhoneNumber } from '@/features/phone-numbers/api/phone-number-queries'
import { reconcileSavedNumbers } from '@/features/phone-numbers/api/reconcile-cache'

/**
 * After a write whose outcome is unknown (no answer in time, a lost connection, a 5xx) the server may
 * still apply it: a request that timed out on the page can be taken in seconds later. The number is
 * read again after these delays, until it has changed, so the row (and an open dialog) end up showing
 * what the server holds instead of what it held at the first look.
 */
export const recheckTiming = { delaysMs: [5_000, 20_000] }

export function recheckLater(
  queryClient: QueryClient,
  numberId: string,
  seenUpdatedAt: string,
  delaysMs: readonly number[] = recheckTiming.delaysMs,
): void {
  const [delay, ...later] = delaysMs
  if (delay === undefined) return
  const again = () => recheckLater(queryClient, numberId, seenUpdatedAt, later)
  setTimeout(() => {
    getPhoneNumber(numberId).then((number) => {
      reconcileSavedNumbers(queryClient, [number], [])
      if (number.updated_at === seenUpdatedAt) again()
    }, again)
  }, delay)
}
