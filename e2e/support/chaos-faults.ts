import type { Page } from '@playwright/test'
import type { ChaosWindow } from './chaos-model'

/** What the demo backend injected while faults were on, read as they are turned off. */
export interface FaultCounts {
  /** Per kind, as the injector counts them. */
  injected: Record<string, number>
  /** `endpoint:kind` → how many times. */
  scenarios: Record<string, number>
  /** Requests per endpoint. */
  requests: Record<string, number>
}

/** Turns the demo backend's faults on (src/mocks/faults.ts) and counts them per endpoint in `__chaos` (set up by countDialogAlerts). */
export async function startFaults(page: Page, spec: string): Promise<void> {
  await page.evaluate((spec) => {
    const w = window as unknown as ChaosWindow
    w.__demoBackend.configureFaults(spec)
    // Count what is injected per endpoint (the injector itself counts per kind only).
    const faults = w.__demoBackend.faults!
    const decide = faults.decide.bind(faults)
    faults.decide = (endpoint, write) => {
      const decision = decide(endpoint, write)
      const { scenarios, requests } = w.__chaos
      requests[endpoint] = (requests[endpoint] ?? 0) + 1
      if (decision.kind)
        scenarios[`${endpoint}:${decision.kind}`] = (scenarios[`${endpoint}:${decision.kind}`] ?? 0) + 1
      // Every write may meet "another admin" first (publish: routing; patch: the nickname; canary: routing).
      if (decision.concurrentChange)
        scenarios[`${endpoint}:concurrent`] = (scenarios[`${endpoint}:concurrent`] ?? 0) + 1
      return decision
    }
  }, spec)
}

/** Turns the faults off; returns what was injected, read in the same moment. */
export async function stopFaults(page: Page): Promise<FaultCounts> {
  return page.evaluate(() => {
    const w = window as unknown as ChaosWindow
    const result = {
      injected: { ...w.__demoBackend.faults!.injected },
      scenarios: { ...w.__chaos.scenarios },
      requests: { ...w.__chaos.requests },
    }
    w.__demoBackend.configureFaults(null)
    return result
  })
}
