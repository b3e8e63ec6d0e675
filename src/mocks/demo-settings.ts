import * as z from 'zod/mini'
import { parseFaults, wholeNumber, type FaultConfig } from '@/mocks/faults'
import { MAX_NUMBER_COUNT } from '@/mocks/seed'

/** Demo-only knobs read from the page URL: `?numbers=20000&latency=0&reset`. Bad values fall back to defaults. */
interface DemoSettings {
  /** Requested workspace size, or null to keep whatever is stored. */
  numbers: number | null
  latencyMs: number
  /** `?faults=…` (src/mocks/faults.ts), or null for a well-behaved backend. */
  faults: FaultConfig | null
  /** `?reset`: forget this browser's changes and start again from the seed. */
  reset: boolean
}

const latency = wholeNumber(0, 10_000)

const BUILD_LATENCY = z.catch(latency, 200).parse(import.meta.env.VITE_DEMO_LATENCY_MS ?? 200)

export function readDemoSettings(search: string): DemoSettings {
  const params = new URLSearchParams(search)
  const numbers = z.catch(z.nullable(wholeNumber(0, MAX_NUMBER_COUNT)), null).parse(params.get('numbers'))
  const latencyMs = z.catch(latency, BUILD_LATENCY).parse(params.get('latency') ?? BUILD_LATENCY)
  const faults = params.has('faults') ? parseFaults(params.get('faults')) : null
  return { numbers: params.has('numbers') ? numbers : null, latencyMs, faults, reset: params.has('reset') }
}
