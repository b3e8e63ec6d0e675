import { isArchived, newestPublishedVersion, type AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { sameText } from '@/features/phone-numbers/domain/desired-state'
import { directionOf, SIDES, SLOT_FIELD, type Side } from '@/features/phone-numbers/domain/sides'
import { canaryLeftBySlot, sameCanary } from '@/features/phone-numbers/domain/writes/canaries-and-drafts'
import { MAX_NUMBERS_PER_PUBLISH, type Agent, type Direction, type InboundCanary, type PhoneNumber } from '@/types/api'

/**
 * The planner every multi-number change shares (bulk routing, labels, CSV imports, undo): for each
 * number, the fields wanted, and out come the fewest API calls that get there, in the order the
 * API needs them (slots, then canaries, then PATCHes). Pure: no I/O, no clock.
 */

/** Fields to change on one number, as the API holds them (text already normalised). Absent: left alone. */
export interface WantedFields {
  inbound?: string | null
  outbound?: string | null
  canary?: InboundCanary | null
  nickname?: string | null
  label?: string | null
  webhook?: string | null
}

/**
 * What a write job holds of a number: enough to plan it, name it in calls, and undo it. A whole
 * PhoneNumber is one; a job over many numbers keeps only this, in columns (job-numbers.ts), to stay small.
 */
export type JobNumber = Pick<
  PhoneNumber,
  | 'id'
  | 'phone_number'
  | 'updated_at'
  | 'nickname'
  | 'label'
  | 'inbound_agent_version_id'
  | 'outbound_agent_version_id'
  | 'inbound_canary'
  | 'inbound_webhook_url'
>

/** What routing reads of a number: its two slots (and, to place it in a rollout's share, its id). */
export type RoutedSlots = Pick<JobNumber, 'inbound_agent_version_id' | 'outbound_agent_version_id'>
export type RoutedNumber = RoutedSlots & Pick<JobNumber, 'id'>

export interface WriteTarget {
  /** The number as the page last saw it: its `updated_at` is the precondition of its first call. */
  number: JobNumber
  wanted: WantedFields
}

/** Enough of a number to name it in a call. */
export type NumberRef = Pick<PhoneNumber, 'id' | 'phone_number'>

export type WriteCall =
  /** Publishes a draft that a canary will use; names no numbers. */
  | { kind: 'publish'; agentId: string; versionId: string }
  | {
      kind: 'deploy'
      agentId: string
      versionId: string
      direction: Direction
      /** The version is a draft in the catalog, so this call publishes it. */
      publishesDraft: boolean
      numbers: NumberRef[]
    }
  | { kind: 'unassign'; agentId: string; versionId: string; direction: Direction; numbers: NumberRef[] }
  | { kind: 'set-canary'; number: NumberRef; canary: InboundCanary }
  | { kind: 'remove-canary'; number: NumberRef }
  | { kind: 'patch'; number: NumberRef; fields: PatchFields }

export interface PatchFields {
  nickname?: string | null
  label?: string | null
  inbound_webhook_url?: string | null
}

/** Why a number's change cannot be planned; the rest of the plan goes on without that number. */
export type Refusal =
  | { kind: 'unknown-version'; side: Side | 'canary' }
  | { kind: 'cannot-clear-unknown'; side: Side }
  | { kind: 'archived-agent'; side: Side | 'canary'; agentName: string }
  | { kind: 'canary-without-inbound' }
  | { kind: 'canary-equals-inbound' }

export interface WritePlan {
  calls: WriteCall[]
  /** Numbers that already hold what is wanted: nothing is sent for them. */
  unchanged: NumberRef[]
  refused: { number: NumberRef; refusal: Refusal }[]
}

/** The calls one number needs, before numbers are grouped into shared calls. */
interface NumberPlan {
  deploys: { versionId: string; sides: Side[] }[]
  clears: { agent: Agent; heldId: string; side: Side }[]
  publishDraft: string | null
  canary: { kind: 'set'; canary: InboundCanary } | { kind: 'remove' } | null
  patch: PatchFields | null
}

class RefusedError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.kind)
  }
}

export function planWrites(targets: readonly WriteTarget[], catalog: AgentCatalog): WritePlan {
  const planner = new WritePlanner(catalog)
  for (const target of targets) planner.add(target)
  return planner.finish()
}

/**
 * planWrites one number at a time, so that a caller with many numbers can yield to the browser
 * between slices (jobs/plan-in-slices.ts). `finish` once, after the last `add`.
 */
export class WritePlanner {
  private readonly deploys = new Groups<{ versionId: string; direction: Direction }>()
  private readonly clears = new Groups<{ agent: Agent; direction: Direction; heldIds: Set<string> }>()
  private readonly drafts = new Set<string>()
  private readonly canaryCalls: WriteCall[] = []
  private readonly patches: WriteCall[] = []
  private readonly plan: WritePlan = { calls: [], unchanged: [], refused: [] }

  constructor(private readonly catalog: AgentCatalog) {}

  add(target: WriteTarget): void {
    const { plan, deploys, clears } = this
    const ref: NumberRef = { id: target.number.id, phone_number: target.number.phone_number }
    let numberPlan: NumberPlan
    try {
      numberPlan = planNumber(target, this.catalog)
    } catch (error) {
      if (!(error instanceof RefusedError)) throw error
      plan.refused.push({ number: ref, refusal: error.refusal })
      return
    }
    const { deploys: d, clears: c, publishDraft, canary, patch } = numberPlan
    if (d.length + c.length === 0 && canary === null && patch === null) {
      plan.unchanged.push(ref)
      return
    }
    for (const { versionId, sides } of d) {
      const direction = directionOf(sides)
      deploys.add(`${versionId} ${direction}`, { versionId, direction }, ref)
    }
    const clearSides = new Map<string, { agent: Agent; sides: Side[]; heldIds: string[] }>()
    for (const { agent, heldId, side } of c) {
      const group = clearSides.get(agent.id) ?? { agent, sides: [], heldIds: [] }
      group.sides.push(side)
      group.heldIds.push(heldId)
      clearSides.set(agent.id, group)
    }
    for (const { agent, sides, heldIds } of clearSides.values()) {
      const direction = directionOf(sides)
      const group = clears.add(`${agent.id} ${direction}`, { agent, direction, heldIds: new Set() }, ref)
      for (const id of heldIds) group.heldIds.add(id)
    }
    if (publishDraft) this.drafts.add(publishDraft)
    if (canary?.kind === 'set') this.canaryCalls.push({ kind: 'set-canary', number: ref, canary: canary.canary })
    if (canary?.kind === 'remove') this.canaryCalls.push({ kind: 'remove-canary', number: ref })
    if (patch) this.patches.push({ kind: 'patch', number: ref, fields: patch })
  }

  finish(): WritePlan {
    const { plan, catalog } = this
    for (const { key, numbers } of this.deploys.chunks()) {
      const entry = catalog.versionById.get(key.versionId)!
      plan.calls.push({
        kind: 'deploy',
        agentId: entry.agent.id,
        versionId: key.versionId,
        direction: key.direction,
        publishesDraft: !entry.version.published,
        numbers,
      })
    }
    for (const { key, numbers } of this.clears.chunks()) {
      plan.calls.push({
        kind: 'unassign',
        agentId: key.agent.id,
        versionId: unassignVia(catalog, key.agent, [...key.heldIds]),
        direction: key.direction,
        numbers,
      })
    }
    for (const versionId of this.drafts) {
      // A deploy of the same draft earlier in this plan has already published it.
      const deployed = plan.calls.some((call) => call.kind === 'deploy' && call.versionId === versionId)
      if (!deployed)
        plan.calls.push({ kind: 'publish', agentId: catalog.versionById.get(versionId)!.agent.id, versionId })
    }
    plan.calls.push(...this.canaryCalls, ...this.patches)
    return plan
  }
}

function planNumber({ number, wanted }: WriteTarget, catalog: AgentCatalog): NumberPlan {
  const plan: NumberPlan = { deploys: [], clears: [], publishDraft: null, canary: null, patch: null }
  const writes = new Map<string, Side[]>()
  for (const side of SIDES) {
    const held = number[SLOT_FIELD[side]]
    const want = wanted[side]
    if (want === undefined || want === held) continue
    if (want !== null) {
      const entry = catalog.versionById.get(want)
      if (!entry) throw new RefusedError({ kind: 'unknown-version', side })
      // The server would refuse with agent_archived; refusing here keeps the number's other calls from landing alone.
      if (isArchived(entry.agent)) throw new RefusedError({ kind: 'archived-agent', side, agentName: entry.agent.name })
      writes.set(want, [...(writes.get(want) ?? []), side])
      continue
    }
    const agent = held === null ? undefined : catalog.versionById.get(held)?.agent
    if (!agent || held === null) throw new RefusedError({ kind: 'cannot-clear-unknown', side })
    plan.clears.push({ agent, heldId: held, side })
  }
  plan.deploys = [...writes].map(([versionId, sides]) => ({ versionId, sides }))

  const canary = planCanary(number, wanted, catalog)
  plan.canary = canary.call
  plan.publishDraft = canary.publishDraft

  const patch: PatchFields = {}
  if (wanted.nickname !== undefined && !sameText(number.nickname, wanted.nickname)) patch.nickname = wanted.nickname
  if (wanted.label !== undefined && !sameText(number.label, wanted.label)) patch.label = wanted.label
  if (wanted.webhook !== undefined && wanted.webhook !== number.inbound_webhook_url) {
    patch.inbound_webhook_url = wanted.webhook
  }
  if (Object.keys(patch).length > 0) plan.patch = patch
  return plan
}

/**
 * The canary follows its slot (API.md): clearing inbound removes it, deploying its version inbound
 * promotes it, any other inbound version keeps it. So compare what is wanted with what the slot
 * calls will leave, and call the canary endpoints only for the difference.
 */
function planCanary(
  number: JobNumber,
  wanted: WantedFields,
  catalog: AgentCatalog,
): { call: NumberPlan['canary']; publishDraft: string | null } {
  const none = { call: null, publishDraft: null }
  if (wanted.canary === undefined) return none
  const inbound = wanted.inbound === undefined ? number.inbound_agent_version_id : wanted.inbound
  const current = number.inbound_canary
  const leftBySlots = canaryLeftBySlot(current, inbound)
  const want = wanted.canary
  if (want === null) return leftBySlots === null ? none : { call: { kind: 'remove' }, publishDraft: null }
  if (sameCanary(leftBySlots, want)) return none
  if (inbound === null) throw new RefusedError({ kind: 'canary-without-inbound' })
  if (inbound === want.agent_version_id) throw new RefusedError({ kind: 'canary-equals-inbound' })
  const entry = catalog.versionById.get(want.agent_version_id)
  if (!entry) throw new RefusedError({ kind: 'unknown-version', side: 'canary' })
  if (isArchived(entry.agent)) {
    throw new RefusedError({ kind: 'archived-agent', side: 'canary', agentName: entry.agent.name })
  }
  return { call: { kind: 'set', canary: want }, publishDraft: entry.version.published ? null : entry.version.id }
}

/**
 * Every publish call publishes its version, so clear through one that is already published: a held
 * one, else the agent's newest published one (the endpoint clears any version of the agent). A held
 * version the catalog calls a draft is published on the server anyway (it sits in a slot): last resort.
 */
function unassignVia(catalog: AgentCatalog, agent: Agent, heldIds: string[]): string {
  const publishedHeld = heldIds.find((id) => catalog.versionById.get(id)?.version.published)
  return publishedHeld ?? newestPublishedVersion(agent)?.id ?? heldIds[0]!
}

/** Numbers grouped by a key, in first-seen order, cut into calls of at most MAX_NUMBERS_PER_PUBLISH. */
class Groups<K> {
  private readonly groups = new Map<string, { key: K; numbers: NumberRef[] }>()

  add(id: string, key: K, number: NumberRef): K {
    let group = this.groups.get(id)
    if (!group) {
      group = { key, numbers: [] }
      this.groups.set(id, group)
    }
    group.numbers.push(number)
    return group.key
  }

  *chunks(): Generator<{ key: K; numbers: NumberRef[] }> {
    for (const { key, numbers } of this.groups.values()) {
      for (let start = 0; start < numbers.length; start += MAX_NUMBERS_PER_PUBLISH) {
        yield { key, numbers: numbers.slice(start, start + MAX_NUMBERS_PER_PUBLISH) }
      }
    }
  }
}
