import { FaultInjector, faultSpecProblems, NO_FAULTS, parseFaults, type FaultKind } from '@/mocks/faults'
import { testBackend } from '@/mocks/node'

const BASE = 'http://localhost'
const AUTH = { Authorization: 'Bearer demo_admin', 'Content-Type': 'application/json' }
const MAIN = '+14155550123'

function inject(kind: FaultKind, extra: Partial<typeof NO_FAULTS> = {}) {
  testBackend.faults = new FaultInjector({ ...NO_FAULTS, rate: 1, kinds: [kind], ...extra })
}
afterEach(() => {
  testBackend.faults = null
})

const main = () => testBackend.workspace.numberByE164(MAIN)!
const deploySales = () =>
  fetch(`${BASE}/v1/agents/agt_sales/versions/agv_sales_3/publish`, {
    method: 'POST',
    headers: AUTH,
    body: JSON.stringify({ phone_numbers: [MAIN], direction: 'outbound' }),
  })

test('parseFaults reads every option and ignores what it does not understand', () => {
  expect(
    parseFaults('rate:0.25,kinds:500+429,endpoints:publish+patch,latency:40,concurrent:0.1,retryAfter:2,seed:9'),
  ).toEqual({
    rate: 0.25,
    kinds: ['500', '429'],
    endpoints: ['publish', 'patch'],
    latencyMs: 40,
    concurrent: 0.1,
    retryAfter: 2,
    seed: 9,
  })
  expect(parseFaults('rate:7,kinds:teapot,bogus:1')).toEqual(NO_FAULTS)
  expect(parseFaults(null)).toEqual(NO_FAULTS)
})

test('faultSpecProblems names exactly the parts parseFaults ignores', () => {
  expect(faultSpecProblems('rate:1,kinds:503,endpoints:publish,latency:0,seed:3')).toEqual([])
  expect(faultSpecProblems('')).toEqual([])
  expect(faultSpecProblems('rate:7,kinds:503+teapot,endpoint:publish,latency:400')).toEqual([
    'rate:7',
    'kinds:503+teapot',
    'endpoint:publish',
  ])
})

test('the same seed injects the same faults', () => {
  const draw = () => {
    const injector = new FaultInjector({ ...NO_FAULTS, rate: 0.3, seed: 42 })
    return Array.from({ length: 50 }, (_, i) => injector.decide(i % 2 ? 'publish' : 'list', i % 2 === 1).kind)
  }
  expect(draw()).toEqual(draw())
  expect(draw().filter(Boolean).length).toBeGreaterThan(5)
})

test('reads never draw "apply", and endpoints outside the list are never failed', () => {
  const injector = new FaultInjector({ ...NO_FAULTS, rate: 1, endpoints: ['list'] })
  for (let i = 0; i < 100; i++) expect(injector.decide('list', false).kind).not.toBe('apply')
  expect(injector.decide('agents', false).kind).toBeNull()
})

test.each(['500', '503'] as const)('%s answers the API error shape and applies nothing', async (kind) => {
  inject(kind)
  const response = await deploySales()
  expect(response.status).toBe(Number(kind))
  expect(await response.json()).toMatchObject({ error: { code: 'internal' } })
  expect(main().outbound_agent_version_id).toBeNull()
})

test('502 answers an HTML page and applies nothing', async () => {
  inject('502')
  const response = await deploySales()
  expect(response.status).toBe(502)
  expect(await response.text()).toContain('<html>')
  expect(main().outbound_agent_version_id).toBeNull()
})

test('429 carries Retry-After and applies nothing', async () => {
  inject('429', { retryAfter: 3 })
  const response = await deploySales()
  expect(response.status).toBe(429)
  expect(response.headers.get('Retry-After')).toBe('3')
  expect(main().outbound_agent_version_id).toBeNull()
})

test('"apply" applies the write and then answers 500', async () => {
  inject('apply')
  const response = await deploySales()
  expect(response.status).toBe(500)
  expect(main().outbound_agent_version_id).toBe('agv_sales_3')
})

test('"network" fails the connection and applies nothing', async () => {
  inject('network')
  await expect(deploySales()).rejects.toThrow()
  expect(main().outbound_agent_version_id).toBeNull()
})

test.each(['malformed', 'empty'] as const)(
  '"%s" answers 200 with a body that is not the promised one, after applying',
  async (kind) => {
    inject(kind)
    const response = await deploySales()
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(text.includes('"data"')).toBe(false)
    expect(main().outbound_agent_version_id).toBe('agv_sales_3')
  },
)

test('a concurrent change by "another admin" lands just before the write', async () => {
  testBackend.faults = new FaultInjector({ ...NO_FAULTS, concurrent: 1, seed: 3 })
  const before = main()
  const response = await fetch(`${BASE}/v1/agents/agt_front_desk/versions/agv_front_desk_3/publish`, {
    method: 'POST',
    headers: AUTH,
    body: JSON.stringify({ unassign_phone_numbers: [MAIN], direction: 'outbound' }),
  })
  expect(response.status).toBe(200)
  expect(testBackend.faults.injected.concurrent).toBe(1)
  expect(main().updated_at).not.toBe(before.updated_at)
})

test('401 and 403 stay exact: faults are drawn only for authorised requests', async () => {
  inject('500')
  const response = await fetch(`${BASE}/v1/phone-numbers`, { headers: { Authorization: 'Bearer nope' } })
  expect(response.status).toBe(401)
})
