import { createApiClient } from '@/lib/api-client'
import { apiEndpoints } from '@/lib/api-endpoints'
import { ApiError } from '@/lib/api-error'
import type { ChangeEvent, PhoneNumber } from '@/types/api'

const BASE = 'https://api.example.com'

const number: PhoneNumber = {
  id: 'phn_1',
  phone_number: '+14155550123',
  nickname: 'Main',
  label: null,
  status: 'active',
  provider: 'twilio',
  country_code: 'US',
  number_type: 'local',
  inbound_agent_version_id: 'agv_9d2k1',
  outbound_agent_version_id: null,
  inbound_canary: { agent_version_id: 'agv_7b1x0', percent: 10 },
  inbound_webhook_url: 'https://hooks.example/inbound',
  import_error: null,
  created_at: '2024-03-01T10:00:00.000Z',
  updated_at: '2024-05-11T08:12:44.000Z',
}

const event: ChangeEvent = {
  id: 'evt_000812',
  at: '2024-05-11T08:12:44.000Z',
  actor: 'admin-console',
  reason: 'Move v2 numbers to v3',
  phone_number_id: 'phn_1',
  phone_number: '+14155550123',
  changes: [
    { field: 'inbound_agent_version_id', from: 'agv_1a', to: 'agv_9d2k1' },
    { field: 'inbound_canary', from: { agent_version_id: 'agv_9d2k1', percent: 10 }, to: null },
  ],
}

interface Sent {
  method: string
  url: URL
  headers: Headers
  body: unknown
}

/** The endpoints over a fetch that records each request and answers with `answer(request)`. */
function endpointsAnswering(answer: (sent: Sent) => unknown) {
  const sent: Sent[] = []
  const fetch: typeof globalThis.fetch = (input, init = {}) => {
    const request: Sent = {
      method: init.method ?? 'GET',
      url: new URL(input instanceof Request ? input.url : input.toString()),
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    }
    sent.push(request)
    return Promise.resolve(Response.json(answer(request)))
  }
  const endpoints = apiEndpoints(createApiClient({ baseUrl: BASE, getApiKey: () => 'sk_admin', fetch }))
  return { endpoints, sent }
}

const listOf = (data: PhoneNumber[]) => ({ data, page: 1, limit: 200, total: data.length })

test('the list sends every filter of version 2: booleans as true/false, ids comma-separated, none for an empty slot', async () => {
  const { endpoints, sent } = endpointsAnswering(() => listOf([number]))
  const list = await endpoints.listPhoneNumbers({
    inbound_version_id: 'none',
    outbound_version_id: 'agv_2',
    canary: true,
    import_error: false,
    ids: ['phn_1', 'phn 2'],
    sort: 'updated_at',
    order: 'desc',
  })
  expect(list.data).toEqual([number])
  expect(sent[0]!.url.pathname).toBe('/v1/phone-numbers')
  expect(Object.fromEntries(sent[0]!.url.searchParams)).toEqual({
    inbound_version_id: 'none',
    outbound_version_id: 'agv_2',
    canary: 'true',
    import_error: 'false',
    ids: 'phn_1,phn 2',
    sort: 'updated_at',
    order: 'desc',
  })
  // An empty id list is no filter at all (API.md: an empty value counts as absent).
  await endpoints.listPhoneNumbers({ ids: [] })
  expect(sent[1]!.url.search).toBe('')
})

test('more than 200 ids in one list request is refused before anything is sent', async () => {
  const { endpoints, sent } = endpointsAnswering(() => listOf([]))
  const ids = Array.from({ length: 201 }, (_, k) => `phn_${k}`)
  await expect(endpoints.listPhoneNumbers({ ids })).rejects.toThrow(RangeError)
  expect(sent).toEqual([])
})

test('phoneNumbersByIds asks in chunks of 200 distinct ids and returns every record found', async () => {
  const { endpoints, sent } = endpointsAnswering(({ url }) => {
    const ids = url.searchParams.get('ids')!.split(',')
    // ids not in the workspace are simply absent
    return listOf(ids.filter((id) => id !== 'phn_missing').map((id) => ({ ...number, id })))
  })
  const ids = [...Array.from({ length: 450 }, (_, k) => `phn_${k}`), 'phn_0', 'phn_missing']
  const found = await endpoints.phoneNumbersByIds(ids)
  expect(sent.map((r) => r.url.searchParams.get('ids')!.split(',').length)).toEqual([200, 200, 51])
  expect(sent.every((r) => r.url.searchParams.get('limit') === '200')).toBe(true)
  expect(found).toHaveLength(450)
  expect(new Set(found.map((n) => n.id)).size).toBe(450)
  expect(await endpoints.phoneNumbersByIds([])).toEqual([])
  expect(sent).toHaveLength(3)
})

test('PATCH sends the webhook URL and the precondition, and returns the validated record', async () => {
  const { endpoints, sent } = endpointsAnswering(() => number)
  const body = {
    nickname: 'Main',
    inbound_webhook_url: null,
    expected_updated_at: '2024-05-11T08:12:44.000Z',
  }
  expect(await endpoints.patchPhoneNumber('phn/1', body)).toEqual(number)
  expect(sent[0]).toMatchObject({ method: 'PATCH', body })
  // The id is one path segment, whatever it holds.
  expect(sent[0]!.url.pathname).toBe('/v1/phone-numbers/phn%2F1')
})

test('publish sends its preconditions per number and returns the records', async () => {
  const { endpoints, sent } = endpointsAnswering(() => ({ data: [number] }))
  const body = {
    phone_numbers: ['+14155550123'],
    direction: 'inbound' as const,
    expected_updated_at: { '+14155550123': number.updated_at },
  }
  expect(await endpoints.publishAgentVersion('agt_a', 'agv_b', body, { reason: 'Bulk change' })).toEqual([number])
  expect(sent[0]).toMatchObject({ method: 'POST', body })
  expect(sent[0]!.url.pathname).toBe('/v1/agents/agt_a/versions/agv_b/publish')
  expect(sent[0]!.headers.get('X-Change-Reason')).toBe('Bulk%20change')
})

test('the inbound canary: PUT with its body, DELETE with the precondition in the query', async () => {
  const { endpoints, sent } = endpointsAnswering(() => number)
  const canary = { agent_version_id: 'agv_7b1x0', percent: 10, expected_updated_at: number.updated_at }
  expect(await endpoints.putInboundCanary('phn_1', canary, { reason: 'Try v4 on 10 %' })).toEqual(number)
  expect(sent[0]).toMatchObject({ method: 'PUT', body: canary })
  expect(sent[0]!.url.pathname).toBe('/v1/phone-numbers/phn_1/inbound-canary')
  expect(sent[0]!.headers.get('Content-Type')).toBe('application/json')

  await endpoints.deleteInboundCanary('phn_1', { expectedUpdatedAt: number.updated_at, reason: 'Undo: canary' })
  expect(sent[1]).toMatchObject({ method: 'DELETE', body: undefined })
  expect(sent[1]!.url.pathname).toBe('/v1/phone-numbers/phn_1/inbound-canary')
  expect(sent[1]!.url.searchParams.get('expected_updated_at')).toBe(number.updated_at)
  expect(sent[1]!.headers.get('X-Change-Reason')).toBe('Undo%3A%20canary')
  // Without a precondition: no query at all, no body, no Content-Type.
  await endpoints.deleteInboundCanary('phn_1')
  expect(sent[2]!.url.search).toBe('')
  expect(sent[2]!.headers.has('Content-Type')).toBe(false)
  expect(sent[2]!.headers.has('X-Change-Reason')).toBe(false)
})

test('usage and events are read with their parameters and validated', async () => {
  const usage = [{ version_id: 'agv_1a', inbound: 0, outbound: 12, canary: 3 }]
  const events = { data: [event], page: 2, limit: 20, total: 21 }
  const { endpoints, sent } = endpointsAnswering(({ url }) =>
    url.pathname.endsWith('/usage') ? { data: usage } : events,
  )
  expect(await endpoints.agentUsage('agt abc')).toEqual(usage)
  expect(sent[0]!.url.pathname).toBe('/v1/agents/agt%20abc/usage')
  expect(await endpoints.listEvents({ phone_number_id: 'phn_1', page: 2, limit: 20 })).toEqual(events)
  expect(sent[1]!.url.pathname).toBe('/v1/events')
  expect(Object.fromEntries(sent[1]!.url.searchParams)).toEqual({ phone_number_id: 'phn_1', page: '2', limit: '20' })
})

type Endpoints = ReturnType<typeof endpointsAnswering>['endpoints']
test.each<[string, () => unknown, (endpoints: Endpoints) => Promise<unknown>]>([
  [
    'a canary percent of 100',
    () => ({ ...number, inbound_canary: { agent_version_id: 'agv_x', percent: 100 } }),
    (endpoints) => endpoints.patchPhoneNumber('phn_1', { nickname: 'x' }),
  ],
  [
    'a missing import_error',
    () => ({ ...number, import_error: undefined }),
    (endpoints) => endpoints.getPhoneNumber('phn_1'),
  ],
  [
    'an event change of an unknown field',
    () => ({ data: [{ ...event, changes: [{ field: 'x', from: 1, to: 2 }] }], page: 1, limit: 50, total: 1 }),
    (endpoints) => endpoints.listEvents(),
  ],
  [
    'a negative usage count',
    () => ({ data: [{ version_id: 'agv_1a', inbound: -1, outbound: 0, canary: 0 }] }),
    (endpoints) => endpoints.agentUsage('agt_a'),
  ],
])('a reply with %s is refused as invalid_response', async (_name, reply, call) => {
  const { endpoints } = endpointsAnswering(reply)
  const error = await call(endpoints).catch((e: unknown) => e)
  expect(error).toBeInstanceOf(ApiError)
  expect((error as ApiError).kind).toBe('invalid_response')
})

test('reads carry no change reason and no body', async () => {
  const { endpoints, sent } = endpointsAnswering(({ url }) =>
    url.pathname === '/v1/me' ? { workspace: { id: 'w', name: 'W' }, key_name: 'k', scopes: [] } : { data: [] },
  )
  await endpoints.me()
  await endpoints.listAgents()
  for (const request of sent) {
    expect(request.method).toBe('GET')
    expect(request.headers.has('X-Change-Reason')).toBe(false)
    expect(request.body).toBeUndefined()
  }
})
