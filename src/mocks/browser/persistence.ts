import type { WorkspaceChanges } from '@/mocks/workspace'

/**
 * The browser demo's workspace across reloads and tabs: only what differs from the deterministic
 * seed is stored, so even a 100,000-number workspace fits easily in localStorage. Every tab keeps
 * its own copy of the workspace and merges into the stored one, so two tabs never erase each other's
 * changes; a tab learns of another's writes from the `storage` event (watchOtherTabs).
 */

const STORAGE_KEY = 'phone-numbers-demo:workspace:v1'

export interface StoredWorkspace {
  size: number
  changes: WorkspaceChanges
}

function parseStored(raw: string | null): StoredWorkspace | null {
  if (!raw) return null
  try {
    const parsed = JSON.parse(raw) as Partial<StoredWorkspace>
    if (typeof parsed.size !== 'number' || !parsed.changes || !Array.isArray(parsed.changes.numbers)) return null
    return parsed as StoredWorkspace
  } catch {
    return null
  }
}

export function readStoredWorkspace(): StoredWorkspace | null {
  try {
    return parseStored(localStorage.getItem(STORAGE_KEY))
  } catch {
    return null
  }
}

/** Each number as last written (the later `updated_at` wins), every published version, each agent's latest `updated_at`. */
export function mergeChanges(stored: WorkspaceChanges, mine: WorkspaceChanges): WorkspaceChanges {
  const numbers = new Map(stored.numbers.map((number) => [number.id, number]))
  for (const number of mine.numbers) {
    const other = numbers.get(number.id)
    if (!other || other.updated_at <= number.updated_at) numbers.set(number.id, number)
  }
  const agentsUpdatedAt = { ...stored.agentsUpdatedAt }
  for (const [agentId, updatedAt] of Object.entries(mine.agentsUpdatedAt ?? {})) {
    const other = agentsUpdatedAt[agentId]
    if (other === undefined || other < updatedAt) agentsUpdatedAt[agentId] = updatedAt
  }
  return {
    numbers: [...numbers.values()],
    publishedVersionIds: [...new Set([...stored.publishedVersionIds, ...mine.publishedVersionIds])],
    agentsUpdatedAt,
  }
}

/**
 * Stores this tab's changes merged with what other tabs stored; `replace` (a reset, another size)
 * drops what was stored instead.
 */
export function storeWorkspace(mine: StoredWorkspace, { replace = false } = {}): void {
  try {
    const stored = replace ? null : readStoredWorkspace()
    const changes = stored && stored.size === mine.size ? mergeChanges(stored.changes, mine.changes) : mine.changes
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ size: mine.size, changes }))
  } catch {
    // Storage full or disabled: the demo still works, it just will not survive a reload.
  }
}

/** Calls `onStored` with what another tab of this origin stored (the `storage` event fires only in other tabs). */
export function watchOtherTabs(onStored: (stored: StoredWorkspace) => void): void {
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY) return
    const stored = parseStored(event.newValue)
    if (stored) onStored(stored)
  })
}
