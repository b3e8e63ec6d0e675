import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback, useMemo, useSyncExternalStore } from 'react'
import { phoneNumberQueries } from '@/features/phone-numbers/api/phone-number-queries'
import { countriesByFrequency } from '@/features/phone-numbers/domain/search-query'
import type { PhoneNumberList } from '@/types/api'

/** The browser's region (`en-GB` → `GB`), the guess when no numbers are known yet. */
function browserRegion(): string | null {
  try {
    return new Intl.Locale(navigator.language).maximize().region ?? null
  } catch {
    return null
  }
}

/** As a string, so the snapshot compares equal while the ranking stays the same. */
function rankedCountries(queryClient: QueryClient): string {
  const codes: string[] = []
  for (const [, list] of queryClient.getQueriesData<PhoneNumberList>({ queryKey: phoneNumberQueries.lists() })) {
    for (const number of list?.data ?? []) codes.push(number.country_code)
  }
  const region = browserRegion()
  const ranked = countriesByFrequency(codes)
  return (region && !ranked.includes(region) ? [...ranked, region] : ranked).join(',')
}

/**
 * The countries a number typed in a national format is tried in, most common among the numbers the
 * page has loaded first, then the browser's region (domain/search-query.ts).
 */
export function useSearchCountries(): readonly string[] {
  const queryClient = useQueryClient()
  const subscribe = useCallback(
    (onChange: () => void) =>
      queryClient.getQueryCache().subscribe((event) => {
        // Only new rows can change the ranking. The cache also reports observers added while components
        // render, and an update then would re-render the page in the middle of another component's render.
        if (event.type === 'updated' && event.action.type === 'success') queueMicrotask(onChange)
      }),
    [queryClient],
  )
  const ranked = useSyncExternalStore(subscribe, () => rankedCountries(queryClient))
  return useMemo(() => (ranked === '' ? [] : ranked.split(',')), [ranked])
}
