import { connectBackend } from '@/mocks/browser/backend-connection'
import { hostDemoBackend } from '@/mocks/browser/backend-host'
import { createTestHooks, type DemoBackendTestHooks } from '@/mocks/browser/test-hooks'
import type { WorkspaceChanges } from '@/mocks/workspace'

/**
 * Tests of the browser's demo backend: the page's side and the backend's Web Worker over a real
 * MessageChannel, as in the browser, on a workspace of 500 numbers. Call `closeChannels` after each test.
 */

export const BASE = 'http://localhost'
export const ADMIN = { Authorization: 'Bearer demo_admin', 'Content-Type': 'application/json' }

const channels: MessageChannel[] = []

/** A started channel, closed by closeChannels. */
export function openChannel(): MessageChannel {
  const channel = new MessageChannel()
  channels.push(channel)
  channel.port1.start()
  channel.port2.start()
  return channel
}

export function closeChannels(): void {
  for (const channel of channels.splice(0)) {
    channel.port1.close()
    channel.port2.close()
  }
}

export function connectedBackend({
  faults = null as string | null,
  testHooks = true,
  changes = undefined as WorkspaceChanges | undefined,
} = {}) {
  const channel = openChannel()
  hostDemoBackend(channel.port1, { testHooks: testHooks ? createTestHooks : null })
  const wrote: WorkspaceChanges[] = []
  // As the head script reads them: the URL's query string and the stored workspace's text.
  const search = `?numbers=500&latency=0${faults ? `&faults=${encodeURIComponent(faults)}` : ''}`
  const stored = changes ? JSON.stringify({ size: 500, changes }) : null
  const connection = connectBackend(channel.port2, { inputs: { search, stored }, eventIdTag: '_t' })
  connection.onWrote((delta) => wrote.push(delta))
  const hook = <Name extends keyof DemoBackendTestHooks>(name: Name, ...args: Parameters<DemoBackendTestHooks[Name]>) =>
    connection.callTestHook(name, args) as ReturnType<DemoBackendTestHooks[Name]>
  return { connection, wrote, hook }
}

export const listRequest = (query: string) => new Request(`${BASE}/v1/phone-numbers?${query}`, { headers: ADMIN })
