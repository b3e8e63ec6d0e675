import type { Me } from '@/types/api'

export interface Permissions {
  /** May list agents and their versions (agents:read): needed to show names and to offer pickers. */
  canReadAgents: boolean
  /** May change routing: deploy and unassign agent versions (agents:manage, and agents:read to choose them). */
  canRoute: boolean
  /** May change nickname and label (numbers:write). */
  canRename: boolean
}

/**
 * What a key's scopes allow. Pure and without React, so the boot script (src/main.tsx) can decide
 * from /v1/me whether to ask for the agents before the app has loaded.
 */
export function permissionsOf(me: Pick<Me, 'scopes'> | undefined): Permissions {
  const scopes = me?.scopes ?? []
  const canReadAgents = scopes.includes('agents:read')
  return {
    canReadAgents,
    canRoute: canReadAgents && scopes.includes('agents:manage'),
    canRename: scopes.includes('numbers:write'),
  }
}

/** The role a key's scopes amount to, in the words PAGE.md uses. */
export function roleOf(me: Pick<Me, 'scopes'>): string {
  const { canRoute, canRename } = permissionsOf(me)
  return canRoute ? 'Admin' : canRename ? 'Support' : 'Read-only'
}

/** What a row's button does with the number: `Edit` for a key that may change anything of it, else `View`. */
export function rowActionVerb(permissions: Permissions): 'Edit' | 'View' {
  return permissions.canRoute || permissions.canRename ? 'Edit' : 'View'
}
