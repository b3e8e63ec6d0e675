import { createSeedRecords } from '@/mocks/seed'
import type { Workspace } from '@/mocks/workspace'
import {
  create,
  MAIN,
  TOLL_FREE,
  UNASSIGNED,
  DRAFT,
  byE164,
  expectRejected,
  query,
} from '@/mocks/workspace/workspace-test-support'

/**
 * "Another admin" (Workspace.changeAsAnotherAdmin, and setSlots): any field an event names, in one
 * write with one event, keeping what must always hold of slots and canaries.
 */

const fresh = () => create({ ...createSeedRecords(), events: [] })
const eventsOf = (ws: Workspace, e164: string) => ws.listEvents(query({ phone_number_id: byE164(ws, e164).id })).data

describe('changeAsAnotherAdmin', () => {
  test('changes several fields in one write, recorded as one event by another-admin', () => {
    const ws = fresh()
    const changed = ws.changeAsAnotherAdmin(byE164(ws, MAIN).id, {
      outbound_agent_version_id: 'agv_sales_2',
      inbound_canary: { agent_version_id: 'agv_billing_1', percent: 40 },
      nickname: 'Theirs',
      label: '',
      inbound_webhook_url: 'https://theirs.example/vars',
    })
    expect(changed).toMatchObject({
      outbound_agent_version_id: 'agv_sales_2',
      inbound_canary: { agent_version_id: 'agv_billing_1', percent: 40 },
      nickname: 'Theirs',
      label: null,
      inbound_webhook_url: 'https://theirs.example/vars',
    })
    const [event, ...rest] = eventsOf(ws, MAIN)
    expect(rest).toEqual([])
    expect(event).toMatchObject({ actor: 'another-admin', at: changed.updated_at })
    expect(event!.changes.map((c) => c.field).sort()).toEqual([
      'inbound_canary',
      'inbound_webhook_url',
      'label',
      'nickname',
      'outbound_agent_version_id',
    ])
  })

  test('the canary follows the inbound slot: promoted, or removed with the slot', () => {
    const ws = fresh()
    const id = byE164(ws, TOLL_FREE).id
    expect(ws.changeAsAnotherAdmin(id, { inbound_agent_version_id: 'agv_front_desk_3' }).inbound_canary).toBeNull()
    ws.changeAsAnotherAdmin(id, { inbound_canary: { agent_version_id: 'agv_sales_1', percent: 5 } })
    expect(ws.setSlots(id, { inbound_agent_version_id: null }).inbound_canary).toBeNull()
  })

  test('a draft may land in a slot (the page’s tests need it); a change to the same values records nothing', () => {
    const ws = fresh()
    const id = byE164(ws, MAIN).id
    expect(ws.setSlots(id, { outbound_agent_version_id: DRAFT.version }).outbound_agent_version_id).toBe(DRAFT.version)
    const before = byE164(ws, MAIN)
    ws.changeAsAnotherAdmin(id, { outbound_agent_version_id: DRAFT.version, nickname: before.nickname })
    expect(byE164(ws, MAIN)).toEqual(before)
    expect(eventsOf(ws, MAIN)).toHaveLength(1)
  })

  test.each([
    ['an unknown field', { colour: 'red' }],
    ['a read-only field', { import_error: 'oops' }],
    ['an unknown version', { inbound_agent_version_id: 'agv_nope' }],
    [
      'a canary beside an empty inbound slot',
      { inbound_agent_version_id: null, inbound_canary: { agent_version_id: 'agv_sales_1', percent: 5 } },
    ],
    ['a canary equal to the inbound version', { inbound_canary: { agent_version_id: 'agv_front_desk_3', percent: 5 } }],
    ['a canary of an unknown version', { inbound_canary: { agent_version_id: 'agv_nope', percent: 5 } }],
    ['a canary percent of 100', { inbound_canary: { agent_version_id: 'agv_sales_1', percent: 100 } }],
    ['a nickname too long', { nickname: 'x'.repeat(256) }],
    ['a webhook over http', { inbound_webhook_url: 'http://theirs.example' }],
    ['not an object', 'rename'],
  ])('%s is 400, and nothing changes', (_name, changes) => {
    const ws = fresh()
    expectRejected(ws, () => ws.changeAsAnotherAdmin(byE164(ws, MAIN).id, changes), 400, 'validation_failed')
  })

  test('an unknown number is 404', () => {
    const ws = fresh()
    expectRejected(ws, () => ws.changeAsAnotherAdmin('phn_nope', { nickname: 'x' }), 404, 'not_found')
    expect(byE164(ws, UNASSIGNED).nickname).toBeNull()
  })
})
