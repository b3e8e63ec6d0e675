import { readStoredText, STORAGE_KEY } from '@/mocks/browser/stored-text'
import type { WorkspaceChanges } from '@/mocks/workspace'
import type { StoredEvent } from '@/mocks/workspace/event-log'
import { EVENTS_KEPT, type PhoneNumber } from '@/types/api'

/**
 * The browser demo's workspace across reloads and tabs: only what differs from the deterministic
 * seed is stored, so even a 100,000-number workspace fits easily in localStorage. Every tab keeps
 * its own copy of the workspace and merges into the stored one, so two tabs never erase each other's
 * changes; a tab learns of another's writes from the `storage` event (watchOtherTabs).
 */

export interface StoredWorkspace {
  size: number
  changes: WorkspaceChanges
}

export function parseStored(raw: string | null): StoredWorkspace | null {
  if (!raw) return null
  try {
    const parsed = JSON.parse(raw) as Partial<StoredWorkspace>
    if (typeof parsed.size !== 'number' || !parsed.changes || !Array.isArray(parsed.changes.numbers)) return null
    return parsed as StoredWorkspace
  } catch {
    return null
  }
}

function readStoredWorkspace(): StoredWorkspace | null {
  return parseStored(readStoredText())
}

/**
 * Each number as last written (the later `updated_at` wins), every published version, each agent's
 * latest `updated_at`, and the union of both histories (by event id), newest EVENTS_KEPT kept.
 */
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
    events: mergeEvents(stored.events ?? [], mine.events ?? []),
  }
}

/** Both histories, each event once, oldest first (by time, then id), the newest EVENTS_KEPT of them. */
function mergeEvents(stored: readonly StoredEvent[], mine: readonly StoredEvent[]): StoredEvent[] {
  const byId = new Map<string, StoredEvent>()
  for (const event of [...stored, ...mine]) if (Array.isArray(event)) byId.set(event[0], event)
  const merged = [...byId.values()].sort(([idA, atA], [idB, atB]) => atA - atB || (idA < idB ? -1 : idA > idB ? 1 : 0))
  return merged.slice(Math.max(0, merged.length - EVENTS_KEPT))
}

/**
 * This tab's changes not stored yet: what each write changed (reported by the demo backend's worker),
 * the latest state of each number. Taken when stored: what is stored is merged into by every later
 * store (storeWorkspace), so the page never holds it twice.
 */
export class ChangesToStore {
  private numbers = new Map<string, PhoneNumber>()
  private publishedVersionIds = new Set<string>()
  private agentsUpdatedAt: Record<string, string> = {}
  private events: StoredEvent[] = []

  add(changes: WorkspaceChanges): void {
    for (const number of changes.numbers) this.numbers.set(number.id, number)
    for (const id of changes.publishedVersionIds) this.publishedVersionIds.add(id)
    Object.assign(this.agentsUpdatedAt, changes.agentsUpdatedAt)
    for (const event of changes.events ?? []) this.events.push(event)
    // Trimmed now and then, not at every write: only the newest EVENTS_KEPT are ever stored.
    if (this.events.length > 2 * EVENTS_KEPT) this.events = this.events.slice(-EVENTS_KEPT)
  }

  /** What is not stored yet, and forgets it. */
  take(): WorkspaceChanges {
    const changes = {
      numbers: [...this.numbers.values()],
      publishedVersionIds: [...this.publishedVersionIds],
      agentsUpdatedAt: this.agentsUpdatedAt,
      events: this.events.slice(-EVENTS_KEPT),
    }
    this.numbers = new Map()
    this.publishedVersionIds = new Set()
    this.agentsUpdatedAt = {}
    this.events = []
    return changes
  }
}

/**
 * Stores this tab's changes merged with what other tabs stored; `replace` (a reset, another size)
 * drops what was stored instead.
 */
export function storeWorkspace(mine: StoredWorkspace, { replace = false } = {}): void {
  let changes: WorkspaceChanges
  try {
    const stored = replace ? null : readStoredWorkspace()
    changes = stored && stored.size === mine.size ? mergeChanges(stored.changes, mine.changes) : mine.changes
  } catch {
    return // Storage disabled: the demo still works, it just will not survive a reload.
  }
  // Storage full: the history gives way first (its newest half, then none), the numbers last.
  const events = changes.events ?? []
  for (const kept of [events, events.slice(events.length >> 1), []]) {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ size: mine.size, changes: { ...changes, events: kept } }))
      return
    } catch {
      // try again with less
    }
  }
}

/**
 * What a tab does with storage once its worker has built the workspace. `?reset` replaces what was
 * stored with the seed, whatever another tab stored meanwhile. Starting from the seed otherwise
 * (nothing stored, another size) replaces only what the head script read: what another tab stored
 * since is taken in instead. Kept changes are stored already; another tab's since are taken in.
 */
export function storageAtStart({
  keptStored,
  reset,
  storedSince,
}: {
  keptStored: boolean
  reset: boolean
  /** Another tab stored after the head script read storage. */
  storedSince: boolean
}): { replace: boolean; takeIn: boolean } {
  if (reset) return { replace: true, takeIn: false }
  return { replace: !keptStored && !storedSince, takeIn: storedSince }
}

/** Calls `onStored` with what another tab of this origin stored (the `storage` event fires only in other tabs). */
export function watchOtherTabs(onStored: (stored: StoredWorkspace) => void): void {
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY) return
    const stored = parseStored(event.newValue)
    if (stored) onStored(stored)
  })
}

/** Quiet time after a write before the workspace is stored: a burst of writes (a bulk job) is stored once. */
const STORE_AFTER_QUIET_MS = 2_000

/**
 * `store` after writes, once per burst: storing reads, merges and writes back every changed number
 * and the history (seconds of one task at 100,000 changed numbers), so a bulk job's hundred calls
 * must not each pay it. What is pending is stored at once when the page is hidden or left.
 */
export function storeAfterWrites(store: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const flush = () => {
    if (timer === undefined) return
    clearTimeout(timer)
    timer = undefined
    store()
  }
  window.addEventListener('pagehide', flush)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush()
  })
  return () => {
    clearTimeout(timer)
    timer = setTimeout(flush, STORE_AFTER_QUIET_MS)
  }
}
