import { createSeedWorkspace } from '@/mocks/seed'
import type { Workspace } from '@/mocks/workspace'
import { MALFORMED_JSON } from '@/mocks/workspace/request-parsing'
import {
  create,
  MAIN,
  UNASSIGNED,
  NOT_IN_WORKSPACE,
  DRAFT,
  ARCHIVED,
  SUPPORT_KEY,
  byE164,
  expectRejected,
  query,
} from '@/mocks/workspace/workspace-test-support'

/**
 * API.md, "Errors": when several errors apply, the server answers the first of 401, 403, 404,
 * 400 validation_failed for the request itself, agent_archived, version_not_published, 409
 * precondition_failed, then 400s that depend on the number's state. Each case below has (at
 * least) two errors that apply; the earlier one must win. 401 and 403 of the endpoint's own
 * scope come from the handlers (handlers-v2.test.ts).
 */

/** The updated_at MAIN had before "another admin" moved it on. */
function staleMain(ws: Workspace): string {
  const seen = byE164(ws, MAIN).updated_at
  ws.setSlots(byE164(ws, MAIN).id, { outbound_agent_version_id: 'agv_survey_1' })
  return seen
}

/** A workspace whose archived agent also has a draft (the seed's has none). */
function withArchivedDraft(): Workspace {
  const data = createSeedWorkspace()
  const legacy = data.agents.find((a) => a.id === ARCHIVED.agent)!
  legacy.versions.push({ ...legacy.versions[0]!, id: 'agv_legacy_ivr_3', version: 3, published: false })
  return create(data)
}

const HOOK = 'https://hooks.example.com/vars'

describe('PATCH /v1/phone-numbers/{id}', () => {
  test('403 (the webhook URL without agents:manage) before 404', () => {
    const ws = create()
    const patch = () => ws.patchPhoneNumber('phn_nope', { inbound_webhook_url: HOOK }, { key: SUPPORT_KEY })
    expectRejected(ws, patch, 403, 'insufficient_scope')
  })

  test('403 before 400', () => {
    const ws = create()
    const patch = () =>
      ws.patchPhoneNumber(byE164(ws, MAIN).id, { inbound_webhook_url: 'http://x' }, { key: SUPPORT_KEY })
    expectRejected(ws, patch, 403, 'insufficient_scope')
  })

  test('404 before 400 (an invalid value, or a body that is not JSON)', () => {
    const ws = create()
    expectRejected(ws, () => ws.patchPhoneNumber('phn_nope', { nickname: 42 }), 404, 'not_found')
    expectRejected(ws, () => ws.patchPhoneNumber('phn_nope', MALFORMED_JSON), 404, 'not_found')
    expectRejected(ws, () => ws.patchPhoneNumber(byE164(ws, MAIN).id, MALFORMED_JSON), 400, 'validation_failed')
  })

  test('400 before 409', () => {
    const ws = create()
    const seen = staleMain(ws)
    const id = byE164(ws, MAIN).id
    expectRejected(
      ws,
      () => ws.patchPhoneNumber(id, { nickname: 42, expected_updated_at: seen }),
      400,
      'validation_failed',
    )
    expectRejected(
      ws,
      () => ws.patchPhoneNumber(id, { status: 'pending', expected_updated_at: seen }),
      400,
      'validation_failed',
    )
    expectRejected(
      ws,
      () => ws.patchPhoneNumber(id, { nickname: 'ok', expected_updated_at: seen }),
      409,
      'precondition_failed',
    )
  })
})

describe('PUT /v1/phone-numbers/{id}/inbound-canary', () => {
  test('404 before 400', () => {
    const ws = create()
    expectRejected(
      ws,
      () => ws.putInboundCanary('phn_nope', { agent_version_id: 'agv_nope', percent: 0 }),
      404,
      'not_found',
    )
  })

  test('400 for the request itself before agent_archived and version_not_published', () => {
    const ws = create()
    const id = byE164(ws, MAIN).id
    expectRejected(
      ws,
      () => ws.putInboundCanary(id, { agent_version_id: ARCHIVED.version, percent: 0 }),
      400,
      'validation_failed',
    )
    expectRejected(
      ws,
      () => ws.putInboundCanary(id, { agent_version_id: DRAFT.version, percent: 100 }),
      400,
      'validation_failed',
    )
    expectRejected(
      ws,
      () => ws.putInboundCanary(id, { agent_version_id: DRAFT.version, percent: 5, colour: 'red' }),
      400,
      'validation_failed',
    )
  })

  test('agent_archived before version_not_published (a draft of an archived agent)', () => {
    const ws = withArchivedDraft()
    const put = () => ws.putInboundCanary(byE164(ws, MAIN).id, { agent_version_id: 'agv_legacy_ivr_3', percent: 5 })
    expectRejected(ws, put, 400, 'agent_archived')
  })

  test('agent_archived and version_not_published before 409', () => {
    const ws = create()
    const seen = staleMain(ws)
    const id = byE164(ws, MAIN).id
    const body = (agent_version_id: string) => ({ agent_version_id, percent: 5, expected_updated_at: seen })
    expectRejected(ws, () => ws.putInboundCanary(id, body(ARCHIVED.version)), 400, 'agent_archived')
    expectRejected(ws, () => ws.putInboundCanary(id, body(DRAFT.version)), 400, 'version_not_published')
    expectRejected(ws, () => ws.putInboundCanary(id, body('agv_billing_3')), 409, 'precondition_failed')
  })

  test("409 before the 400s of the number's state (empty inbound slot, the slot's own version)", () => {
    const ws = create()
    const seen = staleMain(ws)
    const id = byE164(ws, MAIN).id
    const slotVersion = byE164(ws, MAIN).inbound_agent_version_id!
    const put = (agent_version_id: string) => () =>
      ws.putInboundCanary(id, { agent_version_id, percent: 5, expected_updated_at: seen })
    expectRejected(ws, put(slotVersion), 409, 'precondition_failed')
    ws.publish('agt_front_desk', slotVersion, { unassign_phone_numbers: [MAIN] })
    const emptied = byE164(ws, MAIN)
    expect(emptied.inbound_agent_version_id).toBeNull()
    expectRejected(ws, put('agv_billing_3'), 409, 'precondition_failed')
    const current = { agent_version_id: 'agv_billing_3', percent: 5, expected_updated_at: emptied.updated_at }
    expectRejected(ws, () => ws.putInboundCanary(id, current), 400, 'validation_failed')
  })

  test("agent_archived and version_not_published before the 400s of the number's state", () => {
    const ws = create()
    const id = byE164(ws, UNASSIGNED).id // empty inbound slot
    expectRejected(
      ws,
      () => ws.putInboundCanary(id, { agent_version_id: ARCHIVED.version, percent: 5 }),
      400,
      'agent_archived',
    )
    expectRejected(
      ws,
      () => ws.putInboundCanary(id, { agent_version_id: DRAFT.version, percent: 5 }),
      400,
      'version_not_published',
    )
  })
})

describe('DELETE /v1/phone-numbers/{id}/inbound-canary', () => {
  test('404 before 400', () => {
    const ws = create()
    expectRejected(
      ws,
      () => ws.deleteInboundCanary('phn_nope', query({ expected_updated_at: 'soon' })),
      404,
      'not_found',
    )
  })
})

describe('POST /v1/agents/{agent_id}/versions/{version_id}/publish', () => {
  test('404 before 400', () => {
    const ws = create()
    expectRejected(ws, () => ws.publish('agt_nope', 'agv_nope', { direction: 'sideways' }), 404, 'not_found')
    expectRejected(ws, () => ws.publish('agt_front_desk', 'agv_billing_1', MALFORMED_JSON), 404, 'not_found')
  })

  test('400 for the request itself before agent_archived', () => {
    const ws = create()
    const deploy = (body: object) => () => ws.publish(ARCHIVED.agent, ARCHIVED.version, body)
    expectRejected(ws, deploy({ phone_numbers: [NOT_IN_WORKSPACE] }), 400, 'validation_failed')
    expectRejected(
      ws,
      deploy({ phone_numbers: [MAIN], expected_updated_at: { [UNASSIGNED]: byE164(ws, UNASSIGNED).updated_at } }),
      400,
      'validation_failed',
    )
    expectRejected(ws, deploy({ phone_numbers: [MAIN] }), 400, 'agent_archived')
  })

  test('agent_archived before 409', () => {
    const ws = create()
    const seen = staleMain(ws)
    const body = { phone_numbers: [MAIN], expected_updated_at: { [MAIN]: seen } }
    expectRejected(ws, () => ws.publish(ARCHIVED.agent, ARCHIVED.version, body), 400, 'agent_archived')
    expectRejected(ws, () => ws.publish(DRAFT.agent, DRAFT.version, body), 409, 'precondition_failed')
  })

  test('400 (an entry for a number in neither list) before 409 (a stale entry)', () => {
    const ws = create()
    const seen = staleMain(ws)
    const body = {
      phone_numbers: [MAIN],
      expected_updated_at: { [MAIN]: seen, [UNASSIGNED]: byE164(ws, UNASSIGNED).updated_at },
    }
    expectRejected(ws, () => ws.publish(DRAFT.agent, DRAFT.version, body), 400, 'validation_failed')
  })
})
