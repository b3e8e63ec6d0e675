import { createSeedRecords } from '@/mocks/seed'
import { DIRECT_ACTOR, Workspace } from '@/mocks/workspace'
import {
  NOW,
  create,
  MAIN,
  BILLING,
  APPOINTMENTS,
  NEW_YORK,
  UNASSIGNED,
  TOLL_FREE,
  SEATTLE,
  ADMIN_KEY,
  SUPPORT_KEY,
  byE164,
  expectRejected,
  query,
} from '@/mocks/workspace/workspace-test-support'
import { EVENTS_KEPT, eventListSchema, type ChangeEvent } from '@/types/api'

/**
 * GET /v1/events and what writes record (API.md): one event per changed number per write, with
 * each changed field's old and new value, the key's name, the decoded reason, and `at` equal to the
 * number's new `updated_at`; newest first; paging; filters; a log bounded to the newest 10,000.
 * A workspace with no seeded history, so that every event here comes from the test's writes.
 */

function fresh(): Workspace {
  return create({ ...createSeedRecords(), events: [] })
}

/** The events the test's writes recorded, newest first. */
function recorded(ws: Workspace, params: Record<string, string | number> = {}): ChangeEvent[] {
  const list = ws.listEvents(query({ limit: 200, ...params }))
  expect(eventListSchema.parse(list)).toEqual(list)
  return list.data
}

const sortChanges = (event: ChangeEvent) => [...event.changes].sort((a, b) => (a.field < b.field ? -1 : 1))

describe('what a write records', () => {
  test('PATCH: one event listing each changed field with its old and new value; the key is the actor', () => {
    const ws = fresh()
    const main = byE164(ws, MAIN)
    const updated = ws.patchPhoneNumber(
      main.id,
      { nickname: 'Front Line', label: 'cc-4410', inbound_webhook_url: 'https://h.example/v' },
      { key: ADMIN_KEY },
    )
    const [event, ...rest] = recorded(ws)
    expect(rest).toEqual([])
    expect(event).toEqual({
      id: expect.stringMatching(/^evt_/) as string,
      at: updated.updated_at,
      actor: 'demo-admin',
      reason: null,
      phone_number_id: main.id,
      phone_number: MAIN,
      changes: expect.any(Array) as unknown,
    })
    // the label was sent unchanged: not listed
    expect(sortChanges(event!)).toEqual([
      { field: 'inbound_webhook_url', from: null, to: 'https://h.example/v' },
      { field: 'nickname', from: 'Main Support Line', to: 'Front Line' },
    ])
  })

  test('publish: one event per changed number, the canary following its slot in the same event', () => {
    const ws = fresh()
    ws.publish(
      'agt_front_desk',
      'agv_front_desk_3',
      { phone_numbers: [TOLL_FREE, MAIN, UNASSIGNED], direction: 'both' },
      { key: ADMIN_KEY },
    )
    const events = recorded(ws)
    expect(events.map((e) => e.phone_number).sort()).toEqual([TOLL_FREE, MAIN, UNASSIGNED].sort())
    const tollFree = events.find((e) => e.phone_number === TOLL_FREE)!
    expect(sortChanges(tollFree)).toEqual([
      { field: 'inbound_agent_version_id', from: 'agv_front_desk_2', to: 'agv_front_desk_3' },
      { field: 'inbound_canary', from: { agent_version_id: 'agv_front_desk_3', percent: 10 }, to: null },
      { field: 'outbound_agent_version_id', from: null, to: 'agv_front_desk_3' },
    ])
    // MAIN already held v3 inbound: only its outbound changed
    expect(events.find((e) => e.phone_number === MAIN)!.changes).toEqual([
      { field: 'outbound_agent_version_id', from: null, to: 'agv_front_desk_3' },
    ])
    for (const event of events) expect(event.at).toBe(byE164(ws, event.phone_number).updated_at)
  })

  test('unassign, PUT and DELETE canary each record their change', () => {
    const ws = fresh()
    ws.publish('agt_reminders', 'agv_reminders_2', { unassign_phone_numbers: [APPOINTMENTS], direction: 'outbound' })
    ws.putInboundCanary(byE164(ws, MAIN).id, { agent_version_id: 'agv_billing_3', percent: 20 })
    ws.putInboundCanary(byE164(ws, MAIN).id, { agent_version_id: 'agv_billing_3', percent: 30 })
    ws.deleteInboundCanary(byE164(ws, MAIN).id)
    expect(recorded(ws).map((e) => [e.phone_number, e.changes])).toEqual([
      [MAIN, [{ field: 'inbound_canary', from: { agent_version_id: 'agv_billing_3', percent: 30 }, to: null }]],
      [
        MAIN,
        [
          {
            field: 'inbound_canary',
            from: { agent_version_id: 'agv_billing_3', percent: 20 },
            to: { agent_version_id: 'agv_billing_3', percent: 30 },
          },
        ],
      ],
      [MAIN, [{ field: 'inbound_canary', from: null, to: { agent_version_id: 'agv_billing_3', percent: 20 } }]],
      [APPOINTMENTS, [{ field: 'outbound_agent_version_id', from: 'agv_reminders_2', to: null }]],
    ])
  })

  test('writes that change nothing record nothing, and neither do refused ones', () => {
    const ws = fresh()
    const main = byE164(ws, MAIN)
    ws.patchPhoneNumber(main.id, { nickname: ' Main Support Line ' })
    ws.publish('agt_front_desk', 'agv_front_desk_3', { phone_numbers: [MAIN] })
    ws.publish('agt_billing', 'agv_billing_4', {}) // publishes, changes no number
    ws.publish('agt_billing', 'agv_billing_1', { unassign_phone_numbers: [MAIN] })
    ws.deleteInboundCanary(main.id)
    expect(recorded(ws)).toEqual([])
    expectRejected(ws, () => ws.patchPhoneNumber(main.id, { nickname: 'x'.repeat(256) }), 400, 'validation_failed')
    expect(recorded(ws)).toEqual([])
  })

  test('the actor: the key’s name; "workspace" for direct calls; "another-admin" for another admin', () => {
    const ws = fresh()
    const id = byE164(ws, MAIN).id
    ws.patchPhoneNumber(id, { nickname: 'a' }, { key: SUPPORT_KEY })
    ws.patchPhoneNumber(id, { nickname: 'b' })
    ws.setSlots(id, { outbound_agent_version_id: 'agv_sales_1' })
    ws.changeAsAnotherAdmin(id, { label: 'moved' }, { actor: 'ops-bot', reason: 'Quarterly clean-up' })
    expect(recorded(ws).map((e) => [e.actor, e.reason])).toEqual([
      ['ops-bot', 'Quarterly clean-up'],
      ['another-admin', null],
      [DIRECT_ACTOR, null],
      ['demo-support', null],
    ])
  })
})

describe('the reason (X-Change-Reason)', () => {
  const reasonOf = (header: string | null) => {
    const ws = fresh()
    ws.patchPhoneNumber(byE164(ws, MAIN).id, { nickname: 'x' }, { key: ADMIN_KEY, reason: header })
    return recorded(ws)[0]!.reason
  }

  test('is percent-decoded (UTF-8)', () => {
    expect(reasonOf(encodeURIComponent('Move v2 numbers to v3'))).toBe('Move v2 numbers to v3')
    expect(reasonOf(encodeURIComponent('Umzug nach München — ¡sí! 🚀'))).toBe('Umzug nach München — ¡sí! 🚀')
    expect(reasonOf('plain text')).toBe('plain text')
  })

  test('is kept as sent when it does not decode', () => {
    for (const raw of ['50% of calls', '%E0%A4%A', '%ZZ', '%C3%28']) expect(reasonOf(raw)).toBe(raw)
  })

  test('is cut at 200 characters after decoding (an emoji counts as one, and is never split)', () => {
    expect(reasonOf(encodeURIComponent('é'.repeat(250)))).toBe('é'.repeat(200))
    expect(reasonOf(encodeURIComponent(`${'a'.repeat(199)}🚀🚀`))).toBe(`${'a'.repeat(199)}🚀`)
    expect(reasonOf(encodeURIComponent('b'.repeat(200)))).toBe('b'.repeat(200))
  })

  test('is null without the header, or with an empty one', () => {
    expect(reasonOf(null)).toBeNull()
    expect(reasonOf('')).toBeNull()
  })
})

describe('GET /v1/events', () => {
  test('`at` equals the number’s updated_at after the change, also when it was moved on by a millisecond', () => {
    const ws = fresh()
    const id = byE164(ws, MAIN).id
    const times = ['a', 'b', 'c'].map((nickname) => ws.patchPhoneNumber(id, { nickname }).updated_at)
    expect(recorded(ws).map((e) => e.at)).toEqual([...times].reverse())
    expect(times[0]).toBe(NOW)
  })

  test('newest first: by at, then by id (highest first)', () => {
    let clock = Date.parse('2030-01-01T00:00:00.000Z')
    const ws = new Workspace({ ...createSeedRecords(), events: [] }, () => new Date(clock))
    const id = (e164: string) => byE164(ws, e164).id
    ws.patchPhoneNumber(id(MAIN), { nickname: '1' }) // at T
    ws.patchPhoneNumber(id(MAIN), { nickname: '2' }) // at T + 1 ms (the clock has not moved)
    ws.patchPhoneNumber(id(BILLING), { nickname: '3' }) // at T: same at as the first, a higher id
    clock -= 60_000
    ws.patchPhoneNumber(id(NEW_YORK), { nickname: '4' }) // at T - 1 min: written last, listed last
    const events = recorded(ws)
    expect(events.map((e) => (e.changes[0]!.to as string) ?? '')).toEqual(['2', '3', '1', '4'])
    const sorted = [...events].sort((a, b) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.id < b.id ? 1 : -1))
    expect(events).toEqual(sorted)
  })

  test('pages: page and limit pick a slice, total counts every match', () => {
    const ws = fresh()
    const id = byE164(ws, MAIN).id
    for (let k = 1; k <= 23; k++) ws.patchPhoneNumber(id, { nickname: `n${k}` })
    const all = recorded(ws)
    const pages = [1, 2, 3, 4].map((page) => ws.listEvents(query({ page, limit: 10 })))
    expect(pages.map((p) => [p.page, p.limit, p.data.length, p.total])).toEqual([
      [1, 10, 10, 23],
      [2, 10, 10, 23],
      [3, 10, 3, 23],
      [4, 10, 0, 23],
    ])
    expect(pages.flatMap((p) => p.data)).toEqual(all)
    expect(ws.listEvents(query()).limit).toBe(50)
  })

  test.each([
    ['page', '0'],
    ['page', 'x'],
    ['limit', '0'],
    ['limit', '201'],
    ['limit', '2.5'],
  ])('%s=%s is 400 validation_failed', (name, value) => {
    const ws = fresh()
    const error = expectRejected(ws, () => ws.listEvents(query({ [name]: value })), 400, 'validation_failed')
    expect(error.details?.[0]?.field).toBe(name)
  })

  test('phone_number_id: only that number’s events; an unknown id has none', () => {
    const ws = fresh()
    ws.patchPhoneNumber(byE164(ws, MAIN).id, { nickname: 'a' })
    ws.patchPhoneNumber(byE164(ws, BILLING).id, { nickname: 'b' })
    ws.patchPhoneNumber(byE164(ws, MAIN).id, { nickname: 'c' })
    const main = recorded(ws, { phone_number_id: byE164(ws, MAIN).id })
    expect(main.map((e) => e.changes[0]!.to)).toEqual(['c', 'a'])
    expect(ws.listEvents(query({ phone_number_id: 'phn_nope' }))).toEqual({ data: [], page: 1, limit: 50, total: 0 })
  })

  test('agent_id: events with a change whose old or new value is a version of that agent (slots and canary)', () => {
    const ws = fresh()
    ws.patchPhoneNumber(byE164(ws, SEATTLE).id, { nickname: 'no versions' })
    ws.publish('agt_triage', 'agv_triage_1', { phone_numbers: [NEW_YORK], direction: 'outbound' }) // sales_3 → triage_1
    ws.putInboundCanary(byE164(ws, MAIN).id, { agent_version_id: 'agv_sales_2', percent: 5 })
    ws.publish('agt_front_desk', 'agv_front_desk_1', { phone_numbers: [SEATTLE] }) // reminders_2 → front_desk_1; canary triage_2 kept
    ws.deleteInboundCanary(byE164(ws, SEATTLE).id) // triage_2 → null
    const phones = (agent_id: string) => recorded(ws, { agent_id }).map((e) => e.phone_number)
    expect(phones('agt_sales')).toEqual([MAIN, NEW_YORK]) // a canary's new value; a slot's old value
    expect(phones('agt_triage')).toEqual([SEATTLE, NEW_YORK]) // a canary's old value; a slot's new value
    expect(phones('agt_reminders')).toEqual([SEATTLE])
    expect(phones('agt_claims')).toEqual([])
    expect(phones('agt_nope')).toEqual([])
    expect(recorded(ws, { agent_id: 'agt_triage', phone_number_id: byE164(ws, NEW_YORK).id })).toHaveLength(1)
  })

  test('answers copies: changing an answer changes no event', () => {
    const ws = fresh()
    ws.putInboundCanary(byE164(ws, MAIN).id, { agent_version_id: 'agv_sales_2', percent: 5 })
    const [event] = recorded(ws)
    event!.actor = 'mallory'
    ;(event!.changes[0]!.to as { percent: number }).percent = 99
    expect(recorded(ws)[0]).toMatchObject({ actor: DIRECT_ACTOR, changes: [{ to: { percent: 5 } }] })
  })
})

describe('the bounded log', () => {
  test(`keeps the newest ${EVENTS_KEPT.toLocaleString('en')} events; older ones fall off`, () => {
    let tick = Date.parse('2030-01-01T00:00:00.000Z')
    const ws = new Workspace({ ...createSeedRecords(), events: [] }, () => new Date(tick++))
    const ids = ws.allNumbers().map((n) => n.id)
    const writes = EVENTS_KEPT + 25
    for (let k = 0; k < writes; k++) ws.patchPhoneNumber(ids[k % ids.length]!, { label: `write ${k}` })
    const first = ws.listEvents(query({ limit: 1 }))
    expect(first.total).toBe(EVENTS_KEPT)
    expect(first.data[0]!.changes[0]!.to).toBe(`write ${writes - 1}`)
    const last = ws.listEvents(query({ limit: 200, page: EVENTS_KEPT / 200 }))
    expect(last.data.at(-1)!.changes[0]!.to).toBe(`write 25`)
    expect(ws.changes().events).toHaveLength(EVENTS_KEPT)
  })
})

describe('events persist with the rest of the workspace', () => {
  test('changes() and applyChanges() carry them, compactly, to a fresh workspace', () => {
    const ws = fresh()
    ws.patchPhoneNumber(byE164(ws, MAIN).id, { nickname: 'a' }, { key: ADMIN_KEY, reason: 'Rename%20it' })
    ws.publish('agt_front_desk', 'agv_front_desk_3', { phone_numbers: [TOLL_FREE] }, { key: ADMIN_KEY })
    const stored = JSON.parse(JSON.stringify(ws.changes())) as ReturnType<Workspace['changes']>
    const restored = fresh()
    restored.applyChanges(stored)
    expect(recorded(restored)).toEqual(recorded(ws))
    // applying the same changes again (another tab storing them twice) adds nothing
    restored.applyChanges(stored)
    expect(recorded(restored)).toEqual(recorded(ws))
    // the next event gets a new id
    restored.patchPhoneNumber(byE164(restored, MAIN).id, { nickname: 'b' })
    expect(new Set(recorded(restored).map((e) => e.id)).size).toBe(3)
  })

  test('two workspaces (tabs) with their own id tags never give two events one id, and merge', () => {
    const tabA = new Workspace({ ...createSeedRecords(), events: [] }, undefined, { eventIdTag: '_a' })
    const tabB = new Workspace({ ...createSeedRecords(), events: [] }, undefined, { eventIdTag: '_b' })
    tabA.patchPhoneNumber(byE164(tabA, MAIN).id, { nickname: 'from A' })
    tabB.patchPhoneNumber(byE164(tabB, BILLING).id, { nickname: 'from B' })
    tabA.applyChanges(tabB.changes())
    tabB.applyChanges(tabA.changes())
    expect(recorded(tabA)).toEqual(recorded(tabB))
    expect(
      recorded(tabA)
        .map((e) => e.id)
        .sort(),
    ).toEqual(['evt_00000001_a', 'evt_00000001_b'])
  })
})
