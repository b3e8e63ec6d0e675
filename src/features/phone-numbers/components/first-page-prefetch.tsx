import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useEffectEvent } from 'react'
import { phoneNumberQueries } from '@/features/phone-numbers/api/phone-number-queries'
import { useListView } from '@/features/phone-numbers/hooks/use-list-view'
import { useCredentials } from '@/features/session/use-session'

/**
 * Asks for the rows the page opens on while /v1/me is still answering, instead of after the page
 * renders: the two requests overlap. Same query as the page's, so it is fetched once.
 */
export function FirstPagePrefetch() {
  const queryClient = useQueryClient()
  const session = useCredentials()
  const { params } = useListView()
  // Once per session, for the view the URL shows then; the page itself follows later view changes.
  const prefetch = useEffectEvent(() => void queryClient.prefetchQuery(phoneNumberQueries.list(params)))
  useEffect(() => {
    if (session.key !== null) prefetch()
  }, [session.key, session.generation])
  return null
}
