import { useSyncExternalStore } from 'react'
import type { SaveVariables } from '@/features/phone-numbers/api/save-phone-number'

/**
 * Saves whose dialog closed before they finished (Escape, a click outside, offline): nobody is
 * looking at them in a dialog any more, so the page's notices report how they end
 * (components/save-notices.tsx). Identified by their variables, one object per Save.
 */
let detached: ReadonlySet<SaveVariables> = new Set()
const listeners = new Set<() => void>()

export function detachSave(variables: SaveVariables): void {
  detached = new Set([...detached, variables])
  for (const listener of listeners) listener()
}

/** The user dismissed its outcome (or took it back into a dialog): nothing more to report. */
export function forgetSave(variables: SaveVariables): void {
  if (!detached.has(variables)) return
  detached = new Set([...detached].filter((entry) => entry !== variables))
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useDetachedSaves(): ReadonlySet<SaveVariables> {
  return useSyncExternalStore(subscribe, () => detached)
}
