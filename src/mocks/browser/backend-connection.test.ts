import { connectBackend } from '@/mocks/browser/backend-connection'
import { hostDemoBackend } from '@/mocks/browser/backend-host'
import {
  serializeRequest,
  type FromBackend,
  type ServiceWorkerMessage,
  type ToBackend,
} from '@/mocks/browser/backend-messages'
import { ChangesToStore } from '@/mocks/browser/persistence'
import {
  ADMIN,
  BASE,
  closeChannels,
  connectedBackend,
  listRequest,
  openChannel,
} from '@/mocks/browser/backend-test-support'
import { createSeedWorkspace } from '@/mocks/seed'
import { Workspace, type WorkspaceChanges } from '@/mocks/workspace'
import type { PhoneNumber, PhoneNumberList } from '@/types/api'

/**
 * The page and the demo backend's Web Worker over a real MessageChannel, as in the browser: requests
 * and answers cross whole, writes are reported for storage before their answer, test hooks and
 * another tab's changes reach the workspace.
 */

const MAIN = '+14155550123'
afterEach(closeChannels)

const deploy = (numbers: string[], versionId = 'agv_sales_2') =>
  new Request(`${BASE}/v1/agents/agt_sales/versions/${versionId}/publish`, {
    method: 'POST',
    headers: ADMIN,
    body: JSON.stringify({ phone_numbers: numbers, direction: 'outbound' }),
  })

test('answers as the handlers do: the same listing as a workspace of the same seed, status and headers kept', async () => {
  const { connection } = connectedBackend()
  await connection.ready
  const response = (await connection.answer(listRequest('search=%2B1&limit=50&sort=phone_number')))!
  expect(response.status).toBe(200)
  expect(response.headers.get('Content-Type')).toMatch(/application\/json/)
  const direct = new Workspace(createSeedWorkspace({ numbers: 500 })).listPhoneNumbers(
    new URLSearchParams('search=%2B1&limit=50&sort=phone_number'),
  )
  expect((await response.json()) as PhoneNumberList).toEqual(direct)
  const refused = (await connection.answer(new Request(`${BASE}/v1/phone-numbers`)))!
  expect(refused.status).toBe(401)
})

test('ready tells the page which workspace was built: the size, and whether the stored changes were taken in', async () => {
  await expect(connectedBackend().connection.ready).resolves.toEqual({ size: 500, keptStored: false })
  const changes: WorkspaceChanges = {
    numbers: [],
    publishedVersionIds: ['agv_sales_2'],
    agentsUpdatedAt: {},
    events: [],
  }
  await expect(connectedBackend({ changes }).connection.ready).resolves.toEqual({ size: 500, keptStored: true })
})

test('a write is reported for storage before its answer, and only what it changed', async () => {
  const { connection, wrote } = connectedBackend()
  const response = (await connection.answer(deploy([MAIN])))!
  expect(response.status).toBe(200)
  const { data } = (await response.json()) as { data: PhoneNumber[] }
  expect(wrote).toHaveLength(1)
  expect(wrote[0]!.numbers).toEqual(data)
  expect(wrote[0]!.events).toHaveLength(1)
  const toStore = new ChangesToStore()
  for (const delta of wrote) toStore.add(delta)
  expect(toStore.take().numbers.map((n) => n.outbound_agent_version_id)).toEqual(['agv_sales_2'])
  await connection.answer(listRequest('limit=1'))
  expect(wrote).toHaveLength(1)
})

test('writes reported before the page listens are kept for it, in order', async () => {
  const channel = openChannel()
  hostDemoBackend(channel.port1, { testHooks: null })
  const connection = connectBackend(channel.port2, {
    inputs: { search: '?numbers=500&latency=0', stored: null },
    eventIdTag: '_t',
  })
  await connection.answer(deploy([MAIN]))
  await connection.answer(deploy([MAIN], 'agv_sales_3'))
  const wrote: WorkspaceChanges[] = []
  connection.onWrote((delta) => wrote.push(delta))
  expect(wrote.map((delta) => delta.numbers.map((n) => n.outbound_agent_version_id))).toEqual([
    ['agv_sales_2'],
    ['agv_sales_3'],
  ])
})

test('what no handler takes is left to the network; a lost connection is Response.error()', async () => {
  const { connection } = connectedBackend({ faults: 'rate:1,kinds:network,endpoints:list' })
  expect(await connection.answer(new Request(`${BASE}/v1/nothing-here`, { headers: ADMIN }))).toBeNull()
  expect((await connection.answer(listRequest('limit=1')))!.type).toBe('error')
})

test('starts from stored changes, and takes in what another tab stored', async () => {
  const other = new Workspace(createSeedWorkspace({ numbers: 500 }))
  const id = other.numberByE164(MAIN)!.id
  other.changeAsAnotherAdmin(id, { nickname: 'Stored before' })
  const { connection, wrote, hook } = connectedBackend({ changes: other.changes() })
  expect((await hook('listPhoneNumbers', { search: 'Stored before' })).total).toBe(1)
  other.changeAsAnotherAdmin(id, { nickname: 'From the other tab' })
  await connection.takeOtherTabChanges(other.changes())
  expect((await hook('listPhoneNumbers', { search: 'From the other tab' })).data.map((n) => n.id)).toEqual([id])
  // Stored already: nothing of it is reported as this tab's own write.
  expect(wrote).toEqual([])
})

test('test hooks run in the backend: another admin changes a number (reported for storage); errors come back in words', async () => {
  const { connection, hook, wrote } = connectedBackend()
  const changed = await hook('anotherAdmin', MAIN, { nickname: 'Theirs' }, { reason: 'Their reason' })
  expect(changed.nickname).toBe('Theirs')
  expect(wrote.flatMap((delta) => delta.numbers.map((n) => n.nickname))).toEqual(['Theirs'])
  expect((await hook('allNumbers')).find((n) => n.phone_number === MAIN)?.nickname).toBe('Theirs')
  await expect(hook('anotherAdmin', '+15555550100', { nickname: 'x' })).rejects.toThrow(/No phone number/)
  expect(await hook('configureFaults', 'rate:1,kinds:500,endpoints:publish')).toBeNull()
  expect((await connection.answer(deploy([MAIN])))!.status).toBe(500)
  expect(await hook('configureFaults', null)).toMatchObject({
    requests: { publish: 1 },
    scenarios: { 'publish:500': 1 },
  })
})

test('a build without test hooks refuses them', async () => {
  const { connection } = connectedBackend({ testHooks: false })
  await expect(connection.callTestHook('allNumbers', [])).rejects.toThrow(/No test hook allNumbers/)
})

test("a write's answer to the service worker leaves only once the page has the write (a page closed on seeing it still stores it)", async () => {
  const page = openChannel()
  hostDemoBackend(page.port1, { testHooks: null })
  const toPage: FromBackend[] = []
  page.port2.addEventListener('message', (event: MessageEvent<FromBackend>) => toPage.push(event.data))
  const start: ToBackend = {
    kind: 'start',
    inputs: { search: '?numbers=500&latency=0', stored: null },
    eventIdTag: '_t',
  }
  page.port2.postMessage(start)
  const serviceWorker = openChannel()
  page.port2.postMessage({ kind: 'serve', port: serviceWorker.port1 } satisfies ToBackend, [serviceWorker.port1])
  const toServiceWorker: (FromBackend | ServiceWorkerMessage)[] = []
  serviceWorker.port2.addEventListener('message', (event: MessageEvent<FromBackend | ServiceWorkerMessage>) =>
    toServiceWorker.push(event.data),
  )

  const request = await serializeRequest(deploy([MAIN]))
  serviceWorker.port2.postMessage({ kind: 'request', id: 1, request } satisfies ToBackend, [request.body!])
  const wrote = await vi.waitFor(
    () => {
      const found = toPage.find((message) => message.kind === 'wrote')
      if (!found) throw new Error('no write reported yet')
      return found
    },
    { timeout: 10_000 },
  )
  // Time the answer would take to arrive if it did not wait: this can only let the test pass wrongly, never fail it.
  await new Promise((resolve) => setTimeout(resolve, 100))
  // What the write changed, for the service worker to pass on to the demo's other tabs; not the answer yet.
  expect(toServiceWorker).toEqual([{ kind: 'wrote', size: 500, changes: wrote.changes }])

  page.port2.postMessage({ kind: 'wrote-received', seq: wrote.seq } satisfies ToBackend)
  await vi.waitFor(() => expect(toServiceWorker.map((message) => message.kind)).toEqual(['wrote', 'response']))
})
