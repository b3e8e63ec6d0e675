import { parseStored } from '@/mocks/browser/persistence'
import { readDemoSettings } from '@/mocks/demo-settings'
import type { FaultConfig } from '@/mocks/faults'
import { DEFAULT_NUMBER_COUNT } from '@/mocks/seed'
import type { WorkspaceChanges } from '@/mocks/workspace'

/** What the browser demo starts from, as read (browser/early-backend.ts): the page's query string and the stored workspace's text. */
export interface DemoInputs {
  search: string
  stored: string | null
}

export interface DemoStart {
  size: number
  /** The stored changes to take in, or none (nothing stored, a reset, another size). */
  keep: WorkspaceChanges | undefined
  latencyMs: number
  faults: FaultConfig | null
}

/**
 * The workspace the demo runs: the size the URL asks for, else the stored one's, else the default;
 * this browser's changes kept unless the URL resets or changes the size. The backend's worker builds
 * it and tells the page what it built (its `ready` message), which the page stores after.
 */
export function resolveDemoStart({ search, stored }: DemoInputs): DemoStart {
  const settings = readDemoSettings(search)
  const storedWorkspace = parseStored(stored)
  const size = settings.numbers ?? storedWorkspace?.size ?? DEFAULT_NUMBER_COUNT
  const keep = storedWorkspace && storedWorkspace.size === size && !settings.reset ? storedWorkspace.changes : undefined
  return { size, keep, latencyMs: settings.latencyMs, faults: settings.faults }
}
