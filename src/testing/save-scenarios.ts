import fc from 'fast-check'
import { buildAgentCatalog, isArchived, type AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { normalizeText, normalizeUrl, type DesiredNumberState } from '@/features/phone-numbers/domain/desired-state'
import type { WriteCall } from '@/features/phone-numbers/domain/writes/plan-writes'
import { markVersionsPublished } from '@/features/phone-numbers/domain/reconcile'
import { sameCanary } from '@/features/phone-numbers/domain/writes/canaries-and-drafts'
import { writeRequest, type WriteRequest } from '@/features/phone-numbers/domain/writes/write-requests'
import { createSeedRecords, createSeedWorkspace } from '@/mocks/seed'
import { Workspace } from '@/mocks/workspace'
import type { InboundCanary, PhoneNumber } from '@/types/api'

/**
 * Random numbers and choices for the save planner's property tests (domain/plan-save*.test.ts), and
 * a demo backend to apply plans to: the API's rules, not the planner's, decide what a plan does.
 */

export const seed = createSeedRecords()
export const seedCatalog = buildAgentCatalog(seed.agents)

export const agentOfVersion = new Map(seed.agents.flatMap((a) => a.versions.map((v) => [v.id, a] as const)))
const allVersionIds = [...agentOfVersion.keys()]
const archivedVersionIds = seed.agents.filter(isArchived).flatMap((a) => a.versions.map((v) => v.id))
const deployableVersionIds = seed.agents.filter((a) => !isArchived(a)).flatMap((a) => a.versions.map((v) => v.id))

interface CurrentState {
  numberIndex: number
  inbound: string | null
  outbound: string | null
  canary: InboundCanary | null
  webhook: string | null
  /** The planner gets the seed's agents, which do not know that set-up published drafts placed in slots. */
  staleCatalog: boolean
}

export interface Scenario {
  current: CurrentState
  desired: DesiredNumberState
}

const anyVersion = fc.constantFrom(...allVersionIds)
const heldSlotArb = fc.oneof(fc.constant(null), anyVersion, fc.constantFrom(...archivedVersionIds))
const percentArb = fc.integer({ min: 1, max: 99 })
const URLS = ['https://hooks.example/a', 'https://hooks.example/b?line=2']

// Biased towards both sides holding the same version or the same agent, where calls can be merged.
const slotsArb = fc.oneof(
  fc.record({ inbound: heldSlotArb, outbound: heldSlotArb }),
  anyVersion.map((id) => ({ inbound: id, outbound: id })),
  fc.constantFrom(...seed.agents).chain((agent) =>
    fc.record({
      inbound: fc.constantFrom(...agent.versions.map((v) => v.id)),
      outbound: fc.constantFrom(...agent.versions.map((v) => v.id)),
    }),
  ),
)

/** A canary beside `inbound` (any version but the slot's, archived ones included), or none. */
const heldCanaryArb = (inbound: string | null): fc.Arbitrary<InboundCanary | null> =>
  inbound === null
    ? fc.constant(null)
    : fc.oneof(
        fc.constant(null),
        fc.record({
          agent_version_id: fc.constantFrom(...allVersionIds.filter((id) => id !== inbound)),
          percent: percentArb,
        }),
      )

const currentArb: fc.Arbitrary<CurrentState> = fc
  .record({ numberIndex: fc.nat({ max: seed.numbers.length - 1 }), slots: slotsArb, staleCatalog: fc.boolean() })
  .chain(({ numberIndex, slots, staleCatalog }) =>
    fc
      .record({ canary: heldCanaryArb(slots.inbound), webhook: fc.constantFrom(null, ...URLS) })
      .map(({ canary, webhook }) => ({ numberIndex, ...slots, canary, webhook, staleCatalog })),
  )

const slotChoiceArb = (held: string | null) =>
  fc.oneof(fc.constant(null), fc.constantFrom(...deployableVersionIds), fc.constant(held))

/** The canary the user ends with, as the form can leave it: kept, removed, changed, replaced, or added. */
const canaryChoiceArb = (held: InboundCanary | null): fc.Arbitrary<InboundCanary | null> =>
  fc.oneof(
    fc.constant(held),
    fc.constant(held),
    fc.constant(null),
    fc.record({ agent_version_id: fc.constantFrom(...deployableVersionIds), percent: percentArb }),
    ...(held ? [percentArb.map((percent) => ({ ...held, percent }))] : []),
  )

const textEditArb = (current: string | null) =>
  fc.oneof(
    fc.constant(current ?? ''),
    fc.constant(` ${current ?? ''}\t `),
    fc.constantFrom('', ' ', '\t\n '),
    fc.string({ maxLength: 12 }),
    fc.string({ maxLength: 12 }).map((s) => `  ${s} `),
  )

const webhookEditArb = (current: string | null) =>
  fc.oneof(fc.constant(current ?? ''), fc.constant(` ${current ?? ''} `), fc.constantFrom('', ' ', ...URLS))

const desiredArb = (current: CurrentState): fc.Arbitrary<DesiredNumberState> => {
  const number = seed.numbers[current.numberIndex]!
  const slots = fc.oneof(
    fc.record({ inbound: slotChoiceArb(current.inbound), outbound: slotChoiceArb(current.outbound) }),
    fc.constantFrom(...deployableVersionIds).map((id) => ({ inbound: id, outbound: id })),
    fc.constant({ inbound: null, outbound: null }),
    // Promote canary: the inbound side takes the canary's version, the canary goes.
    ...(current.canary
      ? [fc.constant({ inbound: current.canary.agent_version_id, outbound: current.outbound, promote: true })]
      : []),
  )
  return fc
    .record({
      slots,
      canary: canaryChoiceArb(current.canary),
      nickname: textEditArb(number.nickname),
      label: textEditArb(number.label),
      webhook: webhookEditArb(current.webhook),
    })
    .map(({ slots, canary, nickname, label, webhook }) => ({
      inbound: slots.inbound,
      outbound: slots.outbound,
      // As the form has it: no canary beside an empty inbound side, none left after a promotion.
      canary: slots.inbound === null || ('promote' in slots && slots.promote) ? null : canary,
      nickname,
      label,
      webhook,
    }))
}

export const scenarioArb: fc.Arbitrary<Scenario> = currentArb.chain((current) =>
  desiredArb(current).map((desired) => ({ current, desired })),
)

export interface Run {
  workspace: Workspace
  id: string
  /** The agents as the page holds them: the planner's view, kept up to date as a save's answers are (reconcile). */
  catalog: AgentCatalog
}

/**
 * A workspace where the number is in the scenario's current state. Only published versions sit in
 * slots and canaries, so a seed draft placed there is published first.
 */
export function setUp(current: CurrentState): Run {
  const workspace = new Workspace(createSeedWorkspace())
  const id = workspace.allNumbers()[current.numberIndex]!.id
  for (const versionId of [current.inbound, current.outbound, current.canary?.agent_version_id ?? null]) {
    if (versionId && !publishedIds(workspace).has(versionId)) {
      workspace.publish(agentOfVersion.get(versionId)!.id, versionId, {})
    }
  }
  workspace.changeAsAnotherAdmin(id, {
    inbound_agent_version_id: current.inbound,
    outbound_agent_version_id: current.outbound,
    inbound_canary: current.canary,
    inbound_webhook_url: current.webhook,
  })
  const catalog = current.staleCatalog ? seedCatalog : buildAgentCatalog(workspace.listAgents().data)
  return { workspace, id, catalog }
}

export function publishedIds(workspace: Workspace): Set<string> {
  return new Set(workspace.listAgents().data.flatMap((a) => a.versions.filter((v) => v.published).map((v) => v.id)))
}

/** Sends one request to the demo backend, as the page's client would. */
export function send(workspace: Workspace, request: WriteRequest): PhoneNumber[] {
  switch (request.endpoint) {
    case 'publish':
      return workspace.publish(request.agentId, request.versionId, request.body).data
    case 'put-canary':
      return [workspace.putInboundCanary(request.numberId, request.body)]
    case 'delete-canary': {
      const at = request.expectedUpdatedAt
      return [
        workspace.deleteInboundCanary(request.numberId, new URLSearchParams(at ? { expected_updated_at: at } : {})),
      ]
    }
    case 'patch':
      return [workspace.patchPhoneNumber(request.numberId, request.body)]
  }
}

/**
 * Sends the calls as a save does: each conditional on the `updated_at` the previous one returned,
 * and each publish marked in the page's agents (so a re-plan knows what is published now).
 */
export function apply(run: Run, calls: WriteCall[]): void {
  let latest = run.workspace.getPhoneNumber(run.id)
  for (const call of calls) {
    const records = send(
      run.workspace,
      writeRequest(call, () => latest.updated_at),
    )
    latest = records.find((n) => n.id === run.id) ?? latest
    if (call.kind === 'publish' || call.kind === 'deploy' || call.kind === 'unassign') {
      run.catalog = buildAgentCatalog(markVersionsPublished(run.catalog.agents, [call.versionId]))
    }
  }
}

export function expectReached(number: PhoneNumber, desired: DesiredNumberState): void {
  expect(number).toMatchObject({
    inbound_agent_version_id: desired.inbound,
    outbound_agent_version_id: desired.outbound,
    inbound_canary: desired.canary,
    nickname: normalizeText(desired.nickname),
    label: normalizeText(desired.label),
    inbound_webhook_url: normalizeUrl(desired.webhook),
  })
}

/**
 * Computed without the planner, from API.md: each newly written version, each agent cleared from
 * some side, a canary that differs from what the slot calls leave of it (plus a publish when its
 * version is a draft that no deploy publishes), and the text fields and webhook, need a call each.
 */
export function fewestCalls(current: PhoneNumber, desired: DesiredNumberState, catalog: AgentCatalog): number {
  const sides = [
    [current.inbound_agent_version_id, desired.inbound],
    [current.outbound_agent_version_id, desired.outbound],
  ] as const
  const written = new Set(sides.filter(([held, want]) => want !== null && want !== held).map(([, want]) => want))
  const clearedAgents = new Set(
    sides.filter(([held, want]) => want === null && held !== null).map(([held]) => agentOfVersion.get(held!)!.id),
  )
  const held = current.inbound_canary
  const leftBySlots = desired.inbound === null || desired.inbound === held?.agent_version_id ? null : held
  const canaryCall = !sameCanary(leftBySlots, desired.canary)
  const want = desired.canary
  const draftToPublish =
    canaryCall &&
    want !== null &&
    !catalog.versionById.get(want.agent_version_id)!.version.published &&
    !written.has(want.agent_version_id)
  const patch =
    normalizeText(desired.nickname) !== current.nickname ||
    normalizeText(desired.label) !== current.label ||
    normalizeUrl(desired.webhook) !== current.inbound_webhook_url
  return written.size + clearedAgents.size + +canaryCall + +draftToPublish + +patch
}
