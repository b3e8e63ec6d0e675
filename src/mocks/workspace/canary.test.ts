import { createSeedWorkspace } from '@/mocks/seed'
import {
  NOW,
  create,
  MAIN,
  NEW_YORK,
  CHICAGO,
  UNASSIGNED,
  LONDON,
  TOLL_FREE,
  SEATTLE,
  DENVER,
  DRAFT,
  ARCHIVED,
  byE164,
  expectRejected,
} from '@/mocks/workspace/workspace-test-support'

/**
 * The inbound canary (API.md): PUT and DELETE /v1/phone-numbers/{id}/inbound-canary, and the rules
 * by which it follows its slot on publish. Every refusal also checks that nothing changed.
 */

const canary = (agent_version_id: string, percent: number) => ({ agent_version_id, percent })

describe('PUT /v1/phone-numbers/{id}/inbound-canary', () => {
  test('sets a canary beside the inbound version and answers the updated number', () => {
    const ws = create()
    const main = byE164(ws, MAIN)
    const updated = ws.putInboundCanary(main.id, { agent_version_id: 'agv_front_desk_2', percent: 15 })
    expect(updated).toEqual({ ...main, inbound_canary: canary('agv_front_desk_2', 15), updated_at: NOW })
    expect(ws.getPhoneNumber(main.id)).toEqual(updated)
  })

  test('replaces a canary (version, percent or both)', () => {
    const ws = create()
    const id = byE164(ws, TOLL_FREE).id
    expect(ws.putInboundCanary(id, { agent_version_id: 'agv_front_desk_3', percent: 50 }).inbound_canary).toEqual(
      canary('agv_front_desk_3', 50),
    )
    expect(ws.putInboundCanary(id, { agent_version_id: 'agv_sales_1', percent: 50 }).inbound_canary).toEqual(
      canary('agv_sales_1', 50),
    )
  })

  test('a version of any agent may be the canary, and the percent takes 1 to 99', () => {
    const ws = create()
    const id = byE164(ws, NEW_YORK).id
    for (const [version, percent] of [
      ['agv_soporte_2', 1],
      ['agv_billing_1', 99],
      ['agv_front_desk_3', 50],
    ] as const) {
      expect(ws.putInboundCanary(id, { agent_version_id: version, percent }).inbound_canary).toEqual(
        canary(version, percent),
      )
    }
    // the version the outbound slot holds is fine too: only the inbound slot's own version is refused
    expect(ws.putInboundCanary(id, { agent_version_id: 'agv_sales_3', percent: 5 }).inbound_canary).toEqual(
      canary('agv_sales_3', 5),
    )
  })

  test.each([
    ['percent 0', { agent_version_id: 'agv_billing_3', percent: 0 }],
    ['percent 100', { agent_version_id: 'agv_billing_3', percent: 100 }],
    ['percent 10.5', { agent_version_id: 'agv_billing_3', percent: 10.5 }],
    ['percent as a string', { agent_version_id: 'agv_billing_3', percent: '10' }],
    ['percent missing', { agent_version_id: 'agv_billing_3' }],
    ['percent null', { agent_version_id: 'agv_billing_3', percent: null }],
    ['agent_version_id missing', { percent: 10 }],
    ['agent_version_id empty', { agent_version_id: '', percent: 10 }],
    ['agent_version_id not a string', { agent_version_id: 3, percent: 10 }],
    ['an unknown version', { agent_version_id: 'agv_nope', percent: 10 }],
    ['an agent id instead of a version', { agent_version_id: 'agt_billing', percent: 10 }],
    ['an unknown field', { agent_version_id: 'agv_billing_3', percent: 10, weight: 0.1 }],
    ['a read-only field', { agent_version_id: 'agv_billing_3', percent: 10, inbound_agent_version_id: null }],
    ['a body that is an array', [{ agent_version_id: 'agv_billing_3', percent: 10 }]],
    ['a body that is null', null],
    ['no body', undefined],
  ])('%s is 400 validation_failed, and nothing changes', (_name, body) => {
    const ws = create()
    expectRejected(ws, () => ws.putInboundCanary(byE164(ws, MAIN).id, body), 400, 'validation_failed')
  })

  test('the inbound slot empty is 400 validation_failed', () => {
    const ws = create()
    for (const e164 of [UNASSIGNED, '+16465550161' /* outbound only */]) {
      const error = expectRejected(
        ws,
        () => ws.putInboundCanary(byE164(ws, e164).id, { agent_version_id: 'agv_billing_3', percent: 10 }),
        400,
        'validation_failed',
      )
      expect(error.details).toEqual([{ field: 'agent_version_id', message: 'the inbound slot is empty' }])
    }
  })

  test('the version the inbound slot holds is 400 validation_failed', () => {
    const ws = create()
    expectRejected(
      ws,
      () => ws.putInboundCanary(byE164(ws, MAIN).id, { agent_version_id: 'agv_front_desk_3', percent: 10 }),
      400,
      'validation_failed',
    )
  })

  test('a draft is 400 version_not_published (publish it first, then it is accepted)', () => {
    const ws = create()
    const id = byE164(ws, MAIN).id
    const body = { agent_version_id: DRAFT.version, percent: 10 }
    expectRejected(ws, () => ws.putInboundCanary(id, body), 400, 'version_not_published')
    ws.publish(DRAFT.agent, DRAFT.version, {})
    expect(ws.putInboundCanary(id, body).inbound_canary).toEqual(canary(DRAFT.version, 10))
  })

  test("an archived agent's version is 400 agent_archived", () => {
    const ws = create()
    expectRejected(
      ws,
      () => ws.putInboundCanary(byE164(ws, MAIN).id, { agent_version_id: ARCHIVED.version, percent: 10 }),
      400,
      'agent_archived',
    )
    // also on a number whose slot holds that archived agent already
    expectRejected(
      ws,
      () => ws.putInboundCanary(byE164(ws, CHICAGO).id, { agent_version_id: 'agv_legacy_ivr_1', percent: 10 }),
      400,
      'agent_archived',
    )
  })

  test('a canary beside an archived agent’s inbound version is allowed', () => {
    const ws = create()
    expect(
      ws.putInboundCanary(byE164(ws, CHICAGO).id, { agent_version_id: 'agv_front_desk_3', percent: 20 }).inbound_canary,
    ).toEqual(canary('agv_front_desk_3', 20))
  })

  test('an unknown number is 404 not_found', () => {
    const ws = create()
    expectRejected(
      ws,
      () => ws.putInboundCanary('phn_nope', { agent_version_id: 'agv_billing_3', percent: 10 }),
      404,
      'not_found',
    )
  })
})

describe('DELETE /v1/phone-numbers/{id}/inbound-canary', () => {
  test('removes the canary and answers the number', () => {
    const ws = create()
    const tollFree = byE164(ws, TOLL_FREE)
    const updated = ws.deleteInboundCanary(tollFree.id)
    expect(updated).toEqual({ ...tollFree, inbound_canary: null, updated_at: NOW })
    expect(ws.getPhoneNumber(tollFree.id)).toEqual(updated)
  })

  test('removing a canary that is not there succeeds and changes nothing', () => {
    const ws = create()
    const main = byE164(ws, MAIN)
    expect(ws.deleteInboundCanary(main.id)).toEqual(main)
    expect(ws.changes().numbers).toEqual([])
  })

  test('an unknown number is 404 not_found', () => {
    const ws = create()
    expectRejected(ws, () => ws.deleteInboundCanary('phn_nope'), 404, 'not_found')
  })
})

describe('publish: the canary follows its slot', () => {
  test("deploying the canary's version to the inbound slot promotes it: the canary is removed", () => {
    const ws = create()
    const [number] = ws.publish('agt_front_desk', 'agv_front_desk_3', { phone_numbers: [TOLL_FREE] }).data
    expect(number).toMatchObject({ inbound_agent_version_id: 'agv_front_desk_3', inbound_canary: null })
    // a canary of another agent is promoted the same way, with direction both
    ws.publish('agt_triage', 'agv_triage_2', { phone_numbers: [SEATTLE], direction: 'both' })
    expect(byE164(ws, SEATTLE)).toMatchObject({
      inbound_agent_version_id: 'agv_triage_2',
      outbound_agent_version_id: 'agv_triage_2',
      inbound_canary: null,
    })
  })

  test('clearing the inbound slot removes the canary with it', () => {
    const ws = create()
    ws.publish('agt_front_desk', 'agv_front_desk_2', { unassign_phone_numbers: [TOLL_FREE], direction: 'both' })
    expect(byE164(ws, TOLL_FREE)).toMatchObject({ inbound_agent_version_id: null, inbound_canary: null })
    ws.publish('agt_reminders', 'agv_reminders_1', { unassign_phone_numbers: [DENVER] })
    expect(byE164(ws, DENVER)).toMatchObject({ inbound_agent_version_id: null, inbound_canary: null })
  })

  test('deploying any other version to the inbound slot keeps the canary', () => {
    const ws = create()
    ws.publish('agt_front_desk', 'agv_front_desk_1', { phone_numbers: [TOLL_FREE] })
    expect(byE164(ws, TOLL_FREE)).toMatchObject({
      inbound_agent_version_id: 'agv_front_desk_1',
      inbound_canary: canary('agv_front_desk_3', 10),
    })
    ws.publish('agt_billing', 'agv_billing_4', { phone_numbers: [SEATTLE] }) // a draft, published by the call
    expect(byE164(ws, SEATTLE).inbound_canary).toEqual(canary('agv_triage_2', 5))
  })

  test("outbound writes never touch the canary, not even with the canary's version", () => {
    const ws = create()
    ws.publish('agt_front_desk', 'agv_front_desk_3', { phone_numbers: [TOLL_FREE], direction: 'outbound' })
    expect(byE164(ws, TOLL_FREE)).toMatchObject({
      inbound_agent_version_id: 'agv_front_desk_2',
      outbound_agent_version_id: 'agv_front_desk_3',
      inbound_canary: canary('agv_front_desk_3', 10),
    })
    ws.publish('agt_survey', 'agv_survey_1', { unassign_phone_numbers: [SEATTLE], direction: 'both' })
    expect(byE164(ws, SEATTLE)).toMatchObject({
      outbound_agent_version_id: null,
      inbound_canary: canary('agv_triage_2', 5),
    })
  })

  test('unassigning an agent that is only the canary leaves slot and canary alone', () => {
    const ws = create()
    const before = byE164(ws, SEATTLE)
    const { data } = ws.publish('agt_triage', 'agv_triage_1', { unassign_phone_numbers: [SEATTLE], direction: 'both' })
    expect(data).toEqual([before])
  })

  test('each number of a bulk call follows its own canary', () => {
    const ws = create()
    ws.publish('agt_front_desk', 'agv_front_desk_3', { phone_numbers: [TOLL_FREE, SEATTLE, DENVER, LONDON] })
    expect([TOLL_FREE, SEATTLE, DENVER, LONDON].map((e164) => byE164(ws, e164).inbound_canary)).toEqual([
      null,
      canary('agv_triage_2', 5),
      canary('agv_reminders_2', 25),
      null,
    ])
  })

  test('no number ends with a canary equal to its inbound version or beside an empty slot', () => {
    const ws = create(createSeedWorkspace({ numbers: 600 }))
    const e164s = ws.allNumbers().map((n) => n.phone_number)
    ws.publish('agt_front_desk', 'agv_front_desk_3', { phone_numbers: e164s.slice(0, 300) })
    ws.publish('agt_billing', 'agv_billing_2', { phone_numbers: e164s.slice(300, 450), direction: 'both' })
    ws.publish('agt_reminders', 'agv_reminders_1', { unassign_phone_numbers: e164s.slice(450), direction: 'both' })
    for (const n of ws.allNumbers()) {
      if (n.inbound_canary === null) continue
      expect(n.inbound_agent_version_id).not.toBeNull()
      expect(n.inbound_canary.agent_version_id).not.toBe(n.inbound_agent_version_id)
    }
  })
})
