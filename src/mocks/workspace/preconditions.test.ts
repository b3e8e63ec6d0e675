import type { Workspace } from '@/mocks/workspace'
import {
  create,
  MAIN,
  BILLING,
  APPOINTMENTS,
  NEW_YORK,
  UNASSIGNED,
  TOLL_FREE,
  NOT_IN_WORKSPACE,
  byE164,
  expectRejected,
  plus1ms,
  query,
} from '@/mocks/workspace/workspace-test-support'

/**
 * `expected_updated_at` on every write (API.md): the `updated_at` the client last saw. When the
 * number's differs now, 409 precondition_failed names it, and nothing changes.
 */

/** "Another admin" changes the number, so that what the test read of it is stale. */
function changedBehindTheBack(ws: Workspace, e164: string): { seen: string; now: string } {
  const seen = byE164(ws, e164).updated_at
  ws.setSlots(byE164(ws, e164).id, { outbound_agent_version_id: 'agv_survey_1' })
  return { seen, now: byE164(ws, e164).updated_at }
}

function expectConflict(ws: Workspace, action: () => unknown, numbers: [string, string][]): void {
  const error = expectRejected(ws, action, 409, 'precondition_failed')
  expect(error.details).toEqual(numbers.map(([e164, time]) => ({ field: e164, message: `updated at ${time}` })))
}

describe('expected_updated_at on PATCH (body field)', () => {
  test('matching: the change applies', () => {
    const ws = create()
    const main = byE164(ws, MAIN)
    expect(ws.patchPhoneNumber(main.id, { nickname: 'A', expected_updated_at: main.updated_at }).nickname).toBe('A')
  })

  test('the same instant written another way still matches', () => {
    const ws = create()
    const id = byE164(ws, MAIN).id
    const inUtc = byE164(ws, MAIN).updated_at.replace('Z', '+00:00')
    ws.patchPhoneNumber(id, { nickname: 'A', expected_updated_at: inUtc })
    const seen = Date.parse(byE164(ws, MAIN).updated_at)
    const inParis = new Date(seen + 3_600_000).toISOString().replace('Z', '+01:00')
    ws.patchPhoneNumber(id, { nickname: 'B', expected_updated_at: inParis })
    expect(byE164(ws, MAIN).nickname).toBe('B')
  })

  test('stale: 409 naming the number and its updated_at now, nothing changes', () => {
    const ws = create()
    const { seen, now } = changedBehindTheBack(ws, MAIN)
    expectConflict(ws, () => ws.patchPhoneNumber(byE164(ws, MAIN).id, { nickname: 'A', expected_updated_at: seen }), [
      [MAIN, now],
    ])
    // a later time than the number's is just as stale
    expectConflict(
      ws,
      () => ws.patchPhoneNumber(byE164(ws, MAIN).id, { nickname: 'A', expected_updated_at: plus1ms(now) }),
      [[MAIN, now]],
    )
  })

  test('stale is refused even when the write would change nothing', () => {
    const ws = create()
    const { seen, now } = changedBehindTheBack(ws, MAIN)
    expectConflict(
      ws,
      () => ws.patchPhoneNumber(byE164(ws, MAIN).id, { nickname: 'Main Support Line', expected_updated_at: seen }),
      [[MAIN, now]],
    )
  })

  test.each([42, null, true, '', 'yesterday', '2024-05-11', '2024-13-45T99:00:00.000Z', { at: 'now' }])(
    'an expected_updated_at that is not a date-time string (%j) is 400',
    (value) => {
      const ws = create()
      const error = expectRejected(
        ws,
        () => ws.patchPhoneNumber(byE164(ws, MAIN).id, { nickname: 'A', expected_updated_at: value }),
        400,
        'validation_failed',
      )
      expect(error.details?.[0]?.field).toBe('expected_updated_at')
    },
  )
})

describe('expected_updated_at on publish (E.164 → time)', () => {
  test('matching entries: the call applies', () => {
    const ws = create()
    const expected = { [MAIN]: byE164(ws, MAIN).updated_at, [APPOINTMENTS]: byE164(ws, APPOINTMENTS).updated_at }
    ws.publish('agt_sales', 'agv_sales_2', {
      phone_numbers: [MAIN],
      direction: 'outbound',
      unassign_phone_numbers: [],
      expected_updated_at: { [MAIN]: expected[MAIN] },
    })
    ws.publish('agt_reminders', 'agv_reminders_2', {
      unassign_phone_numbers: [APPOINTMENTS],
      direction: 'both',
      expected_updated_at: { [APPOINTMENTS]: expected[APPOINTMENTS] },
    })
    expect(byE164(ws, MAIN).outbound_agent_version_id).toBe('agv_sales_2')
    expect(byE164(ws, APPOINTMENTS).inbound_agent_version_id).toBeNull()
  })

  test('entries may name only some of the numbers', () => {
    const ws = create()
    ws.publish('agt_sales', 'agv_sales_2', {
      phone_numbers: [MAIN, UNASSIGNED],
      expected_updated_at: { [UNASSIGNED]: byE164(ws, UNASSIGNED).updated_at },
    })
    expect(byE164(ws, MAIN).inbound_agent_version_id).toBe('agv_sales_2')
  })

  test('one stale entry refuses the whole call: 409 naming each stale number, nothing changes (not even publishing)', () => {
    const ws = create()
    const main = changedBehindTheBack(ws, MAIN)
    const newYork = changedBehindTheBack(ws, NEW_YORK)
    const body = {
      phone_numbers: [MAIN, UNASSIGNED],
      unassign_phone_numbers: [NEW_YORK],
      direction: 'both',
      expected_updated_at: {
        [MAIN]: main.seen,
        [UNASSIGNED]: byE164(ws, UNASSIGNED).updated_at,
        [NEW_YORK]: newYork.seen,
      },
    }
    expectConflict(ws, () => ws.publish('agt_reminders', 'agv_reminders_3', body), [
      [MAIN, main.now],
      [NEW_YORK, newYork.now],
    ])
  })

  test.each([
    [
      'a number in neither list',
      { phone_numbers: [MAIN], expected_updated_at: { [BILLING]: '2024-05-11T08:12:44.000Z' } },
    ],
    ['a number not in the workspace', { phone_numbers: [MAIN], expected_updated_at: { [NOT_IN_WORKSPACE]: 'x' } }],
    ['a key that is not E.164', { phone_numbers: [MAIN], expected_updated_at: { main: '2024-05-11T08:12:44.000Z' } }],
    ['entries without any list', { expected_updated_at: { [MAIN]: '2024-05-11T08:12:44.000Z' } }],
    ['a value that is not a time', { phone_numbers: [MAIN], expected_updated_at: { [MAIN]: 17 } }],
    ['an array', { phone_numbers: [MAIN], expected_updated_at: ['2024-05-11T08:12:44.000Z'] }],
    ['a string', { phone_numbers: [MAIN], expected_updated_at: '2024-05-11T08:12:44.000Z' }],
    ['null', { phone_numbers: [MAIN], expected_updated_at: null }],
  ])('an expected_updated_at with %s is 400, and nothing changes', (_name, body) => {
    const ws = create()
    expectRejected(ws, () => ws.publish('agt_reminders', 'agv_reminders_3', body), 400, 'validation_failed')
  })

  test('an empty object sets no precondition', () => {
    const ws = create()
    ws.publish('agt_sales', 'agv_sales_2', { phone_numbers: [MAIN], expected_updated_at: {} })
    expect(byE164(ws, MAIN).inbound_agent_version_id).toBe('agv_sales_2')
  })
})

describe('expected_updated_at on the canary endpoints', () => {
  test('PUT (body field): matching applies, stale is 409 and nothing changes', () => {
    const ws = create()
    const { seen, now } = changedBehindTheBack(ws, MAIN)
    const id = byE164(ws, MAIN).id
    expectConflict(
      ws,
      () => ws.putInboundCanary(id, { agent_version_id: 'agv_billing_3', percent: 10, expected_updated_at: seen }),
      [[MAIN, now]],
    )
    ws.putInboundCanary(id, { agent_version_id: 'agv_billing_3', percent: 10, expected_updated_at: now })
    expect(byE164(ws, MAIN).inbound_canary).toEqual({ agent_version_id: 'agv_billing_3', percent: 10 })
  })

  test('DELETE (query parameter): matching applies, stale is 409, empty counts as absent, a bad value is 400', () => {
    const ws = create()
    const { seen, now } = changedBehindTheBack(ws, TOLL_FREE)
    const id = byE164(ws, TOLL_FREE).id
    expectConflict(ws, () => ws.deleteInboundCanary(id, query({ expected_updated_at: seen })), [[TOLL_FREE, now]])
    expectRejected(
      ws,
      () => ws.deleteInboundCanary(id, query({ expected_updated_at: 'now' })),
      400,
      'validation_failed',
    )
    ws.deleteInboundCanary(id, query({ expected_updated_at: '' }))
    expect(byE164(ws, TOLL_FREE).inbound_canary).toBeNull()
    const other = create()
    other.deleteInboundCanary(id, query({ expected_updated_at: byE164(other, TOLL_FREE).updated_at }))
    expect(byE164(other, TOLL_FREE).inbound_canary).toBeNull()
  })
})
