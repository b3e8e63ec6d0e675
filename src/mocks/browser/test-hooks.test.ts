import { installTestHooks, type DemoBackendTestHooks } from '@/mocks/browser/test-hooks'
import type { DemoBackend } from '@/mocks/handlers'
import { createSeedWorkspace } from '@/mocks/seed'
import { Workspace } from '@/mocks/workspace'
import { ApiFailure } from '@/mocks/api-failure'

/** window.__demoBackend.anotherAdmin: what demo-mode end-to-end tests use to make a 409 happen. */

function install() {
  const backend: DemoBackend = { workspace: new Workspace(createSeedWorkspace()), latencyMs: 0, onWrite: vi.fn() }
  installTestHooks(backend)
  const hooks = (window as unknown as { __demoBackend: DemoBackendTestHooks }).__demoBackend
  return { backend, hooks }
}

test('changes a number by E.164 or id, as another-admin, and stores the change', () => {
  const { backend, hooks } = install()
  const before = backend.workspace.numberByE164('+14155550123')!
  const changed = hooks.anotherAdmin('+14155550123', { nickname: 'Theirs' }, { reason: 'Their reason' })
  expect(changed).toMatchObject({ id: before.id, nickname: 'Theirs' })
  expect(changed.updated_at > before.updated_at).toBe(true)
  expect(hooks.anotherAdmin(before.id, { label: null }).label).toBeNull()
  expect(backend.onWrite).toHaveBeenCalledTimes(2)
  const [latest, previous] = backend.workspace.listEvents(new URLSearchParams({ phone_number_id: before.id })).data
  expect([latest?.actor, previous?.actor, previous?.reason]).toEqual(['another-admin', 'another-admin', 'Their reason'])
})

test('follows the backend when its workspace is swapped, and throws the API error for a change no number may hold', () => {
  const { backend, hooks } = install()
  backend.workspace = new Workspace(createSeedWorkspace({ numbers: 50 }))
  hooks.anotherAdmin('+14155550123', { outbound_agent_version_id: 'agv_sales_2' })
  expect(backend.workspace.numberByE164('+14155550123')?.outbound_agent_version_id).toBe('agv_sales_2')
  expect(() => hooks.anotherAdmin('+14155550123', { import_error: 'x' })).toThrow(ApiFailure)
  expect(() => hooks.anotherAdmin('+15555550100', { nickname: 'x' })).toThrow(ApiFailure)
  expect(backend.onWrite).toHaveBeenCalledTimes(1)
})
