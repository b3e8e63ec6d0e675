import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'
import { meQueries } from '@/features/session/api/me-queries'
import { permissionsOf } from '@/features/session/permissions'
import { credentials, type CredentialsState } from '@/lib/credentials'

export { permissionsOf, roleOf, rowActionVerb, type Permissions } from '@/features/session/permissions'

export function useCredentials(): CredentialsState {
  return useSyncExternalStore(credentials.subscribe, credentials.snapshot)
}

/** Who the key is and what it may do. Until /v1/me answers, nothing is offered. */
export function useSession() {
  const session = useCredentials()
  const me = useQuery(meQueries.me(session))
  return { session, me, permissions: permissionsOf(me.data) }
}

/** Starts a new session with another key (or none): nothing cached for the previous key survives. */
export function useSwitchKey() {
  const queryClient = useQueryClient()
  return (key: string | null) => {
    queryClient.clear()
    credentials.set(key)
  }
}
