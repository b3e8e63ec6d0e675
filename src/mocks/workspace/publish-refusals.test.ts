import { createSeedWorkspace } from '@/mocks/seed'
import {
  create,
  MAIN,
  APPOINTMENTS,
  CHICAGO,
  UNASSIGNED,
  BRISBANE,
  NOT_IN_WORKSPACE,
  DRAFT,
  byE164,
  slots,
  expectRejected,
} from '@/mocks/workspace/workspace-test-support'

/**
 * What the publish call refuses (../shared/API.md), and the one archived-agent call it allows. Every
 * refusal also checks that the workspace is exactly as it was before the call.
 */

describe('POST /v1/agents/{agent_id}/versions/{version_id}/publish: what it refuses', () => {
  test('an unknown agent is 404 not_found', () => {
    const ws = create()
    expectRejected(
      ws,
      () => ws.publish('agt_nope', 'agv_front_desk_1', { phone_numbers: [UNASSIGNED] }),
      404,
      'not_found',
    )
  })

  test('a version of another agent (or no such version) is 404 not_found', () => {
    const ws = create()
    expectRejected(
      ws,
      () => ws.publish('agt_front_desk', 'agv_reminders_3', { phone_numbers: [UNASSIGNED] }),
      404,
      'not_found',
    )
    expectRejected(ws, () => ws.publish('agt_front_desk', 'agv_nope', {}), 404, 'not_found')
  })

  test("deploying an archived agent's version is 400 agent_archived", () => {
    const ws = create()
    const archived = { agent: 'agt_legacy_ivr', version: 'agv_legacy_ivr_2' }
    expectRejected(
      ws,
      () => ws.publish(archived.agent, archived.version, { phone_numbers: [UNASSIGNED] }),
      400,
      'agent_archived',
    )
    // phone_numbers present is a deploy, even with the unassign list beside it or an empty list
    expectRejected(
      ws,
      () =>
        ws.publish(archived.agent, archived.version, {
          phone_numbers: [UNASSIGNED],
          unassign_phone_numbers: [CHICAGO],
        }),
      400,
      'agent_archived',
    )
    expectRejected(ws, () => ws.publish(archived.agent, archived.version, { phone_numbers: [] }), 400, 'agent_archived')
  })

  test("publishing an archived agent's draft is 400 agent_archived, even an unassign-only call", () => {
    const data = createSeedWorkspace()
    const legacy = data.agents.find((a) => a.id === 'agt_legacy_ivr')!
    legacy.versions.push({
      id: 'agv_legacy_ivr_3',
      agent_id: legacy.id,
      version: 3,
      published: false,
      description: 'Draft never released',
      created_at: legacy.updated_at,
    })
    const ws = create(data)
    expectRejected(ws, () => ws.publish(legacy.id, 'agv_legacy_ivr_3', {}), 400, 'agent_archived')
    expectRejected(
      ws,
      () => ws.publish(legacy.id, 'agv_legacy_ivr_3', { unassign_phone_numbers: [CHICAGO], direction: 'both' }),
      400,
      'agent_archived',
    )
  })

  test("an unassign-only call through an archived agent's published version is allowed", () => {
    const ws = create()
    const { data } = ws.publish('agt_legacy_ivr', 'agv_legacy_ivr_1', {
      unassign_phone_numbers: [CHICAGO, BRISBANE],
      direction: 'both',
    })
    expect(slots(byE164(ws, CHICAGO))).toEqual({ inbound: null, outbound: null })
    expect(slots(byE164(ws, BRISBANE))).toEqual({ inbound: null, outbound: null })
    expect(data).toEqual([byE164(ws, CHICAGO), byE164(ws, BRISBANE)])
  })

  // All through a draft version, so a call that published before failing would show up.
  const invalidBodies: [string, unknown][] = [
    ['phone_numbers entry without +', { phone_numbers: [UNASSIGNED, '4155550123'] }],
    ['phone_numbers entry with spaces', { phone_numbers: ['+1 415 555 0123'] }],
    ['phone_numbers entry starting +0', { phone_numbers: ['+04155550123'] }],
    ['phone_numbers entry of 16 digits', { phone_numbers: ['+1234567890123456'] }],
    ['phone_numbers entry that is empty', { phone_numbers: [''] }],
    ['unassign_phone_numbers entry not E.164', { unassign_phone_numbers: [APPOINTMENTS, '415-555-0172'] }],
    ['phone_numbers entry not in this workspace', { phone_numbers: [UNASSIGNED, NOT_IN_WORKSPACE] }],
    [
      'unassign_phone_numbers entry not in this workspace',
      { unassign_phone_numbers: [APPOINTMENTS, NOT_IN_WORKSPACE] },
    ],
    ['a number in both lists', { phone_numbers: [UNASSIGNED, MAIN], unassign_phone_numbers: [APPOINTMENTS, MAIN] }],
    ['unknown direction "sideways"', { phone_numbers: [UNASSIGNED], direction: 'sideways' }],
    ['unknown direction "Inbound"', { phone_numbers: [UNASSIGNED], direction: 'Inbound' }],
    ['direction that is not a string', { unassign_phone_numbers: [APPOINTMENTS], direction: 1 }],
    ['direction given without lists', { direction: 'all' }],
    ['phone_numbers that is a string', { phone_numbers: UNASSIGNED }],
    ['phone_numbers that is an object', { phone_numbers: { 0: UNASSIGNED } }],
    ['phone_numbers with a non-string entry', { phone_numbers: [UNASSIGNED, 14155550123] }],
    ['phone_numbers that is null', { phone_numbers: null }],
    ['unassign_phone_numbers that is a string', { unassign_phone_numbers: APPOINTMENTS }],
    ['unassign_phone_numbers with a non-string entry', { unassign_phone_numbers: [APPOINTMENTS, null] }],
    ['a body that is an array', [UNASSIGNED]],
    ['a body that is a string', 'publish'],
    ['a body that is a number', 1],
  ]
  test.each(invalidBodies)('%s is 400 validation_failed', (_name, body) => {
    const ws = create()
    expectRejected(ws, () => ws.publish(DRAFT.agent, DRAFT.version, body), 400, 'validation_failed')
  })

  test('more than 1,000 numbers in one call is 400 validation_failed', () => {
    const ws = create(createSeedWorkspace({ numbers: 1200 }))
    const e164s = ws.allNumbers().map((n) => n.phone_number)
    for (const body of [
      { phone_numbers: e164s.slice(0, 1001) },
      { unassign_phone_numbers: e164s.slice(0, 1001) },
      { phone_numbers: e164s.slice(0, 600), unassign_phone_numbers: e164s.slice(600, 1001) },
    ]) {
      expectRejected(ws, () => ws.publish(DRAFT.agent, DRAFT.version, body), 400, 'validation_failed')
    }
  })
})
