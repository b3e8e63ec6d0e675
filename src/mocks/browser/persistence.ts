import type { WorkspaceChanges } from '@/mocks/workspace'

/**
 * The browser demo's workspace across reloads: only what differs from the deterministic seed is
 * stored, so even a 100,000-number workspace fits easily in localStorage.
 */

const STORAGE_KEY = 'phone-numbers-demo:workspace:v1'

interface StoredWorkspace {
  size: number
  changes: WorkspaceChanges
}

export function readStoredWorkspace(): StoredWorkspace | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY)
    if (!raw) return null
    const parsed = JSON.parse(raw) as Partial<StoredWorkspace>
    if (typeof parsed.size !== 'number' || !parsed.changes) return null
    return parsed as StoredWorkspace
  } catch {
    return null
  }
}

export function storeWorkspace(stored: StoredWorkspace): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(stored))
  } catch {
    // Storage full or disabled: the demo still works, it just will not survive a reload.
  }
}
