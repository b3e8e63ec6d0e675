import {
  NOW,
  create,
  MAIN,
  BILLING,
  TOLL_FREE,
  ADMIN_KEY,
  SUPPORT_KEY,
  byE164,
  expectRejected,
} from '@/mocks/workspace/workspace-test-support'

/**
 * PATCH /v1/phone-numbers/{id} in version 2: `inbound_webhook_url` (https only, at most 2,048
 * characters, needs agents:manage as well even unchanged), and unknown or read-only fields.
 */

const HOOK = 'https://hooks.example.com/inbound-vars'

describe('PATCH inbound_webhook_url', () => {
  test('sets, replaces and clears the URL (null or "")', () => {
    const ws = create()
    const main = byE164(ws, MAIN)
    expect(ws.patchPhoneNumber(main.id, { inbound_webhook_url: HOOK }, { key: ADMIN_KEY })).toEqual({
      ...main,
      inbound_webhook_url: HOOK,
      updated_at: NOW,
    })
    expect(ws.patchPhoneNumber(main.id, { inbound_webhook_url: `${HOOK}?v=2` }).inbound_webhook_url).toBe(`${HOOK}?v=2`)
    expect(ws.patchPhoneNumber(main.id, { inbound_webhook_url: '' }).inbound_webhook_url).toBeNull()
    ws.patchPhoneNumber(main.id, { inbound_webhook_url: HOOK })
    expect(ws.patchPhoneNumber(main.id, { inbound_webhook_url: null }).inbound_webhook_url).toBeNull()
  })

  test('surrounding white space is trimmed; the rest of the number is untouched', () => {
    const ws = create()
    const billing = byE164(ws, BILLING)
    const updated = ws.patchPhoneNumber(billing.id, { inbound_webhook_url: `  ${HOOK}\n` })
    expect(updated).toEqual({ ...billing, inbound_webhook_url: HOOK, updated_at: NOW })
  })

  test('exactly 2,048 characters is accepted', () => {
    const ws = create()
    const url = `${HOOK}?pad=${'a'.repeat(2048 - HOOK.length - 5)}`
    expect(url).toHaveLength(2048)
    expect(ws.patchPhoneNumber(byE164(ws, MAIN).id, { inbound_webhook_url: url }).inbound_webhook_url).toBe(url)
  })

  test.each([
    ['2,049 characters', `${HOOK}?pad=${'a'.repeat(2049 - HOOK.length - 5)}`],
    ['http://', 'http://hooks.example.com/inbound-vars'],
    ['no scheme', 'hooks.example.com/inbound-vars'],
    ['a relative path', '/inbound-vars'],
    ['another scheme', 'ftp://hooks.example.com/vars'],
    ['javascript:', 'javascript:alert(1)'],
    ['https: without a host', 'https:///vars'],
    ['white space inside', 'https://hooks.example.com/in bound'],
    ['not a URL at all', 'https://exa mple'],
    ['a number', 42],
    ['an object', { url: HOOK }],
    ['true', true],
  ])('%s is 400 validation_failed, naming the field', (_name, value) => {
    const ws = create()
    const error = expectRejected(
      ws,
      () => ws.patchPhoneNumber(byE164(ws, MAIN).id, { nickname: 'Fine', inbound_webhook_url: value }),
      400,
      'validation_failed',
    )
    expect(error.details).toEqual([{ field: 'inbound_webhook_url', message: expect.any(String) as string }])
  })

  test('a key without agents:manage may not send it at all: 403, even unchanged, even beside a nickname', () => {
    const ws = create()
    const tollFree = byE164(ws, TOLL_FREE)
    for (const body of [
      { inbound_webhook_url: HOOK },
      { inbound_webhook_url: tollFree.inbound_webhook_url },
      { inbound_webhook_url: null, nickname: 'Fine' },
    ]) {
      expectRejected(ws, () => ws.patchPhoneNumber(tollFree.id, body, { key: SUPPORT_KEY }), 403, 'insufficient_scope')
    }
    // the same key may still change nickname and label
    expect(ws.patchPhoneNumber(tollFree.id, { nickname: 'Fine' }, { key: SUPPORT_KEY }).nickname).toBe('Fine')
  })
})

describe('PATCH: unknown and read-only fields', () => {
  test.each([
    ['import_error', null],
    ['import_error', 'fixed'],
    ['inbound_canary', null],
    ['inbound_canary', { agent_version_id: 'agv_billing_3', percent: 10 }],
    ['updated_at', '2024-05-11T08:12:44.000Z'],
    ['created_at', '2024-05-11T08:12:44.000Z'],
    ['id', 'phn_other'],
    ['country_code', 'GB'],
    ['provider', 'telnyx'],
    ['number_type', 'mobile'],
    ['webhook_url', HOOK],
    ['inboundWebhookUrl', HOOK],
  ])('%s (%j) is 400 validation_failed whatever its value, naming it', (field, value) => {
    const ws = create()
    const main = byE164(ws, MAIN)
    const error = expectRejected(
      ws,
      () => ws.patchPhoneNumber(main.id, { nickname: 'Fine', [field]: value }),
      400,
      'validation_failed',
    )
    expect(error.details).toEqual([{ field, message: expect.stringMatching(/^(read-only|unknown) field$/) as string }])
  })

  test('details say which fields are read-only and which are unknown', () => {
    const ws = create()
    const error = expectRejected(
      ws,
      () => ws.patchPhoneNumber(byE164(ws, MAIN).id, { import_error: null, colour: 'red' }),
      400,
      'validation_failed',
    )
    expect(error.details).toEqual([
      { field: 'import_error', message: 'read-only field' },
      { field: 'colour', message: 'unknown field' },
    ])
  })
})
