import {
  NOW,
  NOW_PLUS_1MS,
  create,
  MAIN,
  BILLING,
  byE164,
  expectRejected,
} from '@/mocks/workspace/workspace-test-support'
import { phoneNumberSchema } from '@/types/api'

/**
 * GET and PATCH /v1/phone-numbers/{id} in the Workspace, against ../shared/API.md. Every error
 * case also checks that the workspace is exactly as it was before the call.
 */

describe('GET /v1/phone-numbers/{id}', () => {
  test('returns the number with that id', () => {
    const ws = create()
    const main = byE164(ws, MAIN)
    const got = ws.getPhoneNumber(main.id)
    expect(got).toEqual(main)
    expect(phoneNumberSchema.parse(got)).toEqual(got)
  })

  test('an unknown id is 404 not_found', () => {
    const ws = create()
    expectRejected(ws, () => ws.getPhoneNumber('phn_nope'), 404, 'not_found')
    expectRejected(ws, () => ws.getPhoneNumber(MAIN), 404, 'not_found') // the E.164 is not the id
  })
})

describe('PATCH /v1/phone-numbers/{id}', () => {
  test('only the fields present change; the rest keep their values', () => {
    const ws = create()
    const before = byE164(ws, MAIN)
    const renamed = ws.patchPhoneNumber(before.id, { nickname: 'Front Line' })
    expect(renamed).toEqual({ ...before, nickname: 'Front Line', updated_at: NOW })
    const relabelled = ws.patchPhoneNumber(before.id, { label: 'cc-9999' })
    // Version 2: a second change at the same clock time still moves updated_at forward.
    expect(relabelled).toEqual({ ...before, nickname: 'Front Line', label: 'cc-9999', updated_at: NOW_PLUS_1MS })
    expect(ws.patchPhoneNumber(before.id, {})).toEqual(relabelled)
    expect(ws.getPhoneNumber(before.id)).toEqual(relabelled)
    // the other numbers are untouched
    expect(ws.allNumbers().filter((n) => n.id !== before.id)).toEqual(
      create()
        .allNumbers()
        .filter((n) => n.id !== before.id),
    )
  })

  test('null or "" clears a field (as does white space only)', () => {
    const ws = create()
    const main = byE164(ws, MAIN)
    expect(ws.patchPhoneNumber(main.id, { nickname: null })).toMatchObject({ nickname: null, label: 'cc-4410' })
    expect(ws.patchPhoneNumber(main.id, { label: '' })).toMatchObject({ nickname: null, label: null })
    const billing = byE164(ws, BILLING)
    expect(ws.patchPhoneNumber(billing.id, { nickname: '   ', label: null })).toMatchObject({
      nickname: null,
      label: null,
    })
  })

  test('surrounding white space is trimmed', () => {
    const ws = create()
    const main = byE164(ws, MAIN)
    expect(ws.patchPhoneNumber(main.id, { nickname: '  Front Line \n', label: '\tcc-1 ' })).toMatchObject({
      nickname: 'Front Line',
      label: 'cc-1',
    })
    expect(ws.getPhoneNumber(main.id)).toMatchObject({ nickname: 'Front Line', label: 'cc-1' })
  })

  test('exactly 255 characters after trimming is accepted', () => {
    const ws = create()
    const main = byE164(ws, MAIN)
    const max = 'n'.repeat(255)
    expect(ws.patchPhoneNumber(main.id, { nickname: max }).nickname).toBe(max)
    expect(ws.patchPhoneNumber(main.id, { label: `   ${'l'.repeat(255)}   ` }).label).toBe('l'.repeat(255))
  })

  test('characters are code points: 255 emoji (510 UTF-16 units) are accepted, 256 are not', () => {
    const ws = create()
    const main = byE164(ws, MAIN)
    const max = '📞'.repeat(255)
    expect(ws.patchPhoneNumber(main.id, { nickname: max }).nickname).toBe(max)
    expectRejected(ws, () => ws.patchPhoneNumber(main.id, { label: `${max}📞` }), 400, 'validation_failed')
  })

  test.each(['nickname', 'label'])('%s of 256 characters after trimming is 400 with a details entry', (field) => {
    const ws = create()
    const main = byE164(ws, MAIN)
    const error = expectRejected(
      ws,
      () => ws.patchPhoneNumber(main.id, { [field]: ` ${'x'.repeat(256)} ` }),
      400,
      'validation_failed',
    )
    expect(error.details).toEqual([{ field, message: expect.any(String) as string }])
  })

  test.each([42, 0, true, false, {}, [], ['name'], { text: 'name' }])(
    'a value that is not a string or null (%j) is 400',
    (value) => {
      const ws = create()
      const main = byE164(ws, MAIN)
      for (const field of ['nickname', 'label']) {
        const error = expectRejected(
          ws,
          () => ws.patchPhoneNumber(main.id, { [field]: value }),
          400,
          'validation_failed',
        )
        expect(error.details?.[0]?.field).toBe(field)
      }
    },
  )

  test('a valid field beside an invalid one is not applied either', () => {
    const ws = create()
    const main = byE164(ws, MAIN)
    expectRejected(ws, () => ws.patchPhoneNumber(main.id, { nickname: 'Fine', label: 7 }), 400, 'validation_failed')
    expectRejected(
      ws,
      () => ws.patchPhoneNumber(main.id, { nickname: 'Fine', label: 'y'.repeat(256) }),
      400,
      'validation_failed',
    )
  })

  test.each([
    { agent_id: null },
    { agent_id: 'agt_front_desk' },
    { inbound_agent_version_id: null },
    { outbound_agent_version_id: 'agv_sales_1' },
    { nickname: 'Fine', phone_number: '+14155550999' },
    { status: 'pending' },
    { Nickname: 'wrong case' },
  ])('an unknown field is 400 validation_failed: %j', (body) => {
    const ws = create()
    const main = byE164(ws, MAIN)
    const error = expectRejected(ws, () => ws.patchPhoneNumber(main.id, body), 400, 'validation_failed')
    const known = new Set(['nickname', 'label'])
    expect(error.details?.map((d) => d.field)).toEqual(Object.keys(body).filter((k) => !known.has(k)))
  })

  test.each([null, undefined, [], [{ nickname: 'x' }], 'nickname', 42, true])(
    'a body that is not a JSON object (%j) is 400',
    (body) => {
      const ws = create()
      const main = byE164(ws, MAIN)
      expectRejected(ws, () => ws.patchPhoneNumber(main.id, body), 400, 'validation_failed')
    },
  )

  test('an unknown id is 404 not_found', () => {
    const ws = create()
    expectRejected(ws, () => ws.patchPhoneNumber('phn_nope', { nickname: 'x' }), 404, 'not_found')
  })

  test('never changes routing, the number, or anything but nickname and label', () => {
    const ws = create()
    for (const n of ws.allNumbers()) {
      ws.patchPhoneNumber(n.id, { nickname: `Renamed ${n.phone_number}`, label: null })
    }
    const seed = create().allNumbers()
    expect(ws.allNumbers()).toEqual(
      seed.map((n) => ({ ...n, nickname: `Renamed ${n.phone_number}`, label: null, updated_at: NOW })),
    )
  })
})
