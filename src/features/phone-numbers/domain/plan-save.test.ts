import fc from 'fast-check'
import { buildAgentCatalog, isArchived, type AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { normalizeText, type DesiredNumberState } from '@/features/phone-numbers/domain/desired-state'
import { planSave, PlanError, withExpectedUpdatedAt, type PlannedCall } from '@/features/phone-numbers/domain/plan-save'
import { createSeedRecords, createSeedWorkspace } from '@/mocks/seed'
import { Workspace } from '@/mocks/workspace'
import type { PhoneNumber } from '@/types/api'

const seed = createSeedRecords()
const seedCatalog = buildAgentCatalog(seed.agents)

function seedNumber(e164: string): PhoneNumber {
  const number = seed.numbers.find((n) => n.phone_number === e164)
  if (!number) throw new Error(`${e164} is not in the seed`)
  return number
}

/** The dialog's initial state for a number: nothing changed yet. */
function untouched(number: PhoneNumber): DesiredNumberState {
  return {
    inbound: number.inbound_agent_version_id,
    outbound: number.outbound_agent_version_id,
    nickname: number.nickname ?? '',
    label: number.label ?? '',
  }
}

function plan(number: PhoneNumber, changes: Partial<DesiredNumberState>, catalog = seedCatalog): PlannedCall[] {
  return planSave(number, catalog, { ...untouched(number), ...changes })
}

/** A publish call's precondition for one number: E.164 → the `updated_at` the plan was made from. */
const expecting = (number: PhoneNumber) => ({ [number.phone_number]: number.updated_at })

const MAIN = seedNumber('+14155550123') // inbound Front Desk v3, outbound None, 'Main Support Line', 'cc-4410'
const APPOINTMENTS = seedNumber('+14155550172') // Reminders v2 on both sides
const MUNICH = seedNumber('+4989123456789') // inbound Reminders v2, outbound Reminders v1
const NEW_YORK = seedNumber('+12125550134') // inbound Front Desk v1, outbound Sales v3
const CHICAGO = seedNumber('+13125550187') // inbound Legacy IVR v2 (archived agent)
const UNNAMED = seedNumber('+16175550110') // no agents, no nickname, no label

describe('planSave examples', () => {
  test('nothing changed: no call', () => {
    expect(plan(MAIN, {})).toEqual([])
    expect(plan(UNNAMED, {})).toEqual([])
    // Text equal after trimming is unchanged too.
    expect(plan(MAIN, { nickname: '  Main Support Line\t', label: ' cc-4410 ' })).toEqual([])
    expect(plan(UNNAMED, { nickname: '   ', label: '' })).toEqual([])
  })

  test('a side set to another version: one deploy with that side’s direction', () => {
    expect(plan(MAIN, { inbound: 'agv_billing_3' })).toEqual([
      {
        kind: 'deploy',
        agentId: 'agt_billing',
        versionId: 'agv_billing_3',
        direction: 'inbound',
        publishesDraft: false,
        body: { phone_numbers: ['+14155550123'], direction: 'inbound', expected_updated_at: expecting(MAIN) },
      },
    ])
    expect(plan(MAIN, { outbound: 'agv_sales_3' })).toEqual([
      {
        kind: 'deploy',
        agentId: 'agt_sales',
        versionId: 'agv_sales_3',
        direction: 'outbound',
        publishesDraft: false,
        body: { phone_numbers: ['+14155550123'], direction: 'outbound', expected_updated_at: expecting(MAIN) },
      },
    ])
  })

  test('a side set to the version the other side already holds: only that side is written', () => {
    expect(plan(MAIN, { outbound: 'agv_front_desk_3' })).toEqual([
      expect.objectContaining({ kind: 'deploy', versionId: 'agv_front_desk_3', direction: 'outbound' }),
    ])
  })

  test('both sides set to the same version: one deploy with both', () => {
    expect(plan(NEW_YORK, { inbound: 'agv_triage_2', outbound: 'agv_triage_2' })).toEqual([
      {
        kind: 'deploy',
        agentId: 'agt_triage',
        versionId: 'agv_triage_2',
        direction: 'both',
        publishesDraft: false,
        body: { phone_numbers: ['+12125550134'], direction: 'both', expected_updated_at: expecting(NEW_YORK) },
      },
    ])
  })

  test('both sides set to different versions: one deploy per side', () => {
    expect(plan(NEW_YORK, { inbound: 'agv_front_desk_3', outbound: 'agv_sales_2' })).toEqual([
      expect.objectContaining({ kind: 'deploy', versionId: 'agv_front_desk_3', direction: 'inbound' }),
      expect.objectContaining({ kind: 'deploy', versionId: 'agv_sales_2', direction: 'outbound' }),
    ])
  })

  test('deploying a draft says it publishes it', () => {
    expect(plan(MAIN, { inbound: 'agv_reminders_3' })).toEqual([
      expect.objectContaining({
        kind: 'deploy',
        agentId: 'agt_reminders',
        versionId: 'agv_reminders_3',
        publishesDraft: true,
      }),
    ])
  })

  test('a side set to None: unassign through the version it holds', () => {
    expect(plan(MAIN, { inbound: null })).toEqual([
      {
        kind: 'unassign',
        agentId: 'agt_front_desk',
        versionId: 'agv_front_desk_3',
        direction: 'inbound',
        body: { unassign_phone_numbers: ['+14155550123'], direction: 'inbound', expected_updated_at: expecting(MAIN) },
      },
    ])
    expect(plan(NEW_YORK, { outbound: null })).toEqual([
      {
        kind: 'unassign',
        agentId: 'agt_sales',
        versionId: 'agv_sales_3',
        direction: 'outbound',
        body: {
          unassign_phone_numbers: ['+12125550134'],
          direction: 'outbound',
          expected_updated_at: expecting(NEW_YORK),
        },
      },
    ])
  })

  test('both sides cleared, held by one agent (even in different versions): one unassign with both', () => {
    expect(plan(APPOINTMENTS, { inbound: null, outbound: null })).toEqual([
      {
        kind: 'unassign',
        agentId: 'agt_reminders',
        versionId: 'agv_reminders_2',
        direction: 'both',
        body: {
          unassign_phone_numbers: ['+14155550172'],
          direction: 'both',
          expected_updated_at: expecting(APPOINTMENTS),
        },
      },
    ])
    expect(plan(MUNICH, { inbound: null, outbound: null })).toEqual([
      expect.objectContaining({ kind: 'unassign', agentId: 'agt_reminders', direction: 'both' }),
    ])
  })

  test('both sides cleared, held by different agents: one unassign per agent', () => {
    expect(plan(NEW_YORK, { inbound: null, outbound: null })).toEqual([
      expect.objectContaining({
        kind: 'unassign',
        agentId: 'agt_front_desk',
        versionId: 'agv_front_desk_1',
        direction: 'inbound',
      }),
      expect.objectContaining({
        kind: 'unassign',
        agentId: 'agt_sales',
        versionId: 'agv_sales_3',
        direction: 'outbound',
      }),
    ])
  })

  test('clearing an archived agent’s version goes through that (published) version', () => {
    expect(plan(CHICAGO, { inbound: null })).toEqual([
      expect.objectContaining({
        kind: 'unassign',
        agentId: 'agt_legacy_ivr',
        versionId: 'agv_legacy_ivr_2',
        direction: 'inbound',
      }),
    ])
  })

  test('a held version the catalog calls a draft is cleared through a published version of its agent', () => {
    const stale = { ...MAIN, inbound_agent_version_id: 'agv_reminders_3' }
    expect(plan(stale, { inbound: null })).toEqual([
      expect.objectContaining({ kind: 'unassign', agentId: 'agt_reminders', versionId: 'agv_reminders_2' }),
    ])
    // Both held: the published one is preferred whichever side holds it.
    const mixed = { ...stale, outbound_agent_version_id: 'agv_reminders_1' }
    expect(plan(mixed, { inbound: null, outbound: null })).toEqual([
      expect.objectContaining({ kind: 'unassign', versionId: 'agv_reminders_1', direction: 'both' }),
    ])
    // An agent with no published version at all: the held version is the only way.
    const onlyDraft = { ...MAIN, inbound_agent_version_id: 'agv_claims_1' }
    expect(plan(onlyDraft, { inbound: null })).toEqual([
      expect.objectContaining({ kind: 'unassign', agentId: 'agt_claims', versionId: 'agv_claims_1' }),
    ])
  })

  test('a deploy and an unassign of the same agent are never merged into one call', () => {
    expect(plan(APPOINTMENTS, { inbound: 'agv_reminders_3', outbound: null })).toEqual([
      {
        kind: 'deploy',
        agentId: 'agt_reminders',
        versionId: 'agv_reminders_3',
        direction: 'inbound',
        publishesDraft: true,
        body: { phone_numbers: ['+14155550172'], direction: 'inbound', expected_updated_at: expecting(APPOINTMENTS) },
      },
      {
        kind: 'unassign',
        agentId: 'agt_reminders',
        versionId: 'agv_reminders_2',
        direction: 'outbound',
        body: {
          unassign_phone_numbers: ['+14155550172'],
          direction: 'outbound',
          expected_updated_at: expecting(APPOINTMENTS),
        },
      },
    ])
  })

  test('changed nickname or label: one PATCH with only the changed fields, trimmed, empty as null', () => {
    const since = { expected_updated_at: MAIN.updated_at }
    expect(plan(MAIN, { nickname: '  Support  ' })).toEqual([
      { kind: 'patch', numberId: MAIN.id, body: { nickname: 'Support', ...since } },
    ])
    expect(plan(MAIN, { label: '' })).toEqual([{ kind: 'patch', numberId: MAIN.id, body: { label: null, ...since } }])
    expect(plan(MAIN, { nickname: ' \t ', label: 'cc-1' })).toEqual([
      { kind: 'patch', numberId: MAIN.id, body: { nickname: null, label: 'cc-1', ...since } },
    ])
    expect(plan(UNNAMED, { label: 'new' })).toEqual([
      { kind: 'patch', numberId: UNNAMED.id, body: { label: 'new', expected_updated_at: UNNAMED.updated_at } },
    ])
  })

  test('order: deploys, then unassigns, then the PATCH', () => {
    const calls = plan(NEW_YORK, { inbound: null, outbound: 'agv_survey_2', nickname: 'NYC' })
    expect(calls.map((c) => [c.kind, c.kind === 'patch' ? c.numberId : c.direction])).toEqual([
      ['deploy', 'outbound'],
      ['unassign', 'inbound'],
      ['patch', NEW_YORK.id],
    ])
  })

  test('refuses what cannot be done, before any call', () => {
    const unknownHeld = { ...MAIN, inbound_agent_version_id: 'agv_gone' }
    expect(() => plan(unknownHeld, { inbound: null })).toThrow(PlanError)
    expect(() => plan(MAIN, { outbound: 'agv_gone' })).toThrow(PlanError)
    expect(() => plan(MAIN, { inbound: 'agv_legacy_ivr_1' })).toThrow(PlanError)
    // An unknown held version can still be replaced or kept.
    expect(plan(unknownHeld, { inbound: 'agv_front_desk_3' })).toHaveLength(1)
    expect(plan(unknownHeld, {})).toEqual([])
  })

  test('every call is conditional on the number as planned from; a later call can be re-targeted', () => {
    const calls = plan(NEW_YORK, { inbound: null, outbound: 'agv_survey_2', nickname: 'NYC' })
    expect(calls.map((call) => call.body.expected_updated_at)).toEqual([
      expecting(NEW_YORK),
      expecting(NEW_YORK),
      NEW_YORK.updated_at,
    ])
    const after = { ...NEW_YORK, updated_at: '2030-01-01T00:00:00.000Z' }
    expect(calls.map((call) => withExpectedUpdatedAt(call, after).body.expected_updated_at)).toEqual([
      expecting(after),
      expecting(after),
      after.updated_at,
    ])
    // Only the precondition changes.
    const [deploy] = calls
    expect(withExpectedUpdatedAt(deploy!, after)).toEqual({
      ...deploy,
      body: { ...deploy!.body, expected_updated_at: expecting(after) },
    })
  })

  test('normalizeText trims and turns empty into null', () => {
    expect(normalizeText('  a b ')).toBe('a b')
    expect(normalizeText(' \n\t')).toBeNull()
    expect(normalizeText('')).toBeNull()
  })

  test('normalizeText drops invisible characters and composes accents, so what is saved is what is seen', () => {
    expect(normalizeText('Main\u200BSupport\uFEFF')).toBe('MainSupport')
    expect(normalizeText('\u2060 Köln')).toBe('Köln')
    expect(normalizeText('Ko\u0308ln')).toBe('K\u00F6ln')
    expect(normalizeText('\u200B')).toBeNull()
    // A joiner inside an emoji sequence is part of the character and stays.
    expect(normalizeText('Team 👩\u200D💻')).toBe('Team 👩\u200D💻')
  })
})

// ---- properties, checked against the demo backend's model of API.md ------------------------

const agentOfVersion = new Map(seed.agents.flatMap((a) => a.versions.map((v) => [v.id, a] as const)))
const allVersionIds = [...agentOfVersion.keys()]
const archivedVersionIds = seed.agents.filter(isArchived).flatMap((a) => a.versions.map((v) => v.id))
const deployableVersionIds = seed.agents.filter((a) => !isArchived(a)).flatMap((a) => a.versions.map((v) => v.id))

interface Slots {
  inbound: string | null
  outbound: string | null
}

const anyVersion = fc.constantFrom(...allVersionIds)
const heldSlotArb = fc.oneof(fc.constant(null), anyVersion, fc.constantFrom(...archivedVersionIds))
// Biased towards both sides holding the same version or the same agent, where calls can be merged.
const currentSlotsArb: fc.Arbitrary<Slots> = fc.oneof(
  fc.record({ inbound: heldSlotArb, outbound: heldSlotArb }),
  anyVersion.map((id) => ({ inbound: id, outbound: id })),
  fc.constantFrom(...seed.agents).chain((agent) =>
    fc.record({
      inbound: fc.constantFrom(...agent.versions.map((v) => v.id)),
      outbound: fc.constantFrom(...agent.versions.map((v) => v.id)),
    }),
  ),
)

const choiceArb = (held: string | null) =>
  fc.oneof(fc.constant(null), fc.constantFrom(...deployableVersionIds), fc.constant(held))
const desiredSlotsArb = (current: Slots): fc.Arbitrary<Slots> =>
  fc.oneof(
    fc.record({ inbound: choiceArb(current.inbound), outbound: choiceArb(current.outbound) }),
    fc.constantFrom(...deployableVersionIds).map((id) => ({ inbound: id, outbound: id })),
    fc.constant({ inbound: null, outbound: null }),
  )

const textEditArb = (current: string | null) =>
  fc.oneof(
    fc.constant(current ?? ''),
    fc.constant(` ${current ?? ''}\t `),
    fc.constantFrom('', ' ', '\t\n '),
    fc.string({ maxLength: 12 }),
    fc.string({ maxLength: 12 }).map((s) => `  ${s} `),
  )

const scenarioArb = fc
  .record({
    numberIndex: fc.nat({ max: seed.numbers.length - 1 }),
    slots: currentSlotsArb,
    staleCatalog: fc.boolean(),
  })
  .chain((current) => {
    const number = seed.numbers[current.numberIndex]!
    return fc
      .record({
        slots: desiredSlotsArb(current.slots),
        nickname: textEditArb(number.nickname),
        label: textEditArb(number.label),
      })
      .map(({ slots, nickname, label }) => ({ current, desired: { ...slots, nickname, label } }))
  })

type Run = ReturnType<typeof setUp>

/**
 * A workspace where the number holds `slots`. Only published versions sit in slots, so a seed draft
 * placed there is published first; the planner may then get the seed's catalog, which is stale about it.
 */
function setUp({ numberIndex, slots, staleCatalog }: { numberIndex: number; slots: Slots; staleCatalog: boolean }) {
  const workspace = new Workspace(createSeedWorkspace())
  const id = workspace.allNumbers()[numberIndex]!.id
  workspace.setSlots(id, { inbound_agent_version_id: slots.inbound, outbound_agent_version_id: slots.outbound })
  for (const versionId of [slots.inbound, slots.outbound]) {
    if (versionId && !publishedIds(workspace).has(versionId))
      workspace.publish(agentOfVersion.get(versionId)!.id, versionId, {})
  }
  const catalog: AgentCatalog = staleCatalog ? seedCatalog : buildAgentCatalog(workspace.listAgents().data)
  return { workspace, id, catalog }
}

function publishedIds(workspace: Workspace): Set<string> {
  return new Set(workspace.listAgents().data.flatMap((a) => a.versions.filter((v) => v.published).map((v) => v.id)))
}

/** Sends the calls as a save does: each conditional on the `updated_at` the previous one returned. */
function apply({ workspace, id }: Run, calls: PlannedCall[]): void {
  let latest = workspace.getPhoneNumber(id)
  for (const planned of calls) {
    const call = withExpectedUpdatedAt(planned, latest)
    if (call.kind === 'patch') latest = workspace.patchPhoneNumber(call.numberId, call.body)
    else latest = workspace.publish(call.agentId, call.versionId, call.body).data.find((n) => n.id === id)!
  }
}

function expectReached(number: PhoneNumber, desired: DesiredNumberState): void {
  const trimmed = (text: string) => text.trim() || null
  expect(number).toMatchObject({
    inbound_agent_version_id: desired.inbound,
    outbound_agent_version_id: desired.outbound,
    nickname: trimmed(desired.nickname),
    label: trimmed(desired.label),
  })
}

/** Computed without the planner: each newly written version, each agent cleared from some side, and the text, need a call. */
function fewestCalls(current: PhoneNumber, desired: DesiredNumberState): number {
  const sides = [
    [current.inbound_agent_version_id, desired.inbound],
    [current.outbound_agent_version_id, desired.outbound],
  ] as const
  const written = new Set(
    sides.filter(([held, wanted]) => wanted !== null && wanted !== held).map(([, wanted]) => wanted),
  )
  const clearedAgents = new Set(
    sides.filter(([held, wanted]) => wanted === null && held !== null).map(([held]) => agentOfVersion.get(held!)!.id),
  )
  const trimmed = (text: string) => text.trim() || null
  const textChanged = trimmed(desired.nickname) !== current.nickname || trimmed(desired.label) !== current.label
  return written.size + clearedAgents.size + (textChanged ? 1 : 0)
}

const KIND_ORDER = { deploy: 0, unassign: 1, patch: 2 }
const RUNS = 2000

describe('planSave properties', () => {
  test(`applied to the demo backend, a plan reaches exactly the chosen state with the fewest calls (${RUNS} runs)`, () => {
    const seen = {
      deployBoth: 0,
      unassignBoth: 0,
      archivedCleared: 0,
      draftDeployed: 0,
      staleDraftCleared: 0,
      patch: 0,
    }
    fc.assert(
      fc.property(scenarioArb, ({ current, desired }) => {
        const run = setUp(current)
        const before = run.workspace.getPhoneNumber(run.id)
        const publishedBefore = publishedIds(run.workspace)

        const calls = planSave(before, run.catalog, desired)

        expect(calls).toHaveLength(fewestCalls(before, desired))
        const ranks = calls.map((c) => KIND_ORDER[c.kind])
        expect(ranks).toEqual([...ranks].sort())
        for (const call of calls) {
          if (call.kind === 'patch') {
            const { expected_updated_at: expected, ...fields } = call.body
            expect(call.numberId).toBe(before.id)
            expect(expected).toBe(before.updated_at)
            for (const [field, value] of Object.entries(fields)) expect(value).not.toBe(before[field as 'nickname'])
            continue
          }
          expect(agentOfVersion.get(call.versionId)?.id).toBe(call.agentId)
          const expected_updated_at = { [before.phone_number]: before.updated_at }
          if (call.kind === 'deploy') {
            expect(call.body).toEqual({
              phone_numbers: [before.phone_number],
              direction: call.direction,
              expected_updated_at,
            })
            expect(call.publishesDraft).toBe(!run.catalog.versionById.get(call.versionId)!.version.published)
          } else {
            expect(call.body).toEqual({
              unassign_phone_numbers: [before.phone_number],
              direction: call.direction,
              expected_updated_at,
            })
            // Clearing never publishes anything new.
            expect(publishedBefore.has(call.versionId)).toBe(true)
          }
        }

        apply(run, calls) // throws on any call the API would refuse
        const after = run.workspace.getPhoneNumber(run.id)
        expectReached(after, desired)
        const deployed = new Set(calls.flatMap((c) => (c.kind === 'deploy' ? [c.versionId] : [])))
        for (const id of publishedIds(run.workspace)) if (!publishedBefore.has(id)) expect(deployed.has(id)).toBe(true)
        // Saving again sends nothing.
        expect(planSave(after, run.catalog, desired)).toEqual([])

        seen.deployBoth += +calls.some((c) => c.kind === 'deploy' && c.direction === 'both')
        seen.unassignBoth += +calls.some((c) => c.kind === 'unassign' && c.direction === 'both')
        seen.archivedCleared += +calls.some((c) => c.kind === 'unassign' && c.agentId === 'agt_legacy_ivr')
        seen.draftDeployed += +calls.some((c) => c.kind === 'deploy' && c.publishesDraft)
        seen.staleDraftCleared += +calls.some(
          (c) =>
            c.kind === 'unassign' &&
            [before.inbound_agent_version_id, before.outbound_agent_version_id].some(
              (held) => held && !run.catalog.versionById.get(held)!.version.published,
            ),
        )
        seen.patch += +calls.some((c) => c.kind === 'patch')
      }),
      { numRuns: RUNS },
    )
    // The generators really reach every interesting case.
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(0)
  })

  test(`after a failure part-way, saving again sends only what is still needed (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), ({ current, desired }, cut) => {
        const run = setUp(current)
        const calls = planSave(run.workspace.getPhoneNumber(run.id), run.catalog, desired)
        const applied = cut % (calls.length + 1)
        apply(run, calls.slice(0, applied))

        const retry = planSave(run.workspace.getPhoneNumber(run.id), run.catalog, desired)
        expect(retry.length).toBeLessThanOrEqual(calls.length - applied)
        apply(run, retry)
        expectReached(run.workspace.getPhoneNumber(run.id), desired)
      }),
      { numRuns: RUNS },
    )
  })

  test(`a plan made before someone else changed the number is refused at its first call, changing nothing (${RUNS / 4} runs)`, () => {
    const otherChange = fc.constantFrom<(workspace: Workspace, id: string) => void>(
      (workspace, id) =>
        workspace.patchPhoneNumber(id, { label: `theirs ${workspace.getPhoneNumber(id).label ?? ''}` }),
      (workspace, id) => {
        const held = workspace.getPhoneNumber(id).outbound_agent_version_id
        workspace.setSlots(id, { outbound_agent_version_id: held === 'agv_sales_1' ? null : 'agv_sales_1' })
      },
    )
    fc.assert(
      fc.property(scenarioArb, otherChange, ({ current, desired }, change) => {
        const run = setUp(current)
        const calls = planSave(run.workspace.getPhoneNumber(run.id), run.catalog, desired)
        fc.pre(calls.length > 0)
        change(run.workspace, run.id)
        const changed = run.workspace.getPhoneNumber(run.id)
        const [first] = calls
        const send = () =>
          first!.kind === 'patch'
            ? run.workspace.patchPhoneNumber(first!.numberId, first!.body)
            : run.workspace.publish(first!.agentId, first!.versionId, first!.body)
        expect(send).toThrow(expect.objectContaining({ status: 409 }))
        expect(run.workspace.getPhoneNumber(run.id)).toEqual(changed)
        // Planned again from what is there now, the save goes through (unless the choice is no longer possible:
        // keeping an archived agent's version that someone else replaced, say).
        let again: PlannedCall[]
        try {
          again = planSave(changed, run.catalog, desired)
        } catch (error) {
          if (error instanceof PlanError) return
          throw error
        }
        apply(run, again)
        expectReached(run.workspace.getPhoneNumber(run.id), desired)
      }),
      { numRuns: RUNS / 4 },
    )
  })

  test('nothing changed: an empty plan, whatever the slots hold (even versions the catalog does not know)', () => {
    const slot = fc.oneof(fc.constant(null), anyVersion, fc.constant('agv_unknown'))
    fc.assert(
      fc.property(
        fc.nat({ max: seed.numbers.length - 1 }),
        slot,
        slot,
        fc.boolean(),
        (index, inbound, outbound, padText) => {
          const number = {
            ...seed.numbers[index]!,
            inbound_agent_version_id: inbound,
            outbound_agent_version_id: outbound,
          }
          const desired = untouched(number)
          if (padText) Object.assign(desired, { nickname: ` ${desired.nickname} `, label: `\t${desired.label}` })
          expect(planSave(number, seedCatalog, desired)).toEqual([])
        },
      ),
      { numRuns: 500 },
    )
  })
})
