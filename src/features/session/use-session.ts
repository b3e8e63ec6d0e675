import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'
import { meQueries } from '@/features/session/api/me-queries'
import { credentials, type CredentialsState } from '@/lib/credentials'
import type { Me } from '@/types/api'

export interface Permissions {
  /** May list agents and their versions (agents:read): needed to show names and to offer pickers. */
  canReadAgents: boolean
  /** May change routing: deploy and unassign agent versions (agents:manage, and agents:read to choose them). */
  canRoute: boolean
  /** May change nickname and label (numbers:write). */
  canRename: boolean
}

export function useCredentials(): CredentialsState {
  return useSyncExternalStore(credentials.subscribe, credentials.snapshot)
}

export function permissionsOf(me: Me | undefined): Permissions {
  const scopes = me?.scopes ?? []
  const canReadAgents = scopes.includes('agents:read')
  return {
    canReadAgents,
    canRoute: canReadAgents && scopes.includes('agents:manage'),
    canRename: scopes.includes('numbers:write'),
  }
}

/** The role a key's scopes amount to, in the words PAGE.md uses. */
export function roleOf(me: Me): string {
  const { canRoute, canRename } = permissionsOf(me)
  return canRoute ? 'Admin' : canRename ? 'Support' : 'Read-only'
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
