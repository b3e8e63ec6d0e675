import { buildAgentCatalog } from '@/features/agents/domain/agent-catalog'
import { beforeTheWrite, fieldsStillAsAsked, undoTargets } from '@/features/phone-numbers/domain/writes/plan-undo'
import { planWrites, type WantedFields } from '@/features/phone-numbers/domain/writes/plan-writes'
import { draftsPublishedBy } from '@/features/phone-numbers/domain/writes/canaries-and-drafts'
import { writeRequest } from '@/features/phone-numbers/domain/writes/write-requests'
import { createSeedRecords } from '@/mocks/seed'
import type { PhoneNumber } from '@/types/api'

const seed = createSeedRecords({ numbers: 0 })
const catalog = buildAgentCatalog(seed.agents)

let serial = 0
function number(fields: Partial<PhoneNumber> = {}): PhoneNumber {
  serial += 1
  return {
    id: `phn_${serial}`,
    phone_number: `+1415555${String(1000 + serial)}`,
    nickname: null,
    label: null,
    status: 'active',
    provider: 'twilio',
    country_code: 'US',
    number_type: 'local',
    inbound_agent_version_id: null,
    outbound_agent_version_id: null,
    inbound_canary: null,
    inbound_webhook_url: null,
    import_error: null,
    created_at: '2024-01-01T00:00:00.000Z',
    updated_at: `2024-05-01T00:00:00.${String(serial).padStart(3, '0')}Z`,
    ...fields,
  }
}

const ref = (n: PhoneNumber) => ({ id: n.id, phone_number: n.phone_number })
const plan = (...targets: [PhoneNumber, WantedFields][]) =>
  planWrites(
    targets.map(([n, wanted]) => ({ number: n, wanted })),
    catalog,
  )

describe('planWrites', () => {
  test('numbers wanting the same version on the same side share one deploy; those already there are skipped', () => {
    const [a, b, there] = [number(), number(), number({ inbound_agent_version_id: 'agv_front_desk_3' })]
    const result = plan(
      [a, { inbound: 'agv_front_desk_3' }],
      [b, { inbound: 'agv_front_desk_3' }],
      [there, { inbound: 'agv_front_desk_3' }],
    )
    expect(result.calls).toEqual([
      {
        kind: 'deploy',
        agentId: 'agt_front_desk',
        versionId: 'agv_front_desk_3',
        direction: 'inbound',
        publishesDraft: false,
        numbers: [ref(a), ref(b)],
      },
    ])
    expect(result.unchanged).toEqual([ref(there)])
  })

  test('a deploy is cut into calls of 1,000 numbers', () => {
    const many = Array.from({ length: 2001 }, () => number())
    const result = planWrites(
      many.map((n) => ({ number: n, wanted: { outbound: 'agv_sales_3' } })),
      catalog,
    )
    expect(result.calls.map((c) => (c.kind === 'deploy' ? c.numbers.length : 0))).toEqual([1000, 1000, 1])
  })

  test('clears group by the agent held and go through a published version of it, one direction per number', () => {
    const both = number({ inbound_agent_version_id: 'agv_reminders_1', outbound_agent_version_id: 'agv_reminders_2' })
    const inboundOnly = number({
      inbound_agent_version_id: 'agv_reminders_2',
      outbound_agent_version_id: 'agv_reminders_2',
    })
    const result = plan([both, { inbound: null, outbound: null }], [inboundOnly, { inbound: null }])
    expect(result.calls).toEqual([
      {
        kind: 'unassign',
        agentId: 'agt_reminders',
        versionId: 'agv_reminders_1',
        direction: 'both',
        numbers: [ref(both)],
      },
      {
        kind: 'unassign',
        agentId: 'agt_reminders',
        versionId: 'agv_reminders_2',
        direction: 'inbound',
        numbers: [ref(inboundOnly)],
      },
    ])
  })

  test('an archived agent’s version cannot be deployed: that number is refused, the others go on', () => {
    const [a, b] = [number(), number()]
    const result = plan([a, { inbound: 'agv_legacy_ivr_2', nickname: 'x' }], [b, { label: 'L' }])
    expect(result.refused).toEqual([
      { number: ref(a), refusal: { kind: 'archived-agent', side: 'inbound', agentName: 'Legacy IVR' } },
    ])
    expect(result.calls).toEqual([{ kind: 'patch', number: ref(b), fields: { label: 'L' } }])
  })

  test('canary calls come after the slot calls; a draft canary version is published first by a call naming no numbers', () => {
    const n = number({ inbound_agent_version_id: 'agv_reminders_1' })
    const result = plan([
      n,
      { inbound: 'agv_reminders_2', canary: { agent_version_id: 'agv_reminders_3', percent: 10 } },
    ])
    expect(result.calls.map((c) => c.kind)).toEqual(['deploy', 'publish', 'set-canary'])
    expect(result.calls[1]).toEqual({ kind: 'publish', agentId: 'agt_reminders', versionId: 'agv_reminders_3' })
  })

  test('the drafts a plan publishes: a canary’s publish and a deploy of a draft, each once; published versions are not drafts', () => {
    const canaryDraft = plan([
      number({ inbound_agent_version_id: 'agv_reminders_1' }),
      { inbound: 'agv_reminders_2', canary: { agent_version_id: 'agv_reminders_3', percent: 10 } },
    ])
    expect(draftsPublishedBy(canaryDraft.calls)).toEqual(['agv_reminders_3'])
    const deployedDraft = plan(
      [number(), { inbound: 'agv_billing_4', outbound: 'agv_billing_4' }],
      [number(), { inbound: 'agv_billing_4' }],
    )
    expect(deployedDraft.calls.filter((c) => c.kind === 'deploy')).toHaveLength(2)
    expect(draftsPublishedBy(deployedDraft.calls)).toEqual(['agv_billing_4'])
    expect(draftsPublishedBy(plan([number(), { inbound: 'agv_billing_3' }]).calls)).toEqual([])
  })

  test('the canary follows its slot: clearing inbound or promoting needs no canary call', () => {
    const canary = { agent_version_id: 'agv_front_desk_3', percent: 10 }
    const n = number({ inbound_agent_version_id: 'agv_front_desk_2', inbound_canary: canary })
    expect(plan([n, { inbound: null, canary: null }]).calls.map((c) => c.kind)).toEqual(['unassign'])
    expect(plan([n, { inbound: 'agv_front_desk_3', canary: null }]).calls.map((c) => c.kind)).toEqual(['deploy'])
    // Another inbound version keeps the canary: wanting it gone takes a call.
    expect(plan([n, { inbound: 'agv_front_desk_1', canary: null }]).calls.map((c) => c.kind)).toEqual([
      'deploy',
      'remove-canary',
    ])
    expect(plan([n, { canary }]).unchanged).toEqual([ref(n)])
  })

  test('a canary without an inbound version, or equal to it, is refused before anything is sent', () => {
    const n = number({ inbound_agent_version_id: 'agv_front_desk_2' })
    expect(
      plan([n, { inbound: null, canary: { agent_version_id: 'agv_front_desk_3', percent: 5 } }]).refused[0]?.refusal,
    ).toEqual({
      kind: 'canary-without-inbound',
    })
    expect(plan([n, { canary: { agent_version_id: 'agv_front_desk_2', percent: 5 } }]).refused[0]?.refusal).toEqual({
      kind: 'canary-equals-inbound',
    })
  })

  test('requests carry each number’s last seen updated_at', () => {
    const [a, b] = [number(), number()]
    const result = plan([a, { outbound: 'agv_sales_2', nickname: 'N' }], [b, { outbound: 'agv_sales_2' }])
    const seen = new Map([[a.id, 'later']])
    const lastSeen = (n: { id: string }) => seen.get(n.id) ?? (n.id === b.id ? b.updated_at : undefined)
    expect(result.calls.map((call) => writeRequest(call, lastSeen))).toEqual([
      {
        endpoint: 'publish',
        agentId: 'agt_sales',
        versionId: 'agv_sales_2',
        body: {
          phone_numbers: [a.phone_number, b.phone_number],
          direction: 'outbound',
          expected_updated_at: { [a.phone_number]: 'later', [b.phone_number]: b.updated_at },
        },
      },
      { endpoint: 'patch', numberId: a.id, body: { nickname: 'N', expected_updated_at: 'later' } },
    ])
  })
})

describe('undoTargets', () => {
  test('asks for the changed fields back, from the state the save left', () => {
    const before = number({
      inbound_agent_version_id: 'agv_front_desk_2',
      inbound_canary: { agent_version_id: 'agv_front_desk_3', percent: 10 },
      nickname: 'Old',
    })
    const promoted = {
      ...before,
      inbound_agent_version_id: 'agv_front_desk_3',
      inbound_canary: null,
      nickname: 'New',
      updated_at: 'x',
    }
    expect(undoTargets([{ before, after: promoted }])).toEqual([
      {
        number: promoted,
        wanted: {
          inbound: 'agv_front_desk_2',
          canary: { agent_version_id: 'agv_front_desk_3', percent: 10 },
          nickname: 'Old',
        },
      },
    ])
    expect(undoTargets([{ before, after: before }])).toEqual([])
  })
})

describe('beforeTheWrite', () => {
  const asRead = number({
    inbound_agent_version_id: 'agv_front_desk_2',
    inbound_canary: { agent_version_id: 'agv_front_desk_3', percent: 10 },
    nickname: 'Old',
    label: 'ops',
  })

  test('puts back only the fields the write asked for: a change someone else made meanwhile is not undone', () => {
    // The save renamed the number; another admin set the label while its reply was lost.
    const after = { ...asRead, nickname: 'New', label: 'Q3', updated_at: 'x' }
    const before = beforeTheWrite(asRead, after, ['nickname'])
    expect(before).toEqual({ ...after, nickname: 'Old' })
    expect(undoTargets([{ before, after }])).toEqual([{ number: after, wanted: { nickname: 'Old' } }])
  })

  test('an inbound change also answers for the canary it promoted or took', () => {
    const after = { ...asRead, inbound_agent_version_id: 'agv_front_desk_3', inbound_canary: null, updated_at: 'x' }
    expect(beforeTheWrite(asRead, after, ['inbound'])).toEqual({
      ...after,
      inbound_agent_version_id: 'agv_front_desk_2',
      inbound_canary: { agent_version_id: 'agv_front_desk_3', percent: 10 },
    })
    // The canary someone else set after the deploy kept it is theirs: the inbound side goes back, their canary stays.
    const theirs = { agent_version_id: 'agv_front_desk_1', percent: 20 }
    const moved = { ...asRead, inbound_agent_version_id: 'agv_sales_1', inbound_canary: theirs, updated_at: 'x' }
    expect(beforeTheWrite(asRead, moved, ['inbound'])).toEqual({
      ...moved,
      inbound_agent_version_id: 'agv_front_desk_2',
    })
    // Asked for the outbound side only, the canary someone else removed stays removed.
    expect(beforeTheWrite(asRead, after, ['outbound'])).toEqual({
      ...after,
      outbound_agent_version_id: asRead.outbound_agent_version_id,
    })
  })
})

describe('fieldsStillAsAsked', () => {
  const now = number({
    inbound_agent_version_id: 'agv_front_desk_3',
    outbound_agent_version_id: 'agv_sales_1',
    inbound_canary: { agent_version_id: 'agv_front_desk_2', percent: 10 },
    nickname: 'Desk',
    label: 'ops',
  })

  test('Undo puts back only what the number still holds as the write asked: a side someone else moved since is theirs', () => {
    // The job asked both sides; its outbound part went through, then another admin moved the inbound side.
    expect(fieldsStillAsAsked({ inbound: 'agv_front_desk_1', outbound: 'agv_sales_1' }, now)).toEqual(['outbound'])
  })

  test('text compared as it is saved, canaries by version and share', () => {
    expect(
      fieldsStillAsAsked(
        { nickname: 'Desk', label: 'other', canary: { agent_version_id: 'agv_front_desk_2', percent: 10 } },
        { ...now, nickname: 'Desk\u200b' },
      ),
    ).toEqual(['nickname', 'canary'])
  })
})
