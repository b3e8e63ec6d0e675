import { keepPreviousData, queryOptions, skipToken } from '@tanstack/react-query'
import { platformApi } from '@/lib/api'
import type { ListPhoneNumbersParams, PhoneNumber } from '@/types/api'

/** Query keys and fetchers for phone numbers: every list page shares the `lists()` prefix so a saved record can be found in all of them. */
export const phoneNumberQueries = {
  all: () => ['phone-numbers'] as const,
  lists: () => [...phoneNumberQueries.all(), 'list'] as const,
  list: (params: ListPhoneNumbersParams) =>
    queryOptions({
      queryKey: [...phoneNumberQueries.lists(), params] as const,
      queryFn: ({ signal }) => getPhoneNumbers(params, signal),
      placeholderData: keepPreviousData,
      // The first page is fetched before the page mounts (src/app/first-screen.tsx): a page mounting on a
      // failed list shows the failure and its Retry instead of silently asking again.
      retryOnMount: false,
    }),
  /**
   * The newest state of one number the page has seen (its fresh read on open, each save's answers and
   * re-reads), whether or not a cached list shows it: the edit dialog plans from it. Written by
   * reconcileSavedNumbers only, never fetched on its own.
   */
  latest: (id: string) =>
    queryOptions<PhoneNumber>({ queryKey: [...phoneNumberQueries.all(), 'latest', id] as const, queryFn: skipToken }),
}

function getPhoneNumbers(params: ListPhoneNumbersParams, signal?: AbortSignal) {
  return platformApi.listPhoneNumbers(params, { signal })
}

export function getPhoneNumber(id: string, signal?: AbortSignal) {
  return platformApi.getPhoneNumber(id, { signal })
}
