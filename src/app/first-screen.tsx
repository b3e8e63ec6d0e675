import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { configError } from '@/config/env'
import { agentQueries } from '@/features/agents/api/agent-queries'
import { phoneNumberQueries } from '@/features/phone-numbers/api/phone-number-queries'
import { listParams, parseListView } from '@/features/phone-numbers/domain/list-view'
import { meQueries } from '@/features/session/api/me-queries'
import { permissionsOf, useCredentials } from '@/features/session/use-session'
import { credentials } from '@/lib/credentials'
import { discardEarlyResponses } from '@/lib/early-requests'

/**
 * Asks for everything the first screen shows, all at once and as early as possible: who the key
 * is, the rows the URL names, and (once /v1/me says the key may read them) the agents. The same
 * queries the components use, so each request is made once and the components find it in flight.
 * The boot script has usually sent these requests already (boot-requests.ts): the queries take its
 * answers; once they are all asked, the answers not taken are dropped. mount.tsx calls this before
 * the first render; FirstScreenPrefetch again whenever the session changes (another key, another persona).
 */
export function prefetchFirstScreen(queryClient: QueryClient): Promise<unknown> {
  const session = credentials.snapshot()
  if (configError !== null || session.key === null) {
    discardEarlyResponses()
    return Promise.resolve()
  }
  const rows = queryClient.prefetchQuery(phoneNumberQueries.list(listParams(parseListView(window.location.search))))
  const me = queryClient
    .fetchQuery(meQueries.me(session))
    .then(
      (me) => {
        // Awaited too: the first paint usually shows the agents' names, and a first render without
        // them would put "Loading agent" back in their place for a moment (mount.tsx caps the wait).
        if (permissionsOf(me).canReadAgents) return queryClient.prefetchQuery(agentQueries.list())
      },
      () => {
        // The session gate shows the failure and offers Retry.
      },
    )
    .finally(discardEarlyResponses)
  return Promise.all([rows, me])
}

export function FirstScreenPrefetch() {
  const queryClient = useQueryClient()
  const session = useCredentials()
  useEffect(() => void prefetchFirstScreen(queryClient), [queryClient, session.key, session.generation])
  return null
}
