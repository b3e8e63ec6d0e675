import { useCallback, useSyncExternalStore } from 'react'

/** pushState/replaceState fire no event of their own: this one lets every subscriber re-read the URL. */
const LOCATION_CHANGE = 'app:locationchange'

function subscribe(callback: () => void): () => void {
  window.addEventListener('popstate', callback)
  window.addEventListener(LOCATION_CHANGE, callback)
  return () => {
    window.removeEventListener('popstate', callback)
    window.removeEventListener(LOCATION_CHANGE, callback)
  }
}

const getSearch = () => window.location.search

/** The page's query string, and a way to change it with (push) or without (replace) a history entry. */
export function useLocationSearch(): [string, (search: string, mode: 'push' | 'replace') => void] {
  const search = useSyncExternalStore(subscribe, getSearch)
  const navigate = useCallback((next: string, mode: 'push' | 'replace') => {
    if (next === window.location.search) return
    const url = `${window.location.pathname}${next}${window.location.hash}`
    if (mode === 'push') window.history.pushState(null, '', url)
    else window.history.replaceState(null, '', url)
    window.dispatchEvent(new Event(LOCATION_CHANGE))
  }, [])
  return [search, navigate]
}
