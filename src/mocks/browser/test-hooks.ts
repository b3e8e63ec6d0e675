import { FaultInjector, parseFaults } from '@/mocks/faults'
import type { DemoBackend } from '@/mocks/handlers'
import type { PhoneNumber } from '@/types/api'

/**
 * `window.__demoBackend`: what end-to-end tests and the bench read and switch in the running demo
 * (the model, to compare the page with; fault injection). The hooks run in the demo backend's Web
 * Worker (createTestHooks, browser/backend-host.ts); the page calls them by name and gets a promise
 * (installTestHooks). Only builds made for tests contain them (VITE_DEMO_TEST_HOOKS=true:
 * playwright.config.ts, scripts/lib/built-app.mjs). Everything they take and return is plain data.
 */
export function createTestHooks(backend: DemoBackend) {
  return {
    /** Every number, in the workspace's own order. */
    allNumbers: () => backend.workspace.allNumbers(),
    /** One number by its E.164 form, or null. */
    numberByE164: (e164: string) => backend.workspace.numberByE164(e164) ?? null,
    /** GET /v1/phone-numbers with these query parameters, without a key. */
    listPhoneNumbers: (query: Record<string, string>) => backend.workspace.listPhoneNumbers(new URLSearchParams(query)),
    listAgents: () => backend.workspace.listAgents(),
    agentUsage: (agentId: string) => backend.workspace.agentUsage(agentId),
    /**
     * Turns fault injection on (`rate:0.2,kinds:500+429,…`) or off (null). Returns what the injection
     * it replaces did (null when there was none), counted up to this moment.
     */
    configureFaults: (spec: string | null) => {
      const { faults } = backend
      backend.faults = spec === null ? null : new FaultInjector(parseFaults(spec))
      return faults ? { injected: faults.injected, requests: faults.requests, scenarios: faults.scenarios } : null
    },
    /**
     * "Another admin" changes a number (by id or E.164) behind the page's back, as
     * Workspace.changeAsAnotherAdmin does, and the change is stored (other tabs see it): e.g.
     * `anotherAdmin('+14155550123', { outbound_agent_version_id: 'agv_sales_2', nickname: 'Theirs' })`.
     * Returns the number as it is now; throws the API error (400, 404) for a change no number may hold.
     */
    anotherAdmin: (number: string, changes: Record<string, unknown>, options?: { reason?: string }): PhoneNumber => {
      const { workspace } = backend
      const id = number.startsWith('+') ? (workspace.numberByE164(number)?.id ?? number) : number
      const changed = workspace.changeAsAnotherAdmin(id, changes, options)
      backend.onWrite?.()
      return changed
    },
  }
}

export type TestHooks = ReturnType<typeof createTestHooks>

/** The hooks as the page sees them: each call crosses to the worker and back. */
export type DemoBackendTestHooks = {
  [Name in keyof TestHooks]: (...args: Parameters<TestHooks[Name]>) => Promise<ReturnType<TestHooks[Name]>>
}

/** Every hook's name: the type checker says when one is missing. */
const HOOK_NAMES = {
  allNumbers: true,
  numberByE164: true,
  listPhoneNumbers: true,
  listAgents: true,
  agentUsage: true,
  configureFaults: true,
  anotherAdmin: true,
} satisfies Record<keyof TestHooks, true>

/** Installs `window.__demoBackend`, each hook sent to the worker by `call`. */
export function installTestHooks(call: (name: string, args: unknown[]) => Promise<unknown>): void {
  const hooks = Object.fromEntries(
    Object.keys(HOOK_NAMES).map((name) => [name, (...args: unknown[]) => call(name, args)]),
  )
  ;(window as unknown as { __demoBackend?: DemoBackendTestHooks }).__demoBackend = hooks as DemoBackendTestHooks
}
