import { call, expectErrorBody } from '@/mocks/http-test-support'
import { testBackend } from '@/mocks/node'
import type { Workspace } from '@/mocks/workspace'
import { byE164, MAIN, TOLL_FREE } from '@/mocks/workspace/workspace-test-support'
import { agentUsageSchema, CHANGE_REASON_HEADER, eventListSchema, phoneNumberSchema, scopes } from '@/types/api'

/** Version 2 over HTTP: the canary endpoints, the webhook URL's extra scope, and which error wins. */

const snapshot = (ws: Workspace) => ({ numbers: ws.allNumbers(), changes: ws.changes() })
const canaryPath = (id: string) => `/v1/phone-numbers/${id}/inbound-canary`

describe('PUT and DELETE /v1/phone-numbers/{id}/inbound-canary', () => {
  test('set, then remove, answering the number each time', async () => {
    const ws = testBackend.workspace
    const main = byE164(ws, MAIN)
    const put = await call('PUT', canaryPath(main.id), { body: { agent_version_id: 'agv_billing_3', percent: 20 } })
    expect(put.status).toBe(200)
    expect(phoneNumberSchema.parse(put.json)).toEqual(ws.getPhoneNumber(main.id))
    expect(ws.getPhoneNumber(main.id).inbound_canary).toEqual({ agent_version_id: 'agv_billing_3', percent: 20 })
    const removed = await call('DELETE', canaryPath(main.id))
    expect([removed.status, removed.json]).toEqual([200, ws.getPhoneNumber(main.id)])
    expect(ws.getPhoneNumber(main.id).inbound_canary).toBeNull()
  })

  test('DELETE reads expected_updated_at from the query string', async () => {
    const ws = testBackend.workspace
    const tollFree = byE164(ws, TOLL_FREE)
    const stale = encodeURIComponent('2020-01-01T00:00:00.000Z')
    const refused = await call('DELETE', `${canaryPath(tollFree.id)}?expected_updated_at=${stale}`)
    expect(expectErrorBody(refused, 409, 'precondition_failed').details).toEqual([
      { field: TOLL_FREE, message: `updated at ${tollFree.updated_at}` },
    ])
    const fresh = encodeURIComponent(tollFree.updated_at)
    expect((await call('DELETE', `${canaryPath(tollFree.id)}?expected_updated_at=${fresh}`)).status).toBe(200)
  })

  test.each([
    ['PUT', { agent_version_id: 'agv_billing_3', percent: 20 }],
    ['DELETE', undefined],
  ])('%s needs agents:manage: 401 without a key, 403 for support staff, nothing changes', async (method, body) => {
    const ws = testBackend.workspace
    const before = snapshot(ws)
    const path = canaryPath(byE164(ws, TOLL_FREE).id)
    expectErrorBody(await call(method, path, { key: null, body }), 401, 'unauthorized')
    expectErrorBody(await call(method, path, { key: 'demo_support', body }), 403, 'insufficient_scope')
    expectErrorBody(await call(method, path, { key: 'demo_readonly', body }), 403, 'insufficient_scope')
    expect(snapshot(ws)).toEqual(before)
  })
})

describe('PATCH inbound_webhook_url needs agents:manage as well', () => {
  test('support staff: 403 with the field (even unchanged), 200 without it', async () => {
    const ws = testBackend.workspace
    const tollFree = byE164(ws, TOLL_FREE)
    const before = snapshot(ws)
    const path = `/v1/phone-numbers/${tollFree.id}`
    const body = { nickname: 'Renamed', inbound_webhook_url: tollFree.inbound_webhook_url }
    expectErrorBody(await call('PATCH', path, { key: 'demo_support', body }), 403, 'insufficient_scope')
    expect(snapshot(ws)).toEqual(before)
    expect((await call('PATCH', path, { key: 'demo_support', body: { nickname: 'Renamed' } })).status).toBe(200)
    expect((await call('PATCH', path, { key: 'demo_admin', body })).status).toBe(200)
  })
})

describe('which error wins over HTTP', () => {
  test('401 before 403 before 404', async () => {
    const cases: [string, string, unknown][] = [
      ['PATCH', '/v1/phone-numbers/phn_nope', { nickname: 'x' }],
      ['PUT', canaryPath('phn_nope'), { agent_version_id: 'agv_billing_3', percent: 20 }],
      ['DELETE', canaryPath('phn_nope'), undefined],
      ['POST', '/v1/agents/agt_nope/versions/agv_nope/publish', {}],
    ]
    for (const [method, path, body] of cases) {
      expectErrorBody(await call(method, path, { key: null, body }), 401, 'unauthorized')
      expectErrorBody(await call(method, path, { key: 'demo_readonly', body }), 403, 'insufficient_scope')
      expectErrorBody(await call(method, path, { key: 'demo_admin', body }), 404, 'not_found')
    }
    const webhook = { inbound_webhook_url: 'https://example.com' }
    expectErrorBody(
      await call('PATCH', '/v1/phone-numbers/phn_nope', { key: 'demo_support', body: webhook }),
      403,
      'insufficient_scope',
    )
  })

  test('404 before 400 for a body that is not JSON; 400 when the number exists', async () => {
    const main = byE164(testBackend.workspace, MAIN)
    for (const [method, path] of [
      ['PATCH', '/v1/phone-numbers/phn_nope'],
      ['PUT', canaryPath('phn_nope')],
      ['POST', '/v1/agents/agt_nope/versions/agv_nope/publish'],
    ] as const) {
      expectErrorBody(await call(method, path, { rawBody: '{"nickname":' }), 404, 'not_found')
    }
    expectErrorBody(await call('PUT', canaryPath(main.id), { rawBody: '{oops' }), 400, 'validation_failed')
  })
})

describe('GET /v1/events and GET /v1/agents/{agent_id}/usage', () => {
  test('answer what the model holds, with the query passed through', async () => {
    const ws = testBackend.workspace
    const main = byE164(ws, MAIN)
    await call('PATCH', `/v1/phone-numbers/${main.id}`, { body: { nickname: 'A' } })
    await call('PUT', canaryPath(main.id), { body: { agent_version_id: 'agv_billing_3', percent: 20 } })
    for (const qs of ['', `phone_number_id=${main.id}`, 'agent_id=agt_billing', 'page=2&limit=1']) {
      const result = await call('GET', `/v1/events?${qs}`)
      expect(result.status).toBe(200)
      expect(eventListSchema.parse(result.json)).toEqual(ws.listEvents(new URLSearchParams(qs)))
    }
    const usage = await call('GET', '/v1/agents/agt_billing/usage')
    expect(agentUsageSchema.parse(usage.json)).toEqual(ws.agentUsage('agt_billing'))
    expectErrorBody(await call('GET', '/v1/agents/agt_nope/usage'), 404, 'not_found')
    expectErrorBody(await call('GET', '/v1/events?limit=201'), 400, 'validation_failed')
  })

  test.each([
    ['/v1/events', 'numbers:read'],
    ['/v1/agents/agt_billing/usage', 'agents:read'],
  ] as const)('%s needs %s', async (path, scope) => {
    const ws = testBackend.workspace
    ws.addKey('sk_lacking', { name: 'lacking', scopes: scopes.filter((s) => s !== scope) })
    ws.addKey('sk_only', { name: 'only', scopes: [scope] })
    expectErrorBody(await call('GET', path, { key: null }), 401, 'unauthorized')
    expectErrorBody(await call('GET', path, { key: 'sk_lacking' }), 403, 'insufficient_scope')
    expect((await call('GET', path, { key: 'sk_only' })).status).toBe(200)
  })
})

describe('who and why: the key’s name and X-Change-Reason', () => {
  test('every write records the key’s name as actor and the decoded reason', async () => {
    const ws = testBackend.workspace
    const main = byE164(ws, MAIN)
    const reason = 'Umzug nach München — 50 % der Anrufe'
    const headers = { [CHANGE_REASON_HEADER]: encodeURIComponent(reason) }
    await call('PATCH', `/v1/phone-numbers/${main.id}`, { key: 'demo_support', body: { nickname: 'A' }, headers })
    await call('POST', '/v1/agents/agt_sales/versions/agv_sales_2/publish', {
      body: { phone_numbers: [MAIN], direction: 'outbound' },
      headers: { [CHANGE_REASON_HEADER]: '100% sure' },
    })
    await call('PUT', canaryPath(main.id), { body: { agent_version_id: 'agv_billing_3', percent: 20 } })
    const events = ws.listEvents(new URLSearchParams({ phone_number_id: main.id, limit: '3' })).data
    expect(events.map((e) => [e.actor, e.reason])).toEqual([
      ['demo-admin', null],
      ['demo-admin', '100% sure'],
      ['demo-support', reason],
    ])
  })
})
