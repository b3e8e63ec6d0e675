import { FaultInjector, parseFaults } from '@/mocks/faults'
import type { DemoBackend } from '@/mocks/handlers'

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
  }
  ;(window as unknown as { __demoBackend?: DemoBackendTestHooks }).__demoBackend = hooks
}
