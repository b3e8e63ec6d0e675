import { getResponse } from 'msw'
import {
  deserializeRequest,
  serializeResponse,
  type BackendPort,
  type FromBackend,
  type SerializedRequest,
  type ServiceWorkerMessage,
  type StartBackend,
  type ToBackend,
} from '@/mocks/browser/backend-messages'
import { resolveDemoStart } from '@/mocks/browser/demo-start'
import type { createTestHooks, TestHooks } from '@/mocks/browser/test-hooks'
import { FaultInjector } from '@/mocks/faults'
import { createHandlers, type DemoBackend } from '@/mocks/handlers'
import { createSeedWorkspace } from '@/mocks/seed'
import { Workspace, type WorkspaceChanges } from '@/mocks/workspace'

/**
 * The demo backend's side of the Web Worker (browser/backend-worker.ts): the same msw handlers as
 * the tests, over a workspace built from `start`, answering the page's requests. Its work (searching
 * and sorting 100,000 numbers, applying 1,000-number publishes, JSON) never holds the page's main
 * thread. After each write it reports what changed, so the page can store it (persistence.ts).
 */
export function hostDemoBackend(
  port: BackendPort,
  // Passed in, not imported: builds without test hooks leave their code out.
  { testHooks }: { testHooks: typeof createTestHooks | null },
): void {
  let started: {
    size: number
    backend: DemoBackend
    handlers: ReturnType<typeof createHandlers>
    hooks: TestHooks | null
  } | null = null
  const post = (message: FromBackend, transfer: Transferable[] = []) => port.postMessage(message, transfer)
  const writes = new WritesToPage()
  /** The demo's service worker's ports (a restarted one links again; a dead port drops what is sent). */
  const serviceWorkerPorts: MessagePort[] = []

  const start = (message: StartBackend) => {
    const seedStart = performance.now()
    const { size, keep, latencyMs, faults } = resolveDemoStart(message.inputs)
    const workspace = new Workspace(createSeedWorkspace({ numbers: size }), undefined, {
      eventIdTag: message.eventIdTag,
    })
    if (keep) workspace.applyChanges(keep)
    const backend: DemoBackend = {
      workspace,
      latencyMs,
      faults: faults ? new FaultInjector(faults) : null,
      onWrite: () => {
        const changes = backend.workspace.takeNewChanges()
        post({ kind: 'wrote', seq: writes.reported(), changes })
        const told: ServiceWorkerMessage = { kind: 'wrote', size, changes }
        for (const serviceWorker of serviceWorkerPorts) serviceWorker.postMessage(told)
      },
    }
    // What was taken in is stored already: report only what this tab writes from here on.
    workspace.takeNewChanges()
    started = { size, backend, handlers: createHandlers(backend), hooks: testHooks?.(backend) ?? null }
    post({ kind: 'ready', seedMs: performance.now() - seedStart, size, keptStored: keep !== undefined })
    prepareBetweenRequests(workspace)
  }

  /** Answers over `to` (the page, or the service worker's port: `serve`). */
  const answer = ({ id, request }: { id: number; request: SerializedRequest }, to: BackendPort) => {
    if (!started) throw new Error('The demo backend got a request before it was started.')
    void getResponse(started.handlers, deserializeRequest(request))
      .then(serializeResponse)
      .catch(
        async (error: unknown) =>
          await serializeResponse(
            Response.json(
              { error: { code: 'internal', message: `The demo backend failed: ${String(error)}` } },
              { status: 500 },
            ),
          ),
      )
      // A write's answer reaches the page by another way than its `wrote` when the service worker asks:
      // it leaves once the page has the write, so that a page closed on seeing the answer still stores it.
      .then(async (response) => {
        await writes.untilPageHasAll()
        to.postMessage(
          { kind: 'response', id, response } satisfies FromBackend,
          response.kind === 'answer' && response.body ? [response.body] : [],
        )
      })
  }

  /** In the order the port delivers it, before any request sent after it: a write here then sees it. */
  const takeInOtherTabWrite = ({ size, changes }: { size: number; changes: WorkspaceChanges }) => {
    // A tab of another size is another workspace.
    if (!started || started.size !== size) return
    started.backend.workspace.applyChanges(changes)
    // Stored by the tab that wrote it: not reported as this tab's.
    started.backend.workspace.takeNewChanges()
    post({ kind: 'took-in-other-tab' })
  }

  port.addEventListener('message', (event: MessageEvent) => {
    const message = event.data as ToBackend
    switch (message.kind) {
      case 'start':
        start(message)
        return
      case 'request':
        answer(message, port)
        return
      case 'serve':
        serviceWorkerPorts.push(message.port)
        message.port.addEventListener('message', (event: MessageEvent) => {
          const request = event.data as ToBackend
          if (request.kind === 'request') answer(request, message.port)
          if (request.kind === 'other-tab-wrote') takeInOtherTabWrite(request)
        })
        message.port.start()
        return
      case 'wrote-received':
        writes.received(message.seq)
        return
      case 'other-tab':
        started?.backend.workspace.applyChanges(message.changes)
        started?.backend.workspace.takeNewChanges()
        post({ kind: 'done', id: message.id })
        return
      case 'test-hook': {
        const hook = started?.hooks?.[message.name as keyof TestHooks] as ((...args: unknown[]) => unknown) | undefined
        try {
          if (!hook) throw new Error(`No test hook ${message.name} in this build.`)
          post({ kind: 'done', id: message.id, result: hook(...message.args) })
        } catch (error) {
          post({ kind: 'done', id: message.id, error: error instanceof Error ? error.message : String(error) })
        }
        return
      }
    }
  })
}

/** The writes reported to the page (`wrote`, numbered) and those it said it has (`wrote-received`). */
class WritesToPage {
  private lastReported = 0
  private lastReceived = 0
  private waiting: { seq: number; resolve: () => void }[] = []

  /** The number of a write being reported now. */
  reported(): number {
    return ++this.lastReported
  }

  received(seq: number): void {
    this.lastReceived = Math.max(this.lastReceived, seq)
    const done = this.waiting.filter((wait) => wait.seq <= this.lastReceived)
    this.waiting = this.waiting.filter((wait) => wait.seq > this.lastReceived)
    for (const wait of done) wait.resolve()
  }

  /** Settles once the page has every write reported so far. */
  untilPageHasAll(): Promise<void> {
    const seq = this.lastReported
    if (seq <= this.lastReceived) return Promise.resolve()
    return new Promise((resolve) => this.waiting.push({ seq, resolve }))
  }
}

/**
 * The first search of a large workspace would otherwise build its indices while the user waits:
 * build them ahead, a few milliseconds at a time, so requests that come meanwhile are answered between steps.
 */
function prepareBetweenRequests(workspace: Workspace): void {
  const steps = workspace.prepare()
  const step = () => {
    const until = performance.now() + 8
    do {
      if (steps.next().done) return
    } while (performance.now() < until)
    setTimeout(step, 0)
  }
  setTimeout(step, 0)
}
