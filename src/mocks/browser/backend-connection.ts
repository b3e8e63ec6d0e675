import {
  deserializeResponse,
  type BuiltWorkspace,
  serializeRequest,
  type BackendPort,
  type FromBackend,
  type StartBackend,
  type ToBackend,
} from '@/mocks/browser/backend-messages'
import type { WorkspaceChanges } from '@/mocks/workspace'

/** The page's side of the demo backend's Web Worker (browser/backend-host.ts is the other). */
export interface BackendConnection {
  /** The backend's answer to `request`; null when no handler takes it (it then goes to the network). */
  answer: (request: Request) => Promise<Response | null>
  /**
   * The backend answers the requests that come over `port` as well, straight from its worker: the
   * demo's service worker holds the other end (browser/service-worker-link.ts).
   */
  serveOver: (port: MessagePort) => void
  /** Another tab stored these changes: settles once the backend holds them. */
  takeOtherTabChanges: (changes: WorkspaceChanges) => Promise<void>
  /** A test hook by name (browser/test-hooks.ts); rejects with the hook's error. */
  callTestHook: (name: string, args: unknown[]) => Promise<unknown>
  /**
   * `listener` gets what each write changed, in the order the writes happened, before the write's
   * own answer arrives; changes reported before it is set are kept for it.
   */
  onWrote: (listener: (changes: WorkspaceChanges) => void) => void
  /** Settles once the workspace is built, with what it was built from. */
  ready: Promise<BuiltWorkspace>
  /** `listener` is called each time the backend took in another tab's write (the demo's service worker passed it on). */
  onTookInOtherTab: (listener: () => void) => void
}

/** Starts the backend behind `port` and talks to it. */
export function connectBackend(port: BackendPort, start: Omit<StartBackend, 'kind'>): BackendConnection {
  let lastId = 0
  const waiting = new Map<number, (message: FromBackend) => void>()
  const send = (message: ToBackend, transfer: Transferable[] = []) => port.postMessage(message, transfer)
  const ask = (message: (id: number) => ToBackend, transfer: Transferable[] = []): Promise<FromBackend> =>
    new Promise((resolve) => {
      const id = ++lastId
      waiting.set(id, resolve)
      send(message(id), transfer)
    })
  let wroteListener: ((changes: WorkspaceChanges) => void) | null = null
  const wroteBeforeListening: WorkspaceChanges[] = []
  const tookInListeners: (() => void)[] = []
  let markReady = (_built: BuiltWorkspace) => {}
  const ready = new Promise<BuiltWorkspace>((resolve) => (markReady = resolve))

  port.addEventListener('message', (event: MessageEvent) => {
    const message = event.data as FromBackend
    if (message.kind === 'wrote') {
      try {
        if (wroteListener) wroteListener(message.changes)
        else wroteBeforeListening.push(message.changes)
      } finally {
        // Even when storing failed: every later answer of this backend waits for it.
        send({ kind: 'wrote-received', seq: message.seq })
      }
      return
    }
    if (message.kind === 'took-in-other-tab') {
      for (const listener of tookInListeners) listener()
      return
    }
    if (message.kind === 'ready') {
      // A named measure, so the bench can report seeding (ended just now, in the worker) on its own.
      performance.measure('demo:seed', { end: performance.now(), duration: message.seedMs })
      return markReady({ size: message.size, keptStored: message.keptStored })
    }
    const resolve = waiting.get(message.id)
    waiting.delete(message.id)
    resolve?.(message)
  })
  send({ kind: 'start', ...start })

  return {
    ready,
    onTookInOtherTab: (listener) => void tookInListeners.push(listener),
    onWrote: (listener) => {
      wroteListener = listener
      for (const changes of wroteBeforeListening.splice(0)) listener(changes)
    },
    answer: async (request) => {
      const serialized = await serializeRequest(request)
      const reply = await ask(
        (id) => ({ kind: 'request', id, request: serialized }),
        serialized.body ? [serialized.body] : [],
      )
      if (reply.kind !== 'response') throw new Error(`The demo backend answered a request with ${reply.kind}.`)
      return deserializeResponse(reply.response)
    },
    serveOver: (port) => send({ kind: 'serve', port }, [port]),
    takeOtherTabChanges: async (changes) => {
      await ask((id) => ({ kind: 'other-tab', id, changes }))
    },
    callTestHook: async (name, args) => {
      const reply = await ask((id) => ({ kind: 'test-hook', id, name, args }))
      if (reply.kind !== 'done') throw new Error(`The demo backend answered a test hook with ${reply.kind}.`)
      if (reply.error !== undefined) throw new Error(reply.error)
      return reply.result
    },
  }
}
