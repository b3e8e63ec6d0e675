import * as z from 'zod/mini'
import type { Workspace } from '@/mocks/workspace'

/**
 * Demo fault injection: makes the demo backend fail the way real servers and networks do, so the
 * page's handling of each failure can be seen and tested. Configured from the URL, e.g.
 * `?faults=rate:0.2,kinds:500+502+429+apply,endpoints:publish+patch,concurrent:0.1,seed:7`.
 */

const faultKinds = [
  '500', // internal error, nothing applied
  '502', // a proxy's HTML error page
  '503', // service unavailable, nothing applied
  '429', // rate limited, with Retry-After
  'apply', // the write is applied, then the answer is a 500 (ambiguous)
  'network', // the connection fails (nothing applied)
  'malformed', // 200 with a body that is not the promised shape (a write is applied)
  'empty', // 200 with an empty body (a write is applied)
] as const
export type FaultKind = (typeof faultKinds)[number]

const faultEndpoints = ['me', 'list', 'get', 'patch', 'agents', 'publish', 'canary', 'usage', 'events'] as const
export type FaultEndpoint = (typeof faultEndpoints)[number]

export interface FaultConfig {
  /** Probability (0..1) that a request to one of `endpoints` fails. */
  rate: number
  kinds: FaultKind[]
  endpoints: FaultEndpoint[]
  /** Added to every answer, on top of the normal latency. */
  latencyMs: number
  /**
   * Probability that, just before a write, "another admin" changes a number it names: the routing
   * (publish, canary writes) or the nickname (PATCH). Recorded in the history as `another-admin`.
   */
  concurrent: number
  /** Seconds sent in Retry-After with a 429. */
  retryAfter: number
  seed: number
}

export const NO_FAULTS: FaultConfig = {
  rate: 0,
  kinds: [...faultKinds],
  endpoints: [...faultEndpoints],
  latencyMs: 0,
  concurrent: 0,
  retryAfter: 1,
  seed: 1,
}

const listOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z.pipe(
    z.string(),
    z.transform((text: string, ctx) => {
      const items = text.split('+').filter(Boolean)
      const unknown = items.filter((item) => !(values as readonly string[]).includes(item))
      if (unknown.length > 0 || items.length === 0) {
        ctx.issues.push({ code: 'custom', message: `unknown: ${unknown.join(', ')}`, input: text })
        return z.NEVER
      }
      return items as T[]
    }),
  )

/** A whole number within bounds, from its text (the demo's URL knobs: here and demo-settings.ts). */
export const wholeNumber = (min: number, max: number) =>
  z.pipe(z.coerce.number(), z.int().check(z.minimum(min), z.maximum(max)))

/** A fraction of requests, 0 to 1, from its text. */
const share = z.coerce.number().check(z.minimum(0), z.maximum(1))

const faultFields = {
  rate: share,
  kinds: listOf(faultKinds),
  endpoints: listOf(faultEndpoints),
  latency: wholeNumber(0, 60_000),
  concurrent: share,
  retryAfter: wholeNumber(0, 120),
  seed: wholeNumber(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
}

/** Parses `rate:0.2,kinds:500+429,...`; an unknown or bad part is ignored, keeping the rest. */
export function parseFaults(text: string | null): FaultConfig {
  const config: FaultConfig = { ...NO_FAULTS }
  for (const part of (text ?? '').split(',')) {
    const [name = '', value = ''] = part.split(':')
    const key = name.trim() as keyof typeof faultFields
    const schema = faultFields[key] as z.ZodMiniType | undefined
    const parsed = schema?.safeParse(value.trim())
    if (!parsed?.success) continue
    if (key === 'latency') config.latencyMs = parsed.data as number
    else Object.assign(config, { [key]: parsed.data })
  }
  return config
}

/**
 * The parts of a spec that parseFaults would ignore (an unknown name, a bad value), as written: for
 * callers that should refuse a typo rather than run without the fault it meant (the test server).
 */
export function faultSpecProblems(text: string): string[] {
  return text
    .split(',')
    .filter((part) => part.trim() !== '')
    .filter((part) => {
      const [name = '', value = ''] = part.split(':')
      const schema = faultFields[name.trim() as keyof typeof faultFields] as z.ZodMiniType | undefined
      return !schema?.safeParse(value.trim()).success
    })
}

interface FaultDecision {
  kind: FaultKind | null
  concurrentChange: boolean
}

/** Draws faults from a seeded generator, so a failing run can be replayed. */
export class FaultInjector {
  private readonly random: () => number
  /** Counts of what was injected, for tests and the chaos report. */
  readonly injected: Record<FaultKind | 'concurrent', number> = Object.fromEntries(
    [...faultKinds, 'concurrent'].map((kind) => [kind, 0]),
  ) as Record<FaultKind | 'concurrent', number>

  /** Requests per endpoint, and what was injected per `endpoint:kind` (`publish:503`, `patch:concurrent`). */
  readonly requests: Partial<Record<FaultEndpoint, number>> = {}
  readonly scenarios: Record<string, number> = {}

  constructor(readonly config: FaultConfig) {
    this.random = createRandom(config.seed)
  }

  decide(endpoint: FaultEndpoint, write: boolean): FaultDecision {
    const decision = this.draw(endpoint, write)
    this.requests[endpoint] = (this.requests[endpoint] ?? 0) + 1
    for (const what of [decision.kind, decision.concurrentChange ? 'concurrent' : null]) {
      if (what !== null) this.scenarios[`${endpoint}:${what}`] = (this.scenarios[`${endpoint}:${what}`] ?? 0) + 1
    }
    return decision
  }

  private draw(endpoint: FaultEndpoint, write: boolean): FaultDecision {
    const { rate, kinds, endpoints, concurrent } = this.config
    const concurrentChange = write && concurrent > 0 && this.random() < concurrent
    if (concurrentChange) this.injected.concurrent++
    if (!endpoints.includes(endpoint) || rate <= 0 || this.random() >= rate) return { kind: null, concurrentChange }
    // "apply" only makes sense for writes; reads that draw it fail plainly.
    const eligible = kinds.filter((kind) => write || kind !== 'apply')
    if (eligible.length === 0) return { kind: null, concurrentChange }
    const kind = eligible[Math.floor(this.random() * eligible.length)]!
    this.injected[kind]++
    return { kind, concurrentChange }
  }

  /**
   * "Another admin" changes numbers behind the page's back: their routing (each slot to another
   * published version, or cleared; the canary follows) or, for `nickname`, their nickname.
   */
  changeConcurrently(workspace: Workspace, numbers: string[], what: 'routing' | 'nickname' = 'routing'): void {
    const published = workspace
      .listAgents()
      .data.filter((agent) => agent.archived_at === null)
      .flatMap((agent) => agent.versions.filter((v) => v.published).map((v) => v.id))
    const pick = () => (this.random() < 0.25 ? null : published[Math.floor(this.random() * published.length)]!)
    for (const idOrE164 of numbers) {
      const number = idOrE164.startsWith('+') ? workspace.numberByE164(idOrE164) : findNumber(workspace, idOrE164)
      if (!number) continue
      const changes =
        what === 'nickname'
          ? { nickname: `Renamed by another admin ${Math.floor(this.random() * 1000)}` }
          : { inbound_agent_version_id: pick(), outbound_agent_version_id: pick() }
      workspace.changeAsAnotherAdmin(number.id, changes)
    }
  }
}

function findNumber(workspace: Workspace, id: string) {
  try {
    return workspace.getPhoneNumber(id)
  } catch {
    return undefined
  }
}

/** mulberry32: tiny, fast, and the same sequence on every platform. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
