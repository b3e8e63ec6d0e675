import { createSeedRecords, createSeedWorkspace } from '@/mocks/seed'
import { Workspace } from '@/mocks/workspace'
import {
  NOW,
  NOW_PLUS_1MS,
  create,
  plus1ms,
  MAIN,
  NEW_YORK,
  UNASSIGNED,
  TOLL_FREE,
  SEATTLE,
  DENVER,
  UK_PENDING,
  RENEWALS_BACKUP,
  BILLING,
  byE164,
} from '@/mocks/workspace/workspace-test-support'
import { phoneNumberSchema } from '@/types/api'

/**
 * Version 2's fields on PhoneNumber, and `updated_at`: it changes on every write that changes a
 * field, always moves forward (never two changes with the same value), and stays on a no-op write.
 */

describe('the new fields of a PhoneNumber', () => {
  test('every number carries inbound_canary, inbound_webhook_url and import_error, valid by the schema', () => {
    const ws = create(createSeedWorkspace({ numbers: 2000 }))
    for (const n of ws.allNumbers()) {
      expect(Object.keys(n)).toEqual(expect.arrayContaining(['inbound_canary', 'inbound_webhook_url', 'import_error']))
      expect(phoneNumberSchema.parse(n)).toEqual(n)
    }
  })

  test('the curated rows hold what the fixtures say', () => {
    const ws = create()
    expect(byE164(ws, TOLL_FREE).inbound_canary).toEqual({ agent_version_id: 'agv_front_desk_3', percent: 10 })
    expect(byE164(ws, SEATTLE).inbound_canary).toEqual({ agent_version_id: 'agv_triage_2', percent: 5 })
    expect(byE164(ws, DENVER).inbound_webhook_url).toMatch(/^https:\/\//)
    expect(byE164(ws, UK_PENDING)).toMatchObject({ status: 'pending', import_error: expect.any(String) as string })
    expect(byE164(ws, RENEWALS_BACKUP)).toMatchObject({ status: 'active', import_error: expect.any(String) as string })
    expect(byE164(ws, MAIN)).toMatchObject({ inbound_canary: null, inbound_webhook_url: null, import_error: null })
  })

  test('records are copies: changing a returned canary does not change the workspace', () => {
    const ws = create()
    const id = byE164(ws, TOLL_FREE).id
    ws.getPhoneNumber(id).inbound_canary!.percent = 99
    ws.listPhoneNumbers(new URLSearchParams({ limit: '200' })).data.find((n) => n.id === id)!.inbound_canary!.percent =
      98
    expect(ws.getPhoneNumber(id).inbound_canary?.percent).toBe(10)
    const written = ws.putInboundCanary(byE164(ws, MAIN).id, { agent_version_id: 'agv_billing_3', percent: 30 })
    written.inbound_canary!.percent = 1
    expect(ws.getPhoneNumber(written.id).inbound_canary?.percent).toBe(30)
  })

  test('the new fields survive changes() and applyChanges()', () => {
    const ws = create()
    ws.putInboundCanary(byE164(ws, MAIN).id, { agent_version_id: 'agv_billing_3', percent: 30 })
    ws.patchPhoneNumber(byE164(ws, BILLING).id, { inbound_webhook_url: 'https://example.com/vars' })
    ws.deleteInboundCanary(byE164(ws, TOLL_FREE).id)
    const restored = new Workspace(createSeedWorkspace())
    restored.applyChanges(JSON.parse(JSON.stringify(ws.changes())) as ReturnType<Workspace['changes']>)
    expect(restored.allNumbers()).toEqual(ws.allNumbers())
  })

  test('a computed seed and the same numbers as plain records agree on the new fields', () => {
    const size = 3000
    const fromSeed = create(createSeedWorkspace({ numbers: size })).allNumbers()
    expect(fromSeed).toEqual(createSeedRecords({ numbers: size }).numbers)
  })
})

describe('updated_at', () => {
  test('a write takes the clock time when it is later than the number’s updated_at', () => {
    const ws = create()
    expect(ws.patchPhoneNumber(byE164(ws, MAIN).id, { nickname: 'A' }).updated_at).toBe(NOW)
  })

  test('moves forward by a millisecond when the clock has not moved', () => {
    const ws = create()
    const id = byE164(ws, MAIN).id
    const times = [
      ws.patchPhoneNumber(id, { nickname: 'A' }).updated_at,
      ws.patchPhoneNumber(id, { nickname: 'B' }).updated_at,
      ws.publish('agt_sales', 'agv_sales_1', { phone_numbers: [MAIN], direction: 'outbound' }).data[0]!.updated_at,
      ws.putInboundCanary(id, { agent_version_id: 'agv_billing_3', percent: 30 }).updated_at,
      ws.deleteInboundCanary(id).updated_at,
    ]
    const msAfterNow = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString()
    expect(times).toEqual([NOW, NOW_PLUS_1MS, msAfterNow(2), msAfterNow(3), msAfterNow(4)])
  })

  test('moves forward even when the clock goes back', () => {
    let clock = Date.parse('2030-01-01T00:00:00.000Z')
    const ws = new Workspace(createSeedWorkspace(), () => new Date(clock))
    const id = byE164(ws, MAIN).id
    const first = ws.patchPhoneNumber(id, { nickname: 'A' }).updated_at
    clock -= 60_000
    expect(ws.patchPhoneNumber(id, { nickname: 'B' }).updated_at).toBe(plus1ms(first))
    clock += 3_600_000
    expect(ws.patchPhoneNumber(id, { nickname: 'C' }).updated_at).toBe(new Date(clock).toISOString())
  })

  test('a number seeded with an updated_at later than the clock still moves forward', () => {
    const ws = new Workspace(createSeedWorkspace(), () => new Date('2024-01-01T00:00:00.000Z'))
    for (const n of ws.allNumbers()) {
      expect(ws.patchPhoneNumber(n.id, { nickname: `renamed ${n.id}` }).updated_at).toBe(plus1ms(n.updated_at))
    }
  })

  test('every no-op write keeps updated_at and stores nothing', () => {
    const ws = create()
    const main = byE164(ws, MAIN)
    const tollFree = byE164(ws, TOLL_FREE)
    const unchanged = [
      () => ws.patchPhoneNumber(main.id, { nickname: '  Main Support Line ', label: 'cc-4410' }),
      () => ws.patchPhoneNumber(main.id, { inbound_webhook_url: null }),
      () => ws.patchPhoneNumber(tollFree.id, { inbound_webhook_url: tollFree.inbound_webhook_url }),
      () => ws.patchPhoneNumber(main.id, { expected_updated_at: main.updated_at }),
      () => ws.publish('agt_front_desk', 'agv_front_desk_3', { phone_numbers: [MAIN] }), // the version it holds
      () => ws.publish('agt_billing', 'agv_billing_1', { unassign_phone_numbers: [MAIN, UNASSIGNED] }), // another agent
      () => ws.putInboundCanary(tollFree.id, { agent_version_id: 'agv_front_desk_3', percent: 10 }),
      () => ws.deleteInboundCanary(main.id),
    ]
    for (const write of unchanged) {
      write()
      expect(byE164(ws, MAIN)).toEqual(main)
      expect(byE164(ws, TOLL_FREE)).toEqual(tollFree)
      expect(byE164(ws, UNASSIGNED)).toEqual(byE164(create(), UNASSIGNED))
    }
    expect(ws.changes().numbers).toEqual([])
  })

  test('a publish moves updated_at only for the numbers whose slots or canary changed', () => {
    const ws = create()
    const before = byE164(ws, NEW_YORK)
    const { data } = ws.publish('agt_sales', 'agv_sales_3', {
      phone_numbers: [NEW_YORK, UNASSIGNED],
      direction: 'outbound',
    })
    expect(data.find((n) => n.phone_number === NEW_YORK)).toEqual(before) // already held sales_3 outbound
    expect(data.find((n) => n.phone_number === UNASSIGNED)?.updated_at).toBe(NOW)
  })
})
