import { isArchived, newestPublishedVersion, type AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { normalizeText, type DesiredNumberState } from '@/features/phone-numbers/domain/desired-state'
import { planErrorMessages } from '@/features/phone-numbers/domain/save-messages'
import { directionOf, SIDES, SLOT_FIELD, type Side } from '@/features/phone-numbers/domain/sides'
import type { Agent, Direction, PatchPhoneNumberBody, PhoneNumber, PublishBody } from '@/types/api'

export type PlannedCall =
  | {
      kind: 'deploy'
      agentId: string
      versionId: string
      direction: Direction
      /** The version is a draft in the catalog, so this call publishes it. */
      publishesDraft: boolean
      body: PublishBody
    }
  | { kind: 'unassign'; agentId: string; versionId: string; direction: Direction; body: PublishBody }
  | { kind: 'patch'; numberId: string; body: PatchPhoneNumberBody }

/** The choice cannot be turned into API calls; thrown before any call is made, so nothing is half-applied. */
export class PlanError extends Error {
  override name = 'PlanError'
}

/**
 * The fewest calls that take `current` to `desired`: deploys, then unassigns, then the PATCH (PAGE.md).
 * Each call carries `expected_updated_at` from `current`: the server refuses it (409) when someone else
 * changed the number since. A save sends each later call with the `updated_at` its previous call
 * returned (withExpectedUpdatedAt).
 */
export function planSave(current: PhoneNumber, catalog: AgentCatalog, desired: DesiredNumberState): PlannedCall[] {
  const writes = new Map<string, Side[]>() // desired version id → sides it must be written to
  const clears = new Map<string, { agent: Agent; heldIds: string[]; sides: Side[] }>() // by the agent held now
  for (const side of SIDES) {
    const held = current[SLOT_FIELD[side]]
    const wanted = desired[side]
    if (wanted === held) continue
    if (wanted !== null) {
      writes.set(wanted, [...(writes.get(wanted) ?? []), side])
      continue
    }
    const agent = held === null ? undefined : catalog.versionById.get(held)?.agent
    if (!agent) {
      throw new PlanError(planErrorMessages.cannotClearUnknown(side))
    }
    const group = clears.get(agent.id) ?? { agent, heldIds: [], sides: [] }
    group.heldIds.push(held!)
    group.sides.push(side)
    clears.set(agent.id, group)
  }

  const calls: PlannedCall[] = []
  for (const [versionId, sides] of writes) {
    const entry = catalog.versionById.get(versionId)
    if (!entry) throw new PlanError(planErrorMessages.unknownVersion(sides[0]!))
    // The server would refuse with agent_archived; refusing here keeps earlier calls from being applied alone.
    if (isArchived(entry.agent)) {
      throw new PlanError(planErrorMessages.archivedAgent(sides[0]!, entry.agent.name))
    }
    const direction = directionOf(sides)
    calls.push({
      kind: 'deploy',
      agentId: entry.agent.id,
      versionId,
      direction,
      publishesDraft: !entry.version.published,
      body: { phone_numbers: [current.phone_number], direction, expected_updated_at: expectation(current) },
    })
  }
  for (const { agent, heldIds, sides } of clears.values()) {
    const direction = directionOf(sides)
    calls.push({
      kind: 'unassign',
      agentId: agent.id,
      versionId: unassignVia(catalog, agent, heldIds),
      direction,
      body: { unassign_phone_numbers: [current.phone_number], direction, expected_updated_at: expectation(current) },
    })
  }

  const patch: PatchPhoneNumberBody = {}
  for (const field of ['nickname', 'label'] as const) {
    const value = normalizeText(desired[field])
    if (value !== current[field]) patch[field] = value
  }
  if (Object.keys(patch).length > 0) {
    calls.push({ kind: 'patch', numberId: current.id, body: { ...patch, expected_updated_at: current.updated_at } })
  }
  return calls
}

/** The call, made conditional on the number still being as `number` shows it (its `updated_at`). */
export function withExpectedUpdatedAt(
  call: PlannedCall,
  number: Pick<PhoneNumber, 'phone_number' | 'updated_at'>,
): PlannedCall {
  if (call.kind === 'patch') return { ...call, body: { ...call.body, expected_updated_at: number.updated_at } }
  return { ...call, body: { ...call.body, expected_updated_at: expectation(number) } }
}

function expectation(number: Pick<PhoneNumber, 'phone_number' | 'updated_at'>) {
  return { [number.phone_number]: number.updated_at }
}

/**
 * Every publish call publishes its version, so clear through one that is already published: a held
 * one, else any of the agent's (the endpoint clears any version of the agent). A held version that the
 * catalog calls a draft is published on the server anyway (it sits in a slot), so it is the last resort.
 */
function unassignVia(catalog: AgentCatalog, agent: Agent, heldIds: string[]): string {
  const publishedHeld = heldIds.find((id) => catalog.versionById.get(id)?.version.published)
  return publishedHeld ?? newestPublishedVersion(agent)?.id ?? heldIds[0]!
}
