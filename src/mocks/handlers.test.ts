import * as z from 'zod/mini'
import { call } from '@/mocks/http-test-support'
import { resetTestBackend, testBackend } from '@/mocks/node'
import type { Workspace } from '@/mocks/workspace'
import { byE164, MAIN, UNASSIGNED } from '@/mocks/workspace/workspace-test-support'
import {
  agentListSchema,
  errorBodySchema,
  meSchema,
  phoneNumberListSchema,
  phoneNumberRecordsSchema,
  phoneNumberSchema,
  scopes,
  type Scope,
} from '@/types/api'

/** The demo backend over HTTP (msw/node, started by the setup file): statuses, bodies and scopes. */

/** Exactly `{ error: { code, message, details? } }`, nothing more, with this status and code. */
function expectErrorBody(result: Awaited<ReturnType<typeof call>>, status: number, code: string) {
  expect(result.status).toBe(status)
  expect(result.contentType).toMatch(/^application\/json/)
  const parsed = z.strictObject(errorBodySchema.shape).parse(result.json)
  expect(Object.keys(parsed.error).sort()).toEqual(
    parsed.error.details ? ['code', 'details', 'message'] : ['code', 'message'],
  )
  expect(parsed.error.code).toBe(code)
  expect(parsed.error.message.trim()).not.toBe('')
  return parsed.error
}

interface Endpoint {
  name: string
  scope: Scope | null
  method: string
  path: (ws: Workspace) => string
  body?: unknown
  schema: z.ZodMiniType
}

const ENDPOINTS: Endpoint[] = [
  { name: 'GET /v1/me', scope: null, method: 'GET', path: () => '/v1/me', schema: meSchema },
  {
    name: 'GET /v1/phone-numbers',
    scope: 'numbers:read',
    method: 'GET',
    path: () => '/v1/phone-numbers',
    schema: phoneNumberListSchema,
  },
  {
    name: 'GET /v1/phone-numbers/{id}',
    scope: 'numbers:read',
    method: 'GET',
    path: (ws) => `/v1/phone-numbers/${byE164(ws, MAIN).id}`,
    schema: phoneNumberSchema,
  },
  {
    name: 'PATCH /v1/phone-numbers/{id}',
    scope: 'numbers:write',
    method: 'PATCH',
    path: (ws) => `/v1/phone-numbers/${byE164(ws, MAIN).id}`,
    body: { nickname: 'Renamed' },
    schema: phoneNumberSchema,
  },
  { name: 'GET /v1/agents', scope: 'agents:read', method: 'GET', path: () => '/v1/agents', schema: agentListSchema },
  {
    name: 'POST /v1/agents/{agent_id}/versions/{version_id}/publish',
    scope: 'agents:manage',
    method: 'POST',
    path: () => '/v1/agents/agt_reminders/versions/agv_reminders_3/publish',
    body: { phone_numbers: [UNASSIGNED], direction: 'both' },
    schema: phoneNumberRecordsSchema,
  },
]

function snapshot(ws: Workspace) {
  return { numbers: ws.allNumbers(), agents: ws.listAgents() }
}

test.each(ENDPOINTS)(
  '$name answers 200 with a valid payload for Authorization: Bearer demo_admin',
  async (endpoint) => {
    const ws = testBackend.workspace
    const result = await call(endpoint.method, endpoint.path(ws), { body: endpoint.body })
    expect(result.status).toBe(200)
    expect(result.contentType).toMatch(/^application\/json/)
    expect(endpoint.schema.safeParse(result.json).success).toBe(true)
  },
)

test('each endpoint answers what the model holds', async () => {
  const ws = testBackend.workspace
  const main = byE164(ws, MAIN)
  expect((await call('GET', '/v1/me')).json).toEqual(ws.me('Bearer demo_admin'))
  expect((await call('GET', '/v1/phone-numbers')).json).toEqual(ws.listPhoneNumbers(new URLSearchParams()))
  expect((await call('GET', `/v1/phone-numbers/${main.id}`)).json).toEqual(main)
  expect((await call('GET', '/v1/agents')).json).toEqual(ws.listAgents())
})

test.each(ENDPOINTS)('$name without an Authorization header is 401 unauthorized', async (endpoint) => {
  const ws = testBackend.workspace
  const before = snapshot(ws)
  expectErrorBody(
    await call(endpoint.method, endpoint.path(ws), { key: null, body: endpoint.body }),
    401,
    'unauthorized',
  )
  expect(snapshot(ws)).toEqual(before)
})

test.each(ENDPOINTS)('$name with an unknown or revoked key is 401 unauthorized', async (endpoint) => {
  const ws = testBackend.workspace
  const before = snapshot(ws)
  for (const key of ['sk_live_unknown', 'constructor', 'demo_admin_']) {
    expectErrorBody(await call(endpoint.method, endpoint.path(ws), { key, body: endpoint.body }), 401, 'unauthorized')
  }
  ws.revokeKey('demo_admin')
  expectErrorBody(await call(endpoint.method, endpoint.path(ws), { body: endpoint.body }), 401, 'unauthorized')
  expect(snapshot(ws)).toEqual(before)
})

test.each(ENDPOINTS.filter((e) => e.scope !== null))(
  '$name needs $scope: 403 insufficient_scope without it, 200 with only it',
  async (endpoint) => {
    const ws = testBackend.workspace
    ws.addKey('sk_lacking', { name: 'lacking', scopes: scopes.filter((s) => s !== endpoint.scope) })
    ws.addKey('sk_only', { name: 'only', scopes: [endpoint.scope!] })
    const before = snapshot(ws)
    const lacking = await call(endpoint.method, endpoint.path(ws), { key: 'sk_lacking', body: endpoint.body })
    expectErrorBody(lacking, 403, 'insufficient_scope')
    expect(snapshot(ws)).toEqual(before)
    expect((await call(endpoint.method, endpoint.path(ws), { key: 'sk_only', body: endpoint.body })).status).toBe(200)
  },
)

test.each([
  ['demo_admin', [200, 200, 200, 200, 200, 200]],
  ['demo_support', [200, 200, 200, 200, 200, 403]],
  ['demo_readonly', [200, 200, 200, 403, 200, 403]],
])('the demo key %s gets the statuses its scopes allow on every endpoint', async (key, statuses) => {
  const results: number[] = []
  for (const endpoint of ENDPOINTS) {
    resetTestBackend()
    const result = await call(endpoint.method, endpoint.path(testBackend.workspace), { key, body: endpoint.body })
    if (result.status === 403) expectErrorBody(result, 403, 'insufficient_scope')
    results.push(result.status)
  }
  expect(results).toEqual(statuses)
})

test('an unknown phone number id is 404 not_found for GET and PATCH', async () => {
  expectErrorBody(await call('GET', '/v1/phone-numbers/phn_nope'), 404, 'not_found')
  const before = snapshot(testBackend.workspace)
  expectErrorBody(await call('PATCH', '/v1/phone-numbers/phn_nope', { body: { nickname: 'x' } }), 404, 'not_found')
  expect(snapshot(testBackend.workspace)).toEqual(before)
})

test('publish of an unknown agent or of another agent’s version is 404 not_found', async () => {
  const ws = testBackend.workspace
  const before = snapshot(ws)
  const body = { phone_numbers: [UNASSIGNED] }
  expectErrorBody(
    await call('POST', '/v1/agents/agt_nope/versions/agv_front_desk_1/publish', { body }),
    404,
    'not_found',
  )
  expectErrorBody(
    await call('POST', '/v1/agents/agt_front_desk/versions/agv_billing_1/publish', { body }),
    404,
    'not_found',
  )
  expect(snapshot(ws)).toEqual(before)
})

test('a malformed JSON body is 400 validation_failed and changes nothing', async () => {
  const ws = testBackend.workspace
  const before = snapshot(ws)
  const main = byE164(ws, MAIN)
  for (const rawBody of ['{"nickname":', "{nickname: 'x'}", 'nickname=x']) {
    expectErrorBody(await call('PATCH', `/v1/phone-numbers/${main.id}`, { rawBody }), 400, 'validation_failed')
    expectErrorBody(
      await call('POST', '/v1/agents/agt_reminders/versions/agv_reminders_3/publish', { rawBody }),
      400,
      'validation_failed',
    )
  }
  expect(snapshot(ws)).toEqual(before)
})

test('model validation errors come back with status, code and details', async () => {
  const ws = testBackend.workspace
  const main = byE164(ws, MAIN)
  const tooLong = expectErrorBody(
    await call('PATCH', `/v1/phone-numbers/${main.id}`, { body: { nickname: 'x'.repeat(256) } }),
    400,
    'validation_failed',
  )
  expect(tooLong.details).toEqual([{ field: 'nickname', message: expect.any(String) as string }])
  expectErrorBody(
    await call('POST', '/v1/agents/agt_legacy_ivr/versions/agv_legacy_ivr_2/publish', {
      body: { phone_numbers: [UNASSIGNED] },
    }),
    400,
    'agent_archived',
  )
  const badLimit = expectErrorBody(await call('GET', '/v1/phone-numbers?limit=201'), 400, 'validation_failed')
  expect(badLimit.details?.[0]?.field).toBe('limit')
})

test('list query parameters are passed through to the model', async () => {
  resetTestBackend({ numbers: 400 })
  const ws = testBackend.workspace
  const cases = [
    'page=2&limit=7',
    'status=pending&sort=nickname&order=desc',
    'search=%2B1%20415-555-0123',
    'search=CLINIC&agent_id=agt_front_desk&sort=updated_at&order=desc&limit=5&page=2',
    'agent_id=agt_legacy_ivr&sort=phone_number',
  ]
  for (const qs of cases) {
    const result = await call('GET', `/v1/phone-numbers?${qs}`)
    expect(result.status).toBe(200)
    expect(result.json).toEqual(ws.listPhoneNumbers(new URLSearchParams(qs)))
  }
  const paged = phoneNumberListSchema.parse((await call('GET', '/v1/phone-numbers?page=2&limit=7')).json)
  expect([paged.page, paged.limit, paged.data.length, paged.total]).toEqual([2, 7, 7, 400])
  const searched = phoneNumberListSchema.parse((await call('GET', '/v1/phone-numbers?search=4155550123')).json)
  expect(searched.data.map((n) => n.phone_number)).toEqual([MAIN])
})

test('PATCH answers the updated record, and the change is stored', async () => {
  const ws = testBackend.workspace
  const main = byE164(ws, MAIN)
  const result = await call('PATCH', `/v1/phone-numbers/${main.id}`, {
    body: { nickname: '  Front Line  ', label: '' },
  })
  expect(result.status).toBe(200)
  const updated = phoneNumberSchema.parse(result.json)
  expect(updated).toMatchObject({
    ...main,
    nickname: 'Front Line',
    label: null,
    updated_at: expect.any(String) as string,
  })
  expect((await call('GET', `/v1/phone-numbers/${main.id}`)).json).toEqual(updated)
  expect(ws.getPhoneNumber(main.id)).toEqual(updated)
})

test('publish answers the updated records and publishes the version; an empty body only publishes', async () => {
  const ws = testBackend.workspace
  const result = await call('POST', '/v1/agents/agt_reminders/versions/agv_reminders_3/publish', {
    body: { phone_numbers: [UNASSIGNED], unassign_phone_numbers: ['+14155550172'], direction: 'both' },
  })
  expect(result.status).toBe(200)
  const { data } = phoneNumberRecordsSchema.parse(result.json)
  expect(data.map((n) => n.phone_number).sort()).toEqual(['+14155550172', UNASSIGNED].sort())
  expect(byE164(ws, UNASSIGNED)).toMatchObject({
    inbound_agent_version_id: 'agv_reminders_3',
    outbound_agent_version_id: 'agv_reminders_3',
  })
  expect(byE164(ws, '+14155550172')).toMatchObject({ inbound_agent_version_id: null, outbound_agent_version_id: null })
  for (const n of data) expect(n).toEqual(ws.getPhoneNumber(n.id))

  const agents = agentListSchema.parse((await call('GET', '/v1/agents')).json)
  const draft = () => agents.data.flatMap((a) => a.versions).find((v) => v.id === 'agv_billing_4')
  expect(draft()?.published).toBe(false)
  const before = ws.allNumbers()
  const publishOnly = await call('POST', '/v1/agents/agt_billing/versions/agv_billing_4/publish')
  expect([publishOnly.status, publishOnly.json]).toEqual([200, { data: [] }])
  const after = agentListSchema.parse((await call('GET', '/v1/agents')).json)
  expect(after.data.flatMap((a) => a.versions).find((v) => v.id === 'agv_billing_4')?.published).toBe(true)
  expect(ws.allNumbers()).toEqual(before)
})

test('onWrite runs after each successful write, and only then', async () => {
  const onWrite = vi.fn()
  testBackend.onWrite = onWrite
  try {
    const main = byE164(testBackend.workspace, MAIN)
    await call('GET', '/v1/phone-numbers')
    await call('PATCH', `/v1/phone-numbers/${main.id}`, { body: { nickname: 7 } })
    await call('PATCH', `/v1/phone-numbers/${main.id}`, { key: 'demo_readonly', body: { nickname: 'x' } })
    expect(onWrite).not.toHaveBeenCalled()
    await call('PATCH', `/v1/phone-numbers/${main.id}`, { body: { nickname: 'x' } })
    await call('POST', '/v1/agents/agt_reminders/versions/agv_reminders_3/publish', { body: {} })
    expect(onWrite).toHaveBeenCalledTimes(2)
  } finally {
    delete testBackend.onWrite
  }
})

test('the handlers serve whatever workspace the backend holds now (reset swaps it)', async () => {
  const first = testBackend.workspace
  await call('PATCH', `/v1/phone-numbers/${byE164(first, MAIN).id}`, { body: { nickname: 'Changed' } })
  const fresh = resetTestBackend()
  const result = await call('GET', `/v1/phone-numbers/${byE164(fresh, MAIN).id}`)
  expect(phoneNumberSchema.parse(result.json).nickname).toBe('Main Support Line')
})
