import { startTransition, useCallback, useEffect, useState } from 'react'

/** pushState/replaceState fire no event of their own: this one lets every subscriber re-read the URL. */
const LOCATION_CHANGE = 'app:locationchange'

const getSearch = () => window.location.search

/**
 * The page's query string, and a way to change it with (push) or without (replace) a history entry.
 * A change of URL re-renders as a transition (another page of rows, another search), which React
 * renders in slices that yield to the browser, keeping the current screen until the new one is ready.
 * (useSyncExternalStore would force every such render to be synchronous: one long task.)
 */
export function useLocationSearch(): [string, (search: string, mode: 'push' | 'replace') => void] {
  const [search, setSearch] = useState(getSearch)
  useEffect(() => {
    const sync = () => startTransition(() => setSearch(getSearch()))
    window.addEventListener('popstate', sync)
    window.addEventListener(LOCATION_CHANGE, sync)
    // The URL may have changed between the first render and this effect.
    sync()
    return () => {
      window.removeEventListener('popstate', sync)
      window.removeEventListener(LOCATION_CHANGE, sync)
    }
  }, [])
  const navigate = useCallback((next: string, mode: 'push' | 'replace') => {
    if (next === window.location.search) return
    const url = `${window.location.pathname}${next}${window.location.hash}`
    if (mode === 'push') window.history.pushState(null, '', url)
    else window.history.replaceState(null, '', url)
    window.dispatchEvent(new Event(LOCATION_CHANGE))
  }, [])
  return [search, navigate]
}
