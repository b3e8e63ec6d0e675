import { FaultInjector, NO_FAULTS, parseFaults, type FaultKind } from '@/mocks/faults'
import { call, expectErrorBody } from '@/mocks/http-test-support'
import { testBackend } from '@/mocks/node'
import { byE164, MAIN, TOLL_FREE } from '@/mocks/workspace/workspace-test-support'

/** Fault injection on version 2's endpoints (canary writes, events, usage), and "another admin" before every write. */

function inject(kind: FaultKind, endpoints = NO_FAULTS.endpoints) {
  testBackend.faults = new FaultInjector({ ...NO_FAULTS, rate: 1, kinds: [kind], endpoints })
}
afterEach(() => {
  testBackend.faults = null
})

const canaryPath = () => `/v1/phone-numbers/${byE164(testBackend.workspace, MAIN).id}/inbound-canary`
const putCanary = () => call('PUT', canaryPath(), { body: { agent_version_id: 'agv_billing_3', percent: 20 } })
const mainCanary = () => byE164(testBackend.workspace, MAIN).inbound_canary

test('the new endpoints can be named: canary, events, usage', () => {
  expect(parseFaults('endpoints:canary+events+usage').endpoints).toEqual(['canary', 'events', 'usage'])
})

test.each(['500', '503', '429'] as const)('a canary write that draws %s applies nothing', async (kind) => {
  inject(kind, ['canary'])
  const before = testBackend.workspace.changes()
  expect((await putCanary()).status).toBe(Number(kind))
  expect(mainCanary()).toBeNull()
  expect(testBackend.workspace.changes()).toEqual(before) // no event either
})

test('"apply" on a canary write applies it (with its event), then answers 500', async () => {
  inject('apply', ['canary'])
  expect((await putCanary()).status).toBe(500)
  expect(mainCanary()).toEqual({ agent_version_id: 'agv_billing_3', percent: 20 })
  const tollFree = byE164(testBackend.workspace, TOLL_FREE)
  expect((await call('DELETE', `/v1/phone-numbers/${tollFree.id}/inbound-canary`)).status).toBe(500)
  expect(byE164(testBackend.workspace, TOLL_FREE).inbound_canary).toBeNull()
})

test('events and usage fail as reads do, and only when named', async () => {
  inject('503', ['events', 'usage'])
  expectErrorBody(await call('GET', '/v1/events'), 503, 'internal')
  expectErrorBody(await call('GET', '/v1/agents/agt_front_desk/usage'), 503, 'internal')
  expect((await call('GET', '/v1/phone-numbers')).status).toBe(200)
  inject('malformed', ['events'])
  expect((await call('GET', '/v1/events')).json).toEqual({ unexpected: 'shape' })
})

describe('"another admin" just before a write (concurrent)', () => {
  const concurrent = () => {
    testBackend.faults = new FaultInjector({ ...NO_FAULTS, concurrent: 1, seed: 11 })
  }

  test('before a PATCH: renames the number, recorded as another-admin; the PATCH then applies over it', async () => {
    concurrent()
    const main = byE164(testBackend.workspace, MAIN)
    const result = await call('PATCH', `/v1/phone-numbers/${main.id}`, { body: { label: 'mine' } })
    expect(result.status).toBe(200)
    expect(result.json).toMatchObject({ label: 'mine', nickname: expect.stringMatching(/another admin/) as string })
    const actors = testBackend.workspace
      .listEvents(new URLSearchParams({ phone_number_id: main.id }))
      .data.map((e) => e.actor)
    expect(actors.slice(0, 2)).toEqual(['demo-admin', 'another-admin'])
  })

  test('with expected_updated_at, the write that follows is refused with 409 and applies nothing', async () => {
    concurrent()
    const main = byE164(testBackend.workspace, MAIN)
    const patch = await call('PATCH', `/v1/phone-numbers/${main.id}`, {
      body: { label: 'mine', expected_updated_at: main.updated_at },
    })
    expectErrorBody(patch, 409, 'precondition_failed')
    expect(byE164(testBackend.workspace, MAIN).label).toBe(main.label)

    const tollFree = byE164(testBackend.workspace, TOLL_FREE)
    const stale = encodeURIComponent(tollFree.updated_at)
    const remove = await call('DELETE', `/v1/phone-numbers/${tollFree.id}/inbound-canary?expected_updated_at=${stale}`)
    expectErrorBody(remove, 409, 'precondition_failed')
    expect(testBackend.faults!.injected.concurrent).toBe(2)
  })

  test('before a canary write: changes the routing, and the canary follows its slot', async () => {
    concurrent()
    const before = byE164(testBackend.workspace, TOLL_FREE)
    await call('PUT', `/v1/phone-numbers/${before.id}/inbound-canary`, {
      body: { agent_version_id: 'agv_billing_1', percent: 20 },
    })
    const after = byE164(testBackend.workspace, TOLL_FREE)
    expect(after.updated_at).not.toBe(before.updated_at)
    const since = testBackend.workspace
      .listEvents(new URLSearchParams({ phone_number_id: before.id }))
      .data.filter((e) => e.at > before.updated_at)
    expect(since.at(-1)?.actor).toBe('another-admin')
    if (after.inbound_canary) expect(after.inbound_canary.agent_version_id).not.toBe(after.inbound_agent_version_id)
  })
})
