import type { DemoInputs } from '@/mocks/browser/demo-start'
import type { WorkspaceChanges } from '@/mocks/workspace'

/**
 * What the page and the demo backend's Web Worker say to each other (browser/backend-host.ts answers,
 * browser/backend-connection.ts asks). Requests and answers cross as plain data, bodies as
 * transferred ArrayBuffers, so neither side copies a large answer.
 */

export interface StartBackend {
  kind: 'start'
  /** The URL's settings and the stored workspace, as read: the worker resolves them (browser/demo-start.ts). */
  inputs: DemoInputs
  /** Tells this tab's events from another tab's (event ids must not clash across tabs). */
  eventIdTag: string
}

export interface SerializedRequest {
  method: string
  url: string
  headers: [string, string][]
  body: ArrayBuffer | null
}

export type SerializedResponse =
  | { kind: 'answer'; status: number; statusText: string; headers: [string, string][]; body: ArrayBuffer | null }
  /** fetch fails as on a lost connection (msw's HttpResponse.error()). */
  | { kind: 'network-error' }
  /** No handler takes the request: it goes to the network as it is. */
  | { kind: 'unhandled' }

/** Test hooks the worker runs (browser/test-hooks.ts), by name. */
export interface RunTestHook {
  kind: 'test-hook'
  id: number
  name: string
  args: unknown[]
}

export type ToBackend =
  | StartBackend
  | { kind: 'request'; id: number; request: SerializedRequest }
  /**
   * Answer the requests that come over `port` too: the demo's service worker holds its other end
   * (public/demo-service-worker.js) and asks with `request`, as the page does.
   */
  | { kind: 'serve'; port: MessagePort }
  /** The page holds the changes of every `wrote` up to `seq` (it stores them even if it is closed now). */
  | { kind: 'wrote-received'; seq: number }
  /** Another tab stored changes: take them in, then say `done`. */
  | { kind: 'other-tab'; id: number; changes: WorkspaceChanges }
  /**
   * From the demo's service worker: another tab's backend wrote these, and that tab's write is not
   * answered before this is sent, nor is this tab's next write sent before it (ServiceWorkerMessage).
   */
  | { kind: 'other-tab-wrote'; size: number; changes: WorkspaceChanges }
  | RunTestHook

/** The workspace the worker built (browser/demo-start.ts resolved it), as the page stores after it. */
export interface BuiltWorkspace {
  size: number
  /** It took in the stored changes; else the seed replaces what was stored (nothing stored, a reset, another size). */
  keptStored: boolean
}

export type FromBackend =
  | { kind: 'response'; id: number; response: SerializedResponse }
  | { kind: 'done'; id: number; result?: unknown; error?: string }
  /**
   * Writes happened: what they changed, for the page to store (browser/persistence.ts); numbered, so
   * the page can say it has them (`wrote-received`). No write's answer leaves before that.
   */
  | { kind: 'wrote'; seq: number; changes: WorkspaceChanges }
  /** The workspace is built, in `seedMs` of the worker's time. */
  | ({ kind: 'ready'; seedMs: number } & BuiltWorkspace)
  /** Another tab's write was taken in (`other-tab-wrote`): what the page shows may be out of date. */
  | { kind: 'took-in-other-tab' }

/**
 * What the backend tells the demo's service worker besides answers: what a write changed, before the
 * write's answer, so that the service worker passes it on to the demo's other tabs (their backends
 * hold their own copies of the workspace) before any of their writes. Two tabs are two admins of one
 * workspace: a write in one must see the other's, or `expected_updated_at` could not refuse it.
 */
export interface ServiceWorkerMessage {
  kind: 'wrote'
  size: number
  changes: WorkspaceChanges
}

/** The part of a port (a Worker, its global scope, a MessagePort) both sides use. */
export interface BackendPort {
  postMessage(message: unknown, transfer?: Transferable[]): void
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void
}

export async function serializeRequest(request: Request): Promise<SerializedRequest> {
  const body = request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer()
  return { method: request.method, url: request.url, headers: [...request.headers], body }
}

export function deserializeRequest({ method, url, headers, body }: SerializedRequest): Request {
  return new Request(url, { method, headers, body })
}

export async function serializeResponse(response: Response | undefined): Promise<SerializedResponse> {
  if (!response) return { kind: 'unhandled' }
  if (response.type === 'error') return { kind: 'network-error' }
  const body = response.body === null ? null : await response.arrayBuffer()
  return {
    kind: 'answer',
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers],
    body,
  }
}

/** The answer as a Response (`Response.error()` for a lost connection); null when no handler took the request. */
export function deserializeResponse(serialized: SerializedResponse): Response | null {
  if (serialized.kind === 'unhandled') return null
  if (serialized.kind === 'network-error') return Response.error()
  const { status, statusText, headers, body } = serialized
  return new Response(body, { status, statusText, headers })
}
