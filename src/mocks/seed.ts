import { buildAgents } from '@/mocks/fixtures/agents'
import { CURATED } from '@/mocks/fixtures/curated-numbers'
import { DEMO_KEYS } from '@/mocks/fixtures/demo-keys'
import { seedHistory } from '@/mocks/seed/seed-history'
import { SeedNumbers } from '@/mocks/seed/seed-numbers'
import type { WorkspaceData } from '@/mocks/workspace'
import { allRecords, type NumberSource } from '@/mocks/workspace/number-source'
import type { PhoneNumber } from '@/types/api'

/**
 * The demo workspace: nine agents (one archived, one with only drafts) and a curated set of
 * numbers (src/mocks/fixtures/), padded with generated ones up to the requested size
 * (src/mocks/seed/), and a history of changes for the curated ones (seed/seed-history.ts). Same
 * size in, same workspace out: generated rows are a hash of (seed, row) and no clock, so the
 * browser can persist only what changed, and creating a workspace of any size costs nothing up
 * front.
 */

export const DEFAULT_NUMBER_COUNT = 40
export const MAX_NUMBER_COUNT = 200_000

interface SeedOptions {
  numbers?: number
  seed?: number
}

export function createSeedWorkspace(options: SeedOptions = {}): WorkspaceData & { numbers: NumberSource } {
  const count = Math.max(0, Math.min(MAX_NUMBER_COUNT, Math.floor(options.numbers ?? DEFAULT_NUMBER_COUNT)))
  const agents = buildAgents()
  const numbers = new SeedNumbers(count, options.seed ?? 20240301, agents)
  const curated = Array.from({ length: Math.min(count, CURATED.length) }, (_, index) => numbers.record(index))
  return {
    workspace: { id: 'wsp_8c1d', name: 'Acme Health' },
    numbers,
    agents,
    keys: structuredClone(DEMO_KEYS),
    events: seedHistory(curated, agents),
  }
}

/** The same seed with every number as a plain record: for tests and tools that read or edit the data itself. */
export function createSeedRecords(options: SeedOptions = {}): WorkspaceData & { numbers: PhoneNumber[] } {
  const data = createSeedWorkspace(options)
  return { ...data, numbers: allRecords(data.numbers) }
}
