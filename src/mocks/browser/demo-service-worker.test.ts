import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import {
  ADMIN,
  BASE,
  closeChannels,
  connectedBackend,
  listRequest,
  openChannel,
} from '@/mocks/browser/backend-test-support'
import type { PhoneNumber, PhoneNumberList } from '@/types/api'

/**
 * The demo's service worker (public/demo-service-worker.js), run as the browser runs it, on a fake
 * service worker scope: each tab's requests go over the port that tab linked, to its own demo
 * backend (the Web Worker's code on a real MessageChannel), and come back as that backend answered.
 */

const SCRIPT = readFileSync(join(__dirname, '../../../public/demo-service-worker.js'), 'utf8')
afterEach(closeChannels)

type Listener = (event: unknown) => void

/** A fresh service worker, as the browser starts it (again: a restart forgets every link). */
function startServiceWorker() {
  const listeners = new Map<string, Listener>()
  /** The open tabs (the service worker's clients), each with its demo backend. */
  const tabs = new Map<string, Backend | null>()
  const passedToNetwork: string[] = []
  /** What the service worker told each tab. */
  const told = new Map<string, string[]>()
  const clientOf = (id: string) => ({
    id,
    // As service-worker-link.ts answers; a message arrives in a task of its own.
    postMessage: (message: { kind: string }) =>
      setTimeout(() => {
        told.set(id, [...(told.get(id) ?? []), message.kind])
        if (message.kind === 'connect-please' && tabs.get(id)) link(id)
      }),
  })
  const scope = {
    location: new URL(BASE),
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
    skipWaiting: () => Promise.resolve(),
    clients: {
      get: (id: string) => Promise.resolve(tabs.has(id) ? clientOf(id) : undefined),
      matchAll: () => Promise.resolve([...tabs.keys()].map(clientOf)),
      claim: () => Promise.resolve(),
    },
  }
  const fetchFromNetwork = (request: Request) => {
    passedToNetwork.push(request.url)
    return Promise.resolve(new Response('from the network'))
  }
  // The timers as they are when called: a test's fake ones, if it uses them.
  const timers = {
    setTimeout: (run: () => void, ms: number) => setTimeout(run, ms),
    clearTimeout: (timer: ReturnType<typeof setTimeout>) => clearTimeout(timer),
    setInterval: (run: () => void, ms: number) => setInterval(run, ms),
    clearInterval: (timer: ReturnType<typeof setInterval>) => clearInterval(timer),
  }
  runInNewContext(SCRIPT, { self: scope, fetch: fetchFromNetwork, URL, Response, ...timers })

  /** The page's side: links the tab's backend as service-worker-link.ts does. */
  const link = (tab: string) => {
    const channel = openChannel()
    tabs.get(tab)!.serveOver(channel.port1)
    listeners.get('message')!({
      data: { kind: 'connect' },
      source: clientOf(tab),
      ports: [channel.port2],
      waitUntil: () => undefined,
    })
  }
  /** What the service worker answers `request` sent by `tab`; undefined when it leaves it to the browser. */
  const send = (tab: string, request: Request): Promise<Response> | undefined => {
    let answer: Promise<Response> | undefined
    listeners.get('fetch')!({
      request,
      clientId: tab,
      respondWith: (response: Promise<Response>) => (answer = response),
    })
    return answer
  }
  /**
   * A tab whose page linked its backend (or not yet: a service worker started after the tab linked the one
   * before); with no backend, a page of another build (it never links).
   */
  const openTab = (tab: string, backend: Backend | null, { linked = true } = {}) => {
    tabs.set(tab, backend)
    if (linked) link(tab)
  }
  return {
    openTab,
    closeTab: (tab: string) => tabs.delete(tab),
    send,
    passedToNetwork,
    told: (tab: string) => told.get(tab) ?? [],
  }
}

type Backend = ReturnType<typeof connectedBackend>['connection']

const rename = (id: string, nickname: string, expectedUpdatedAt?: string) =>
  new Request(`${BASE}/v1/phone-numbers/${id}`, {
    method: 'PATCH',
    headers: ADMIN,
    body: JSON.stringify({ nickname, expected_updated_at: expectedUpdatedAt }),
  })

async function firstNumber(worker: ReturnType<typeof startServiceWorker>, tab: string): Promise<PhoneNumber> {
  return ((await (await worker.send(tab, listRequest('limit=1&sort=phone_number')))!.json()) as PhoneNumberList)
    .data[0]!
}

test("answers each tab's API requests from that tab's backend: reads, writes with their bodies, statuses and headers", async () => {
  const worker = startServiceWorker()
  const tabA = connectedBackend()
  const tabB = connectedBackend()
  worker.openTab('a', tabA.connection)
  worker.openTab('b', tabB.connection)

  const listed = (await worker.send('a', listRequest('limit=2&sort=phone_number')))!
  expect(listed.status).toBe(200)
  expect(listed.headers.get('Content-Type')).toMatch(/application\/json/)
  const direct = (await (await tabA.connection.answer(
    listRequest('limit=2&sort=phone_number'),
  ))!.json()) as PhoneNumberList
  const { data } = (await listed.json()) as PhoneNumberList
  expect(data).toEqual(direct.data)

  const renamed = (await worker.send('a', rename(data[0]!.id, 'Only in tab A')))!
  expect(renamed.status).toBe(200)
  expect(((await renamed.json()) as PhoneNumber).nickname).toBe('Only in tab A')
  expect(tabA.wrote.flatMap((delta) => delta.numbers.map((n) => n.nickname))).toEqual(['Only in tab A'])
  // Tab A stores its write; tab B's backend takes it in without reporting it as its own.
  expect(tabB.wrote).toEqual([])

  expect((await worker.send('b', new Request(`${BASE}/v1/phone-numbers`)))!.status).toBe(401)
  expect(worker.passedToNetwork).toEqual([])
  // Each tab was told its link holds (service-worker-link.ts waits for that before it sends anything).
  await vi.waitFor(() => expect([worker.told('a'), worker.told('b')]).toEqual([['linked'], ['linked']]))
})

test('a restarted service worker asks the tab to link again, once for all the requests that wait, then answers them', async () => {
  const tab = connectedBackend()
  const before = startServiceWorker()
  before.openTab('a', tab.connection)
  expect((await before.send('a', listRequest('limit=1')))!.status).toBe(200)

  const restarted = startServiceWorker()
  restarted.openTab('a', tab.connection, { linked: false })
  const answers = await Promise.all([1, 2, 3].map((limit) => restarted.send('a', listRequest(`limit=${limit}`))!))
  expect(
    await Promise.all(answers.map(async (answer) => ((await answer.json()) as PhoneNumberList).data.length)),
  ).toEqual([1, 2, 3])
  await vi.waitFor(() => expect(restarted.told('a')).toEqual(['connect-please', 'linked']))
  expect(restarted.passedToNetwork).toEqual([])
})

test('leaves other requests to the browser; a lost connection fails as fetch does; a tab gone goes to the network', async () => {
  const worker = startServiceWorker()
  const tab = connectedBackend({ faults: 'rate:1,kinds:network,endpoints:list' })
  worker.openTab('a', tab.connection)
  expect(worker.send('a', new Request(`${BASE}/assets/index.js`))).toBeUndefined()
  expect(worker.send('a', new Request('https://api.example.com/v1/phone-numbers'))).toBeUndefined()
  expect((await worker.send('a', listRequest('limit=1')))!.type).toBe('error')

  // A tab closed: the next link (another tab's) forgets its backend, and what it still sends goes to the network.
  worker.closeTab('a')
  worker.openTab('b', connectedBackend().connection)
  await vi.waitFor(async () =>
    expect(await (await worker.send('a', listRequest('limit=1')))!.text()).toBe('from the network'),
  )
  expect(worker.passedToNetwork[0]).toBe(`${BASE}/v1/phone-numbers?limit=1`)
})

test('a page of another build on this origin (no demo backend) is waited for once: its later requests go to the network at once', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  onTestFinished(() => void vi.useRealTimers())
  const worker = startServiceWorker()
  worker.openTab('real-mode page', null, { linked: false })
  const first = worker.send('real-mode page', listRequest('limit=1'))!
  await vi.advanceTimersByTimeAsync(3_000)
  expect(await (await first).text()).toBe('from the network')
  // No wait the second time: answered before any timer runs; it asks again on the way.
  expect(await (await worker.send('real-mode page', listRequest('limit=2'))!).text()).toBe('from the network')
  await vi.advanceTimersByTimeAsync(0)
  expect(worker.told('real-mode page')).toEqual(['connect-please', 'connect-please'])
})

test('a demo tab too busy to link in time is asked again by its next request, and served once it links', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  onTestFinished(() => void vi.useRealTimers())
  const worker = startServiceWorker()
  const tab = connectedBackend()
  // It does not answer the first `connect-please` in time (it links 4 s later), nor the next at once.
  worker.openTab('busy', null, { linked: false })
  const first = worker.send('busy', listRequest('limit=1'))!
  await vi.advanceTimersByTimeAsync(3_000)
  expect(await (await first).text()).toBe('from the network')
  worker.openTab('busy', tab.connection, { linked: false })
  expect(await (await worker.send('busy', listRequest('limit=1'))!).text()).toBe('from the network')
  await vi.advanceTimersByTimeAsync(0)
  vi.useRealTimers()
  await vi.waitFor(async () =>
    expect(await (await worker.send('busy', listRequest('limit=1'))!).text()).not.toBe('from the network'),
  )
})

test('two tabs are two admins of one workspace: a write in one is taken in by the other before its next write, which a stale expected_updated_at then cannot pass', async () => {
  const worker = startServiceWorker()
  const tabA = connectedBackend()
  const tabB = connectedBackend()
  let tookIn = 0
  tabB.connection.onTookInOtherTab(() => (tookIn += 1))
  worker.openTab('a', tabA.connection)
  worker.openTab('b', tabB.connection)
  const seen = await firstNumber(worker, 'b')

  expect((await worker.send('a', rename(seen.id, 'From A', seen.updated_at))!).status).toBe(200)
  const stale = (await worker.send('b', rename(seen.id, 'From B', seen.updated_at)))!
  expect(stale.status).toBe(409)
  expect(((await stale.json()) as { error: { code: string } }).error.code).toBe('precondition_failed')
  const now = await firstNumber(worker, 'b')
  expect(now.nickname).toBe('From A')
  expect(tabB.wrote).toEqual([])
  expect(tookIn).toBe(1)

  // Sent at the same moment from both tabs with the same precondition: one passes, the other is refused.
  const both = await Promise.all([
    worker.send('a', rename(seen.id, 'Again from A', now.updated_at))!,
    worker.send('b', rename(seen.id, 'Again from B', now.updated_at))!,
  ])
  expect(both.map((answer) => answer.status).sort()).toEqual([200, 409])
  expect((await firstNumber(worker, 'a')).nickname).toBe((await firstNumber(worker, 'b')).nickname)
})

test("a tab's own writes run side by side; another tab's write waits for them, then goes before the first tab's next ones", async () => {
  const worker = startServiceWorker()
  const tabA = connectedBackend()
  const tabB = connectedBackend()
  worker.openTab('a', tabA.connection)
  worker.openTab('b', tabB.connection)
  const { data } = (await (await worker.send('a', listRequest('limit=3&sort=phone_number')))!.json()) as PhoneNumberList
  const order: string[] = []
  const write = (tab: string, index: number) =>
    worker.send(tab, rename(data[index]!.id, `${tab}${index}`))!.then(() => order.push(`${tab}${index}`))
  const firstTwo = [write('a', 0), write('a', 1)]
  const fromB = write('b', 2)
  const laterInA = write('a', 2)
  await Promise.all([...firstTwo, fromB, laterInA])
  expect(order.slice(2)).toEqual(['b2', 'a2'])
  expect((await firstNumber(worker, 'b')).nickname).toBe('a0')
})

/**
 * Fake timers (no fallback timer may fire: a write must go because the closed tab's turn ended), and
 * two tabs: `closing` has a write in flight whose answer never comes (its page is gone), `b` is open.
 */
async function writeInFlightInTabAboutToClose() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] })
  onTestFinished(() => void vi.useRealTimers())
  const worker = startServiceWorker()
  // A tab whose page is gone: its end of the link takes requests and never answers.
  worker.openTab('closing', { serveOver: () => undefined } as unknown as Backend)
  worker.openTab('b', connectedBackend().connection)
  const seen = await firstNumber(worker, 'b')
  void worker.send('closing', rename(seen.id, 'Lost with the tab'))
  return { worker, seen }
}

test("a tab closed mid-write does not hold the other tabs' writes: its turn ends once they find it gone", async () => {
  const { worker, seen } = await writeInFlightInTabAboutToClose()
  worker.closeTab('closing')

  const fromB = await worker.send('b', rename(seen.id, 'From B', seen.updated_at))!
  expect(fromB.status).toBe(200)
  expect((await firstNumber(worker, 'b')).nickname).toBe('From B')
  // B's next writes do not wait either.
  expect((await worker.send('b', rename(seen.id, 'Again from B'))!).status).toBe(200)
})

test('a write already waiting when the tab holding the turn closes goes within a second, not after the fallback', async () => {
  const { worker, seen } = await writeInFlightInTabAboutToClose()
  // B's write comes while the tab is still there, so it waits; then the tab closes.
  const fromB = worker.send('b', rename(seen.id, 'From B', seen.updated_at))!
  await vi.advanceTimersByTimeAsync(0)
  worker.closeTab('closing')
  await vi.advanceTimersByTimeAsync(1_000)
  // From here no fake timer fires: B's write goes only if the closed tab's turn has ended.
  vi.useRealTimers()
  const stillWaiting = new Promise((resolve) => setTimeout(() => resolve('still waiting'), 2_000))
  expect(await Promise.race([fromB.then((answer) => answer.status), stillWaiting])).toBe(200)
})
