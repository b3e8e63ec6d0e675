// @ts-check (tsconfig.service-worker.json)
/**
 * The demo's service worker. It answers each tab's API requests (`/v1/…`) from that tab's demo
 * backend (a Web Worker running msw's handlers: src/mocks/browser/backend-host.ts), over a
 * MessagePort the tab hands it (src/mocks/browser/service-worker-link.ts). The page's main thread
 * is not on the way: msw's own service worker asks the page about every request, which cost the page
 * most of its time while exporting 100,000 numbers. Every other request goes to the network untouched.
 *
 * Plain JavaScript in public/, so the dev server and builds serve the same file at the root (a
 * service worker's scope). It speaks the worker's messages (`request` → `response`, see
 * src/mocks/browser/backend-messages.ts), tested in src/mocks/browser/demo-service-worker.test.ts.
 */

const worker = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self))

/**
 * @typedef {{ kind: 'answer', status: number, statusText: string, headers: [string, string][], body: ArrayBuffer | null }
 *   | { kind: 'network-error' } | { kind: 'unhandled' }} SerializedResponse
 * @typedef {{ ask: (request: Request) => Promise<SerializedResponse>, tell: (message: unknown) => void }} Backend
 * @typedef {{ kind: 'wrote', size: number, changes: unknown }} Wrote
 */

/**
 * Each tab's backend, by client id. A restarted service worker has none: it asks the tab again.
 * @type {Map<string, Backend>}
 */
const backends = new Map()
/**
 * Requests waiting for their tab to link, by client id: one `connect-please` asks for all of them.
 * @type {Map<string, Set<(backend: Backend | null) => void>>}
 */
const waitingFor = new Map()
/**
 * Tabs that did not link when asked: a page of another build on this origin (the real-server build,
 * its API on the same origin), which has no demo backend, or a demo tab busy for seconds. Their
 * requests go to the network at once, and ask again without waiting (a demo tab links then).
 * @type {Set<string>}
 */
const notDemoTabs = new Set()
/** How long a request waits for its tab to link before it goes to the network (a demo tab answers in a task). */
const CONNECT_WAIT_MS = 3_000

worker.addEventListener('install', () => void worker.skipWaiting())
worker.addEventListener('activate', (event) => event.waitUntil(worker.clients.claim()))

worker.addEventListener('message', (event) => {
  const source = event.source
  if (!source || !('id' in source)) return
  if (event.data?.kind === 'claim') {
    // A tab loaded without this worker (a hard reload) asks to be served.
    event.waitUntil(worker.clients.claim())
    return
  }
  if (event.data?.kind !== 'connect' || !event.ports[0]) return
  // A link that replaces another (the tab answered a `connect-please` twice) leaves the older one to its answers.
  const tab = source.id
  const backend = backendOver(event.ports[0], (wrote) => passOn(tab, wrote))
  backends.set(tab, backend)
  notDemoTabs.delete(tab)
  for (const resolve of waitingFor.get(tab) ?? []) resolve(backend)
  waitingFor.delete(tab)
  source.postMessage({ kind: 'linked' })
  event.waitUntil(forgetClosedTabs())
})

/** Links of tabs that are gone: their workers are gone with them. Not those made while the tabs are listed. */
async function forgetClosedTabs() {
  const linked = [...backends]
  const open = new Set((await worker.clients.matchAll()).map((client) => client.id))
  for (const [id, backend] of linked) {
    if (!open.has(id) && backends.get(id) === backend) backends.delete(id)
  }
  await endTurnIfGone(writes.turn)
}

worker.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url)
  if (url.origin !== worker.location.origin || !url.pathname.startsWith('/v1/') || !event.clientId) return
  event.respondWith(answer(event.clientId, event.request))
})

/**
 * @param {string} clientId
 * @param {Request} request
 * @returns {Promise<Response>}
 */
async function answer(clientId, request) {
  if (notDemoTabs.has(clientId) && !backends.has(clientId)) {
    void worker.clients.get(clientId).then((client) => client?.postMessage({ kind: 'connect-please' }))
    return fetch(request)
  }
  const backend = backends.get(clientId) ?? (await linkTo(clientId))
  if (!backend) return fetch(request)
  const write = request.method !== 'GET' && request.method !== 'HEAD'
  const endWrite = write ? await writeTurn(clientId) : () => {}
  /** @type {SerializedResponse} */
  let response
  try {
    response = await backend.ask(request.clone())
  } finally {
    endWrite()
  }
  if (response.kind === 'unhandled') return fetch(request)
  if (response.kind === 'network-error') return Response.error()
  const { status, statusText, headers, body } = response
  return new Response(body, { status, statusText, headers })
}

/**
 * Each tab's backend holds its own copy of the workspace; two tabs are two admins of one workspace. A
 * backend tells what each write changed before the write's answer, and that goes on at once to the
 * other tabs' backends (`other-tab-wrote`), ahead of anything sent to them later on the same port.
 * @param {string} writer
 * @param {Wrote} wrote
 */
function passOn(writer, { size, changes }) {
  for (const [tab, backend] of backends) {
    if (tab !== writer) backend.tell({ kind: 'other-tab-wrote', size, changes })
  }
}

/**
 * Writes go one tab at a time: a tab's write waits until the writes of another tab in flight are
 * answered (and so passed on), so it is checked against them (`expected_updated_at`) and never
 * silently undoes them. A tab's own writes run side by side (a bulk job's calls), unless another tab
 * waits: then they queue behind it. A tab closed or reloaded mid-write never hears its answers: its
 * turn ends as soon as another write finds it gone (a waiting write looks every GONE_CHECK_MS), and
 * none waits longer than WRITE_TURN_WAIT_MS.
 * @typedef {{ tab: string, inFlight: number }} WriteTurn
 */
const writes = {
  /** The tab whose writes are in flight, and how many; null when none. @type {WriteTurn | null} */
  turn: null,
  /** @type {{ tab: string, admit: (end: () => void) => void }[]} */
  queue: [],
}
const WRITE_TURN_WAIT_MS = 10_000
/** How often a waiting write looks whether the tab whose turn it is has gone. */
const GONE_CHECK_MS = 500

/**
 * Settles when `tab` may send a write; with the function that says it was answered.
 * @param {string} tab
 * @returns {Promise<() => void>}
 */
function writeTurn(tab) {
  if (writes.queue.length === 0 && (writes.turn === null || writes.turn.tab === tab)) {
    writes.turn ??= { tab, inFlight: 0 }
    return Promise.resolve(oneMore(writes.turn))
  }
  void endTurnIfGone(writes.turn)
  return new Promise((resolve) => {
    const waiting = {
      tab,
      /** @param {() => void} end */
      admit: (end) => {
        clearTimeout(timer)
        clearInterval(lookAgain)
        resolve(end)
      },
    }
    // The tab holding the turn may close while this write waits: nothing tells the worker, so it looks.
    const lookAgain = setInterval(() => void endTurnIfGone(writes.turn), GONE_CHECK_MS)
    const timer = setTimeout(() => {
      clearInterval(lookAgain)
      writes.queue = writes.queue.filter((other) => other !== waiting)
      resolve(() => {})
    }, WRITE_TURN_WAIT_MS)
    writes.queue.push(waiting)
  })
}

/**
 * One more write in `turn`; the function that says it was answered (once counts: a turn ended by
 * its tab's closing is not ended again by an answer that comes after all).
 * @param {WriteTurn} turn
 */
function oneMore(turn) {
  turn.inFlight += 1
  let answered = false
  return () => {
    if (answered) return
    answered = true
    turn.inFlight -= 1
    if (turn.inFlight === 0 && writes.turn === turn) admitNext()
  }
}

/** The next tab in the queue writes: its writes waiting now go together. */
function admitNext() {
  const next = writes.queue[0]
  if (!next) {
    writes.turn = null
    return
  }
  const turn = { tab: next.tab, inFlight: 0 }
  writes.turn = turn
  const admitted = writes.queue.filter((waiting) => waiting.tab === next.tab)
  writes.queue = writes.queue.filter((waiting) => waiting.tab !== next.tab)
  for (const waiting of admitted) waiting.admit(oneMore(turn))
}

/**
 * Ends the turn of a tab that is gone (closed, reloaded, crashed): its writes' answers will never come.
 * @param {WriteTurn | null} turn
 */
async function endTurnIfGone(turn) {
  if (turn === null || (await worker.clients.get(turn.tab))) return
  if (writes.turn === turn) admitNext()
}

/**
 * Asks the tab for a link to its backend; null if the tab is gone or does not link in time (it then
 * goes to the network).
 * @param {string} clientId
 * @returns {Promise<Backend | null>}
 */
async function linkTo(clientId) {
  const client = await worker.clients.get(clientId)
  if (!client) return null
  const linked = backends.get(clientId)
  if (linked) return linked
  return new Promise((resolve) => {
    const waiting = waitingFor.get(clientId) ?? new Set()
    /** @param {Backend | null} backend */
    const settle = (backend) => {
      clearTimeout(timer)
      waiting.delete(settle)
      if (waiting.size === 0 && waitingFor.get(clientId) === waiting) waitingFor.delete(clientId)
      resolve(backend)
    }
    const timer = setTimeout(() => {
      notDemoTabs.add(clientId)
      settle(null)
    }, CONNECT_WAIT_MS)
    const first = waiting.size === 0
    waiting.add(settle)
    waitingFor.set(clientId, waiting)
    if (first) client.postMessage({ kind: 'connect-please' })
  })
}

/**
 * The tab's backend over `port`: requests out, answers back by id; what its writes changed to `onWrote`.
 * @param {MessagePort} port
 * @param {(wrote: Wrote) => void} onWrote
 * @returns {Backend}
 */
function backendOver(port, onWrote) {
  let lastId = 0
  /** @type {Map<number, (response: SerializedResponse) => void>} */
  const pending = new Map()
  port.onmessage = (event) => {
    const { kind, id, response } = event.data
    if (kind === 'wrote') onWrote(event.data)
    if (kind !== 'response') return
    pending.get(id)?.(response)
    pending.delete(id)
  }
  return {
    tell: (message) => port.postMessage(message),
    ask: async (request) => {
      const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer()
      const serialized = { method: request.method, url: request.url, headers: [...request.headers], body }
      const id = ++lastId
      return new Promise((resolve) => {
        pending.set(id, resolve)
        port.postMessage({ kind: 'request', id, request: serialized }, body ? [body] : [])
      })
    },
  }
}
