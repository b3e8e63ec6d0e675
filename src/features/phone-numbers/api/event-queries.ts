import { infiniteQueryOptions } from '@tanstack/react-query'
import { platformApi } from '@/lib/api'

/** Events per page of History: a screenful, so `Show older` is worth pressing. */
export const HISTORY_PAGE_SIZE = 20

/** The change history (GET /v1/events), newest first, a page at a time. */
export const eventQueries = {
  all: () => ['events'] as const,
  /**
   * A number's events. Keyed by the number's `updated_at` too: every change of the number moves it
   * (API.md), so History reads again after any save, here or elsewhere, without being told.
   */
  ofNumber: (phoneNumberId: string, updatedAt: string) =>
    infiniteQueryOptions({
      queryKey: [...eventQueries.all(), { phone_number_id: phoneNumberId }, updatedAt] as const,
      queryFn: ({ pageParam, signal }) =>
        platformApi.listEvents(
          { phone_number_id: phoneNumberId, page: pageParam, limit: HISTORY_PAGE_SIZE },
          { signal },
        ),
      initialPageParam: 1,
      getNextPageParam: (last) => (last.page * last.limit < last.total ? last.page + 1 : undefined),
    }),
}
