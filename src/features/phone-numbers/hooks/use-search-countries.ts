import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useCallback, useMemo, useSyncExternalStore } from 'react'
import { phoneNumberQueries } from '@/features/phone-numbers/api/phone-number-queries'
import { countriesByFrequency } from '@/features/phone-numbers/domain/search-query'
import type { PhoneNumberList } from '@/types/api'

let browserRegionFound: string | null | undefined

/**
 * The browser's region (`en-GB` → `GB`, `de` → `DE`), the guess when no numbers are known yet. Found
 * on first use, not while the first rows render: the first Intl object a page makes loads ICU's data.
 */
function browserRegion(): string | null {
  if (browserRegionFound === undefined) {
    try {
      browserRegionFound = new Intl.Locale(navigator.language).maximize().region ?? null
    } catch {
      browserRegionFound = null
    }
  }
  return browserRegionFound
}

/** The countries to try a national number in: the ranked ones, then the browser's region. */
export function withBrowserRegion(ranked: readonly string[]): readonly string[] {
  const region = browserRegion()
  return region && !ranked.includes(region) ? [...ranked, region] : ranked
}

/** As a string, so the snapshot compares equal while the ranking stays the same. */
function rankedCountries(queryClient: QueryClient): string {
  const codes: string[] = []
  for (const [, list] of queryClient.getQueriesData<PhoneNumberList>({ queryKey: phoneNumberQueries.lists() })) {
    for (const number of list?.data ?? []) codes.push(number.country_code)
  }
  return countriesByFrequency(codes).join(',')
}

/**
 * The countries a number typed in a national format is tried in, most common among the numbers the
 * page has loaded first (domain/search-query.ts); `withBrowserRegion` adds the browser's region when a
 * search needs it.
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
