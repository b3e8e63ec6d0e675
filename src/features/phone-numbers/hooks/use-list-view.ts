import { useCallback, useEffect, useMemo } from 'react'
import { listParams, parseListView, serializeListView, type ListView } from '@/features/phone-numbers/domain/list-view'
import { searchForServer } from '@/features/phone-numbers/domain/search-query'
import { useSearchCountries, withBrowserRegion } from '@/features/phone-numbers/hooks/use-search-countries'
import { useLocationSearch } from '@/hooks/use-location-search'

type SetListView = (changes: Partial<ListView>, mode?: 'push' | 'replace') => void

/**
 * The one place the URL becomes what the table shows (`view`) and what the server is asked (`params`).
 * `setView` writes changes back: any change but the page's goes back to page 1; every change adds a
 * history entry (so Back undoes it) unless the caller asks to replace (a search being typed).
 * A URL holding values the view does not accept (`?page=-1`) is rewritten to what is shown.
 */
export function useListView() {
  const [locationSearch, navigate] = useLocationSearch()
  const view = useMemo(() => parseListView(locationSearch), [locationSearch])
  const countries = useSearchCountries()
  const params = useMemo(() => {
    const asked = listParams(view)
    // A number typed in a national format goes out in E.164 (search-query.ts). Not in listParams:
    // the boot script computes the first request with it and must not load libphonenumber.
    return asked.search
      ? { ...asked, search: searchForServer(asked.search, () => withBrowserRegion(countries)) }
      : asked
  }, [view, countries])
  useEffect(() => {
    // Replace, not push: the address bar is corrected, Back still leaves the page as before.
    navigate(serializeListView(view, locationSearch), 'replace')
  }, [view, locationSearch, navigate])
  const setView: SetListView = useCallback(
    (changes, mode = 'push') => {
      const resetsPage = Object.keys(changes).some((key) => key !== 'page')
      const next = { ...view, ...(resetsPage ? { page: 1 } : {}), ...changes }
      navigate(serializeListView(next, window.location.search), mode)
    },
    [view, navigate],
  )
  /** The address of the view with these changes (on page 1), for links that open it in a new tab as well. */
  const hrefOf = useCallback(
    (changes: Partial<ListView>) =>
      `${window.location.pathname}${serializeListView({ ...view, page: 1, ...changes }, window.location.search)}`,
    [view],
  )
  return { view, params, setView, hrefOf }
}
