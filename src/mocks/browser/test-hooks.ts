import { FaultInjector, parseFaults } from '@/mocks/faults'
import type { DemoBackend } from '@/mocks/handlers'
import type { PhoneNumber } from '@/types/api'

/**
 * `window.__demoBackend`: what end-to-end tests and the bench read and switch in the running demo
 * (the model, to compare the page with; fault injection). Only builds made for them contain it
 * (VITE_DEMO_TEST_HOOKS=true: playwright.config.ts, scripts/lib/built-app.mjs).
 */
export interface DemoBackendTestHooks {
  readonly workspace: DemoBackend['workspace']
  readonly faults: DemoBackend['faults']
  /** Turns fault injection on (`rate:0.2,kinds:500+429,…`) or off (null). */
  configureFaults: (spec: string | null) => void
  /**
   * "Another admin" changes a number (by id or E.164) behind the page's back, as
   * Workspace.changeAsAnotherAdmin does, and the change is stored (other tabs see it): e.g.
   * `anotherAdmin('+14155550123', { outbound_agent_version_id: 'agv_sales_2', nickname: 'Theirs' })`.
   * Returns the number as it is now; throws the API error (400, 404) for a change no number may hold.
   */
  anotherAdmin: (number: string, changes: Record<string, unknown>, options?: { reason?: string }) => PhoneNumber
}

export function installTestHooks(backend: DemoBackend): void {
  const hooks: DemoBackendTestHooks = {
    // Getters: the backend swaps its workspace and injector, the tests must see the current ones.
    get workspace() {
      return backend.workspace
    },
    get faults() {
      return backend.faults
    },
    configureFaults: (spec) => {
      backend.faults = spec === null ? null : new FaultInjector(parseFaults(spec))
    },
    anotherAdmin: (number, changes, options) => {
      const { workspace } = backend
      const id = number.startsWith('+') ? (workspace.numberByE164(number)?.id ?? number) : number
      const changed = workspace.changeAsAnotherAdmin(id, changes, options)
      backend.onWrite?.()
      return changed
    },
  }
  ;(window as unknown as { __demoBackend?: DemoBackendTestHooks }).__demoBackend = hooks
}
