import { useCallback, useMemo } from 'react'
import { listParams, parseListView, serializeListView, type ListView } from '@/features/phone-numbers/domain/list-view'
import { useLocationSearch } from '@/hooks/use-location-search'

type SetListView = (changes: Partial<ListView>, mode?: 'push' | 'replace') => void

/**
 * The one place the URL becomes what the table shows (`view`) and what the server is asked (`params`).
 * `setView` writes changes back: any change but the page's goes back to page 1; search keystrokes
 * replace the history entry, every other change adds one, so Back undoes it.
 */
export function useListView() {
  const [locationSearch, navigate] = useLocationSearch()
  const view = useMemo(() => parseListView(locationSearch), [locationSearch])
  const params = useMemo(() => listParams(view), [view])
  const setView: SetListView = useCallback(
    (changes, mode = 'push') => {
      const resetsPage = Object.keys(changes).some((key) => key !== 'page')
      const next = { ...view, ...(resetsPage ? { page: 1 } : {}), ...changes }
      navigate(serializeListView(next, window.location.search), mode)
    },
    [view, navigate],
  )
  return { view, params, setView }
}
