import { setupServer } from 'msw/node'
import { createHandlers, type DemoBackend } from '@/mocks/handlers'
import { createSeedWorkspace } from '@/mocks/seed'
import { Workspace } from '@/mocks/workspace'

/** The demo backend for Vitest: the same handlers as the browser, no latency, a fresh workspace per test. */
export const testBackend: DemoBackend = {
  workspace: new Workspace(createSeedWorkspace()),
  latencyMs: 0,
}

export const server = setupServer(...createHandlers(testBackend))

export function resetTestBackend(options: { numbers?: number } = {}): Workspace {
  testBackend.workspace = new Workspace(createSeedWorkspace(options))
  testBackend.faults = null
  return testBackend.workspace
}
