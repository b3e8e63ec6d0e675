import type { AddressInfo } from 'node:net'
import { http, passthrough } from 'msw'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { server as inProcessApi } from '@/mocks/node'
import { CHANGE_REASON_HEADER, type ChangeEvent, type EventList, type PhoneNumber } from '@/types/api'
import { TEST_KEYS } from './config'
import { createRealApiServer, type RealApiServer } from './server'

/**
 * The test API server over real HTTP: version 2's CORS (X-Change-Reason; PUT and DELETE) and the
 * control endpoints that let end-to-end tests make "another admin" change a number and inject failures.
 */

const APP_ORIGIN = 'http://127.0.0.1:4999'
const MAIN = '+14155550123'
let api: RealApiServer
let base = ''

beforeAll(async () => {
  api = createRealApiServer({ allowedOrigins: [APP_ORIGIN] })
  await api.listen(0, '127.0.0.1')
  base = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`
})
afterAll(() => api.close())
// The tests' in-process demo backend (msw) answers any /v1 URL: let these requests reach the server.
beforeEach(() => {
  inProcessApi.use(http.all(`${base}/*`, () => passthrough()))
  return fetch(`${base}/__control/reset`, { method: 'POST' }).then(() => undefined)
})

const auth = (key: string = TEST_KEYS.admin) => ({ Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' })
const mainNumber = async () =>
  (await (await fetch(`${base}/v1/phone-numbers?search=4155550123`, { headers: auth() })).json()) as {
    data: PhoneNumber[]
  }

describe('CORS for version 2', () => {
  test('a preflight allows X-Change-Reason and every method the API uses', async () => {
    const response = await fetch(`${base}/v1/phone-numbers/phn_x/inbound-canary`, {
      method: 'OPTIONS',
      headers: {
        Origin: APP_ORIGIN,
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization, content-type, x-change-reason',
      },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(APP_ORIGIN)
    const headers = response.headers
      .get('Access-Control-Allow-Headers')!
      .split(/,\s*/)
      .map((h) => h.toLowerCase())
    expect(headers).toEqual(expect.arrayContaining(['authorization', 'content-type', 'x-change-reason']))
    const methods = response.headers.get('Access-Control-Allow-Methods')!.split(/,\s*/)
    expect(methods).toEqual(expect.arrayContaining(['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'OPTIONS']))
    expect(response.headers.get('Access-Control-Expose-Headers')).toBe('Retry-After')
  })

  test('a write from the app’s origin with X-Change-Reason: answered with CORS headers, the reason recorded', async () => {
    const [main] = (await mainNumber()).data
    const reason = 'Umbenannt — für München'
    const response = await fetch(`${base}/v1/phone-numbers/${main!.id}`, {
      method: 'PATCH',
      headers: { ...auth(), Origin: APP_ORIGIN, [CHANGE_REASON_HEADER]: encodeURIComponent(reason) },
      body: JSON.stringify({ nickname: 'Renamed', expected_updated_at: main!.updated_at }),
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe(APP_ORIGIN)
    const events = (await (
      await fetch(`${base}/v1/events?phone_number_id=${main!.id}&limit=1`, { headers: auth() })
    ).json()) as EventList
    expect(events.data[0]).toMatchObject({
      actor: 'test-admin',
      reason,
      at: ((await response.json()) as PhoneNumber).updated_at,
    })
  })
})

describe('POST /__control/another-admin', () => {
  const control = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/__control/another-admin`, { method: 'POST', headers, body: JSON.stringify(body) })

  test('changes the number (by E.164 or id), recorded as another-admin; a client holding the old updated_at gets 409', async () => {
    const [main] = (await mainNumber()).data
    const changed = await control({
      phone_number: MAIN,
      changes: { outbound_agent_version_id: 'agv_sales_2', nickname: 'Theirs' },
      reason: 'Their reason',
    })
    expect(changed.status).toBe(200)
    const number = (await changed.json()) as PhoneNumber
    expect(number).toMatchObject({ id: main!.id, outbound_agent_version_id: 'agv_sales_2', nickname: 'Theirs' })
    expect(number.updated_at > main!.updated_at).toBe(true)

    const stale = await fetch(`${base}/v1/phone-numbers/${main!.id}`, {
      method: 'PATCH',
      headers: auth(),
      body: JSON.stringify({ label: 'mine', expected_updated_at: main!.updated_at }),
    })
    expect(stale.status).toBe(409)
    expect(await stale.json()).toMatchObject({
      error: { code: 'precondition_failed', details: [{ field: MAIN, message: `updated at ${number.updated_at}` }] },
    })

    const byId = await control({
      id: main!.id,
      changes: { inbound_canary: { agent_version_id: 'agv_billing_1', percent: 7 } },
    })
    expect(((await byId.json()) as PhoneNumber).inbound_canary).toEqual({
      agent_version_id: 'agv_billing_1',
      percent: 7,
    })
    const events = (await (
      await fetch(`${base}/v1/events?phone_number_id=${main!.id}&limit=2`, { headers: auth() })
    ).json()) as { data: ChangeEvent[] }
    expect(events.data.map((e) => [e.actor, e.reason])).toEqual([
      ['another-admin', null],
      ['another-admin', 'Their reason'],
    ])
  })

  test('refuses what no number may hold (400), an unknown number (404), a request from a page (403)', async () => {
    expect((await control({ phone_number: MAIN, changes: { import_error: 'x' } })).status).toBe(400)
    expect((await control({ phone_number: MAIN, changes: { inbound_agent_version_id: 'agv_nope' } })).status).toBe(400)
    expect((await control({ changes: { nickname: 'x' } })).status).toBe(400)
    expect((await control({ id: 'phn_nope', changes: { nickname: 'x' } })).status).toBe(404)
    expect((await control({ phone_number: MAIN, changes: { nickname: 'x' } }, { Origin: APP_ORIGIN })).status).toBe(403)
    expect((await mainNumber()).data[0]!.nickname).toBe('Main Support Line')
  })
})

describe('POST /__control/faults', () => {
  const faults = (spec: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/__control/faults`, { method: 'POST', headers, body: JSON.stringify({ spec }) })
  const deploySales = (expected: string) =>
    fetch(`${base}/v1/agents/agt_sales/versions/agv_sales_3/publish`, {
      method: 'POST',
      headers: { ...auth(), Origin: APP_ORIGIN },
      body: JSON.stringify({ direction: 'outbound', phone_numbers: [MAIN], expected_updated_at: { [MAIN]: expected } }),
    })

  test('fails the endpoints named, the way the demo does (a 503 with CORS headers, nothing applied), until turned off; answers what was injected, per endpoint', async () => {
    const [main] = (await mainNumber()).data
    const on = await faults('rate:1,kinds:503,endpoints:publish')
    expect(on.status).toBe(200)
    expect(await on.json()).toMatchObject({
      faults: { rate: 1, kinds: ['503'], endpoints: ['publish'] },
      replaced: null,
    })

    const failed = await deploySales(main!.updated_at)
    expect(failed.status).toBe(503)
    expect(failed.headers.get('Access-Control-Allow-Origin')).toBe(APP_ORIGIN)
    expect((await failed.json()) as unknown).toMatchObject({ error: { code: 'internal' } })
    expect((await mainNumber()).data[0]).toEqual(main)
    // Other endpoints are not failed.
    const renamed = await fetch(`${base}/v1/phone-numbers/${main!.id}`, {
      method: 'PATCH',
      headers: auth(),
      body: JSON.stringify({ nickname: 'Renamed', expected_updated_at: main!.updated_at }),
    })
    expect(renamed.status).toBe(200)
    const { updated_at } = (await renamed.json()) as PhoneNumber

    const off = await faults(null)
    expect(await off.json()).toMatchObject({
      faults: null,
      replaced: {
        injected: { '503': 1, '500': 0 },
        requests: { publish: 1, patch: 1 },
        scenarios: { 'publish:503': 1 },
      },
    })
    const deployed = await deploySales(updated_at)
    expect(deployed.status).toBe(200)
    expect((await mainNumber()).data[0]!.outbound_agent_version_id).toBe('agv_sales_3')
  })

  test('a reset turns them off', async () => {
    await faults('rate:1,kinds:503,endpoints:publish')
    await fetch(`${base}/__control/reset`, { method: 'POST' })
    const [main] = (await mainNumber()).data
    expect((await deploySales(main!.updated_at)).status).toBe(200)
  })

  test('refuses a spec it would half apply or not a spec (400), and a request from a page (403)', async () => {
    const typo = await faults('rate:1,kind:503')
    expect(typo.status).toBe(400)
    expect(((await typo.json()) as { error: { message: string } }).error.message).toContain('kind:503')
    expect((await faults(503)).status).toBe(400)
    expect((await faults('rate:1', { Origin: APP_ORIGIN })).status).toBe(403)
    const [main] = (await mainNumber()).data
    expect((await deploySales(main!.updated_at)).status).toBe(200)
  })
})

test('serves version 2’s endpoints: canary, usage, events', async () => {
  const [main] = (await mainNumber()).data
  const put = await fetch(`${base}/v1/phone-numbers/${main!.id}/inbound-canary`, {
    method: 'PUT',
    headers: auth(),
    body: JSON.stringify({ agent_version_id: 'agv_billing_3', percent: 25 }),
  })
  expect(put.status).toBe(200)
  const usage = (await (await fetch(`${base}/v1/agents/agt_billing/usage`, { headers: auth() })).json()) as {
    data: { version_id: string; canary: number }[]
  }
  expect(usage.data.find((u) => u.version_id === 'agv_billing_3')?.canary).toBe(1)
  const removed = await fetch(`${base}/v1/phone-numbers/${main!.id}/inbound-canary`, {
    method: 'DELETE',
    headers: auth(TEST_KEYS.support),
  })
  expect(removed.status).toBe(403)
})
