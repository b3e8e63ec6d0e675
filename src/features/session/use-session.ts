import { useQuery } from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'
import { credentials } from '@/lib/credentials'
import { meQueries } from '@/features/session/api/me-queries'

export interface Permissions {
  /** May change routing: deploy and unassign agent versions (agents:manage). */
  canRoute: boolean
  /** May change nickname and label (numbers:write). */
  canRename: boolean
}

export function useApiKey(): string | null {
  return useSyncExternalStore(credentials.subscribe, credentials.get)
}

/** Who the key is and what it may do. Until /v1/me answers, nothing is offered. */
export function useSession() {
  const apiKey = useApiKey()
  const me = useQuery(meQueries.me(apiKey))
  const scopes = me.data?.scopes ?? []
  const permissions: Permissions = {
    canRoute: scopes.includes('agents:manage'),
    canRename: scopes.includes('numbers:write'),
  }
  return { apiKey, me, permissions }
}
