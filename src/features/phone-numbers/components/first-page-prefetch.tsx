import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { phoneNumberQueries } from '@/features/phone-numbers/api/phone-number-queries'
import { listParams, parseListView } from '@/features/phone-numbers/domain/list-view'
import { useCredentials } from '@/features/session/use-session'

/**
 * Asks for the rows the page opens on while /v1/me is still answering, instead of after the page
 * renders: the two requests overlap. Same query as the page's, so it is fetched once.
 */
export function FirstPagePrefetch() {
  const queryClient = useQueryClient()
  const session = useCredentials()
  useEffect(() => {
    if (session.key === null) return
    void queryClient.prefetchQuery(phoneNumberQueries.list(listParams(parseListView(window.location.search))))
  }, [queryClient, session.key, session.generation])
  return null
}
