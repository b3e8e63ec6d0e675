import type { Page } from '@playwright/test'
import { demoBackend } from './demo-backend'

/** What the demo backend injected while faults were on, read as they are turned off. */
export interface FaultCounts {
  /** Per kind, as the injector counts them. */
  injected: Record<string, number>
  /** `endpoint:kind` → how many times. */
  scenarios: Record<string, number>
  /** Requests per endpoint. */
  requests: Record<string, number>
}

/** Turns the demo backend's faults on (src/mocks/faults.ts). */
export async function startFaults(page: Page, spec: string): Promise<void> {
  await demoBackend(page, 'configureFaults', spec)
}

/** Turns the faults off; returns what was injected until then. */
export async function stopFaults(page: Page): Promise<FaultCounts> {
  const counts = await demoBackend(page, 'configureFaults', null)
  if (!counts) throw new Error('Fault injection was not on.')
  return counts
}
