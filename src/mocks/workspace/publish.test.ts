import { createSeedWorkspace } from '@/mocks/seed'
import {
  NOW,
  create,
  MAIN,
  BILLING,
  APPOINTMENTS,
  NEW_YORK,
  CHICAGO,
  UNASSIGNED,
  LONDON,
  MUNICH,
  SALES_1,
  DRAFT,
  byE164,
  version,
  slots,
} from '@/mocks/workspace/workspace-test-support'
import { agentSchema } from '@/types/api'

/**
 * GET /v1/agents and the publish call in the Workspace, against ../shared/API.md. Every error
 * case also checks that the workspace is exactly as it was before the call.
 */

describe('GET /v1/agents', () => {
  test('lists every agent, archived ones included, each with all its versions, newest last', () => {
    const seed = createSeedWorkspace()
    const agents = create(seed).listAgents().data
    expect(agents.map((a) => a.id)).toEqual(seed.agents.map((a) => a.id))
    expect(agents.find((a) => a.id === 'agt_legacy_ivr')?.archived_at).not.toBeNull()
    for (const agent of agents) {
      expect(agentSchema.parse(agent)).toEqual(agent)
      const source = seed.agents.find((a) => a.id === agent.id)!
      expect(new Set(agent.versions.map((v) => v.id))).toEqual(new Set(source.versions.map((v) => v.id)))
      const numbers = agent.versions.map((v) => v.version)
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
      expect(agent.versions.every((v) => v.agent_id === agent.id)).toBe(true)
    }
    // newest last even when the stored data holds the versions in another order
    const shuffled = createSeedWorkspace()
    for (const agent of shuffled.agents) agent.versions.reverse()
    expect(create(shuffled).listAgents()).toEqual(create(seed).listAgents())
  })
})

describe('POST /v1/agents/{agent_id}/versions/{version_id}/publish', () => {
  test('sets the version published', () => {
    const ws = create()
    expect(version(ws, DRAFT.version).published).toBe(false)
    expect(ws.publish(DRAFT.agent, DRAFT.version, {})).toEqual({ data: [] })
    expect(version(ws, DRAFT.version).published).toBe(true)
    // the other versions keep their flags
    const before = create()
      .listAgents()
      .data.flatMap((a) => a.versions)
    const after = ws.listAgents().data.flatMap((a) => a.versions)
    expect(after.filter((v) => v.id !== DRAFT.version).map((v) => v.published)).toEqual(
      before.filter((v) => v.id !== DRAFT.version).map((v) => v.published),
    )
    // an empty body (no JSON at all) is a publish-only call too
    const other = create()
    other.publish('agt_billing', 'agv_billing_4', undefined)
    expect(version(other, 'agv_billing_4').published).toBe(true)
  })

  test('every call publishes, even one that only unassigns', () => {
    const ws = create()
    const { data } = ws.publish(DRAFT.agent, DRAFT.version, {
      unassign_phone_numbers: [APPOINTMENTS],
      direction: 'both',
    })
    expect(version(ws, DRAFT.version).published).toBe(true)
    expect(slots(byE164(ws, APPOINTMENTS))).toEqual({ inbound: null, outbound: null })
    expect(data).toEqual([byE164(ws, APPOINTMENTS)])
  })

  test('omitting phone_numbers publishes without changing any assignment', () => {
    const ws = create()
    const before = ws.allNumbers()
    expect(ws.publish(DRAFT.agent, DRAFT.version, { direction: 'both' })).toEqual({ data: [] })
    expect(ws.publish('agt_front_desk', 'agv_front_desk_3', {})).toEqual({ data: [] })
    expect(ws.allNumbers()).toEqual(before)
  })

  test('direction inbound writes the inbound slot only', () => {
    const ws = create()
    ws.publish('agt_billing', 'agv_billing_2', { phone_numbers: [UNASSIGNED, NEW_YORK], direction: 'inbound' })
    expect(slots(byE164(ws, UNASSIGNED))).toEqual({ inbound: 'agv_billing_2', outbound: null })
    expect(slots(byE164(ws, NEW_YORK))).toEqual({ inbound: 'agv_billing_2', outbound: 'agv_sales_3' })
  })

  test('direction outbound writes the outbound slot only', () => {
    const ws = create()
    ws.publish('agt_billing', 'agv_billing_2', { phone_numbers: [UNASSIGNED, NEW_YORK], direction: 'outbound' })
    expect(slots(byE164(ws, UNASSIGNED))).toEqual({ inbound: null, outbound: 'agv_billing_2' })
    expect(slots(byE164(ws, NEW_YORK))).toEqual({ inbound: 'agv_front_desk_1', outbound: 'agv_billing_2' })
  })

  test('direction both writes both slots', () => {
    const ws = create()
    ws.publish('agt_billing', 'agv_billing_2', { phone_numbers: [UNASSIGNED, NEW_YORK], direction: 'both' })
    expect(slots(byE164(ws, UNASSIGNED))).toEqual({ inbound: 'agv_billing_2', outbound: 'agv_billing_2' })
    expect(slots(byE164(ws, NEW_YORK))).toEqual({ inbound: 'agv_billing_2', outbound: 'agv_billing_2' })
  })

  test('direction defaults to inbound', () => {
    const ws = create()
    ws.publish('agt_billing', 'agv_billing_2', { phone_numbers: [NEW_YORK] })
    expect(slots(byE164(ws, NEW_YORK))).toEqual({ inbound: 'agv_billing_2', outbound: 'agv_sales_3' })
    ws.publish('agt_sales', 'agv_sales_3', { unassign_phone_numbers: [NEW_YORK] })
    expect(slots(byE164(ws, NEW_YORK))).toEqual({ inbound: 'agv_billing_2', outbound: 'agv_sales_3' })
  })

  test('deploying a draft publishes it and puts it in the slot; any held version is replaced', () => {
    const ws = create()
    const { data } = ws.publish(DRAFT.agent, DRAFT.version, { phone_numbers: [CHICAGO, MAIN], direction: 'both' })
    expect(version(ws, DRAFT.version).published).toBe(true)
    // CHICAGO held the archived agent's version: replacing it is allowed
    expect(slots(byE164(ws, CHICAGO))).toEqual({ inbound: DRAFT.version, outbound: DRAFT.version })
    expect(slots(byE164(ws, MAIN))).toEqual({ inbound: DRAFT.version, outbound: DRAFT.version })
    expect(data).toEqual([byE164(ws, CHICAGO), byE164(ws, MAIN)])
    expect(data.every((n) => n.updated_at === NOW)).toBe(true)
  })

  test('unassign clears only slots holding any version of this agent; other agents are untouched, not an error', () => {
    const ws = create()
    // through version 3 of Front Desk: NEW_YORK holds version 1 inbound and Outbound Sales outbound
    const { data } = ws.publish('agt_front_desk', 'agv_front_desk_3', {
      unassign_phone_numbers: [NEW_YORK, MAIN, BILLING, UNASSIGNED],
      direction: 'both',
    })
    expect(slots(byE164(ws, NEW_YORK))).toEqual({ inbound: null, outbound: 'agv_sales_3' })
    expect(slots(byE164(ws, MAIN))).toEqual({ inbound: null, outbound: null })
    expect(slots(byE164(ws, BILLING))).toEqual({ inbound: 'agv_billing_3', outbound: 'agv_billing_3' })
    expect(byE164(ws, BILLING)).toEqual(byE164(create(), BILLING))
    expect(byE164(ws, UNASSIGNED)).toEqual(byE164(create(), UNASSIGNED))
    expect(data.map((n) => n.phone_number).sort()).toEqual([NEW_YORK, MAIN, BILLING, UNASSIGNED].sort())
  })

  test('unassign with direction inbound or outbound clears that slot only', () => {
    const ws = create()
    ws.publish('agt_reminders', 'agv_reminders_2', { unassign_phone_numbers: [MUNICH], direction: 'outbound' })
    expect(slots(byE164(ws, MUNICH))).toEqual({ inbound: 'agv_reminders_2', outbound: null })
    ws.publish('agt_reminders', 'agv_reminders_1', { unassign_phone_numbers: [APPOINTMENTS], direction: 'inbound' })
    expect(slots(byE164(ws, APPOINTMENTS))).toEqual({ inbound: null, outbound: 'agv_reminders_2' })
  })

  test('unassign with direction both clears both slots that hold this agent', () => {
    const ws = create()
    ws.publish('agt_reminders', 'agv_reminders_1', {
      unassign_phone_numbers: [APPOINTMENTS, LONDON, MUNICH],
      direction: 'both',
    })
    expect(slots(byE164(ws, APPOINTMENTS))).toEqual({ inbound: null, outbound: null })
    expect(slots(byE164(ws, LONDON))).toEqual({ inbound: 'agv_front_desk_3', outbound: null })
    expect(slots(byE164(ws, MUNICH))).toEqual({ inbound: null, outbound: null })
  })

  test('deploy and unassign in one call: the response lists every named number once, after the call', () => {
    const ws = create()
    const { data } = ws.publish('agt_sales', 'agv_sales_2', {
      phone_numbers: [UNASSIGNED, UNASSIGNED, MAIN],
      unassign_phone_numbers: [NEW_YORK, SALES_1, NEW_YORK],
      direction: 'outbound',
    })
    expect(slots(byE164(ws, UNASSIGNED))).toEqual({ inbound: null, outbound: 'agv_sales_2' })
    expect(slots(byE164(ws, MAIN))).toEqual({ inbound: 'agv_front_desk_3', outbound: 'agv_sales_2' })
    expect(slots(byE164(ws, NEW_YORK))).toEqual({ inbound: 'agv_front_desk_1', outbound: null })
    expect(slots(byE164(ws, SALES_1))).toEqual({ inbound: null, outbound: null })
    expect(data).toHaveLength(4)
    expect(new Set(data.map((n) => n.phone_number))).toEqual(new Set([UNASSIGNED, MAIN, NEW_YORK, SALES_1]))
    for (const n of data) expect(n).toEqual(ws.getPhoneNumber(n.id))
  })

  test('accepts up to 1,000 numbers in one call', () => {
    const ws = create(createSeedWorkspace({ numbers: 1200 }))
    const e164s = ws.allNumbers().map((n) => n.phone_number)
    const { data } = ws.publish('agt_survey', 'agv_survey_1', {
      phone_numbers: e164s.slice(0, 600),
      unassign_phone_numbers: e164s.slice(600, 1000),
      direction: 'outbound',
    })
    expect(data).toHaveLength(1000)
    expect(
      ws
        .allNumbers()
        .slice(0, 600)
        .every((n) => n.outbound_agent_version_id === 'agv_survey_1'),
    ).toBe(true)
  })
})
