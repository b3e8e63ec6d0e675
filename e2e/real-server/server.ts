import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { getResponse } from 'msw'
import { createHandlers, type DemoBackend } from '@/mocks/handlers'
import { ApiFailure } from '@/mocks/api-failure'
import { FaultInjector, faultSpecProblems, parseFaults } from '@/mocks/faults'
import { CHANGE_REASON_HEADER, type ErrorBody } from '@/types/api'
import { createTestWorkspace } from './test-workspace'

/**
 * A test-only HTTP server implementing ../shared/API.md: the demo backend's msw handlers over the
 * same Workspace model, behind Node's `http` module, so the browser talks to a real server on
 * another origin (CORS preflights, CSP connect-src and all) instead of a service worker.
 *
 * Test control, from Node only (a request with an Origin header is refused):
 *   GET  /__control/health
 *   POST /__control/reset           a fresh seeded workspace with the test keys (of the server's size, or
 *                                   {"numbers": N})
 *   POST /__control/seed-hostile    the same, with markup in nicknames, a label, agent names and the workspace name
 *   POST /__control/revoke {key}    revokes a key: every later request with it is 401
 *   POST /__control/another-admin {id | phone_number, changes, reason?}
 *                                   "another admin" changes a number (Workspace.changeAsAnotherAdmin: any of
 *                                   slots, inbound_canary, nickname, label, inbound_webhook_url), recorded in the
 *                                   history as another-admin; answers the number. A client holding the number's
 *                                   old updated_at then gets 409 precondition_failed from its next write.
 *   POST /__control/faults {spec}   injects failures as the demo's ?faults= does (src/mocks/faults.ts, applied by the
 *                                   same handlers), e.g. {"spec": "rate:1,kinds:503,endpoints:publish"}; {"spec": null}
 *                                   turns them off (so does a reset). Answers the new config and, as the demo's
 *                                   configureFaults hook does, what the injector it replaced did ({injected, requests,
 *                                   scenarios}: per kind, per endpoint, per `endpoint:kind`), so a test can tell that
 *                                   the failures it asked for happened. A spec with a part
 *                                   the demo would ignore is refused (400) rather than half applied.
 */

export interface RealApiServerOptions {
  /** Origins that may call the API from a browser (the app's origin). */
  allowedOrigins: string[]
  /** Numbers in the seeded workspace, at start and after each reset; the demo's default when unset. */
  numbers?: number
}

export interface RealApiServer {
  server: Server
  backend: DemoBackend
  listen: (port: number, host: string) => Promise<void>
  close: () => Promise<void>
}

const MAX_BODY_BYTES = 1024 * 1024
const KEEP_ALIVE_MS = 10 * 60_000

export function createRealApiServer({ allowedOrigins, numbers }: RealApiServerOptions): RealApiServer {
  const backend: DemoBackend = { workspace: createTestWorkspace({ numbers }), latencyMs: 0 }
  const handlers = createHandlers(backend)

  const corsHeaders = (origin: string | undefined): Record<string, string> =>
    origin && allowedOrigins.includes(origin)
      ? {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Headers': `Authorization, Content-Type, ${CHANGE_REASON_HEADER}`,
          'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
          'Access-Control-Expose-Headers': 'Retry-After',
          'Access-Control-Max-Age': '600',
          Vary: 'Origin',
        }
      : { Vary: 'Origin' }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const cors = corsHeaders(req.headers.origin)
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors).end()
      return
    }
    const method = req.method ?? 'GET'
    const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req)
    const request = new Request(url, {
      method,
      headers: toFetchHeaders(req),
      body: body && body.length > 0 ? new Uint8Array(body) : undefined,
    })
    let response: Response | undefined
    try {
      response = await getResponse(handlers, request)
    } catch (error) {
      console.error('The handlers threw:', error)
      response = errorResponse(500, 'internal', 'The test API server failed to answer.')
    }
    await send(res, response ?? errorResponse(404, 'not_found', `No endpoint ${method} ${url.pathname}.`), cors)
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    // Test control is for the test runner, never for a page (which would send an Origin).
    if (req.headers.origin !== undefined) {
      await send(res, errorResponse(403, 'forbidden', 'Test control is not available to browsers.'))
      return
    }
    const action = url.pathname.slice('/__control/'.length)
    if (action === 'health' && req.method === 'GET') {
      await send(res, Response.json({ ok: true }))
      return
    }
    if (req.method !== 'POST' || !['reset', 'seed-hostile', 'revoke', 'another-admin', 'faults'].includes(action)) {
      await send(res, errorResponse(404, 'not_found', `No control endpoint ${req.method} ${url.pathname}.`))
      return
    }
    const text = (await readBody(req)).toString('utf8')
    let body: Record<string, unknown> = {}
    try {
      const parsed = JSON.parse(text) as unknown
      if (typeof parsed === 'object' && parsed !== null) body = parsed as Record<string, unknown>
    } catch {
      // answered below as a body without the fields asked for
    }
    if (action === 'reset' || action === 'seed-hostile') {
      // `{"numbers": 2500}` seeds that many for this workspace (a bulk test); the server's size otherwise.
      const size = Number.isInteger(body.numbers) ? (body.numbers as number) : numbers
      backend.workspace = createTestWorkspace({ hostile: action === 'seed-hostile', numbers: size })
      // A test that ended half way must not leave failures for the next one.
      backend.faults = null
      await send(res, Response.json({ ok: true }))
      return
    }
    if (action === 'another-admin') {
      await send(res, anotherAdmin(backend, body))
      return
    }
    if (action === 'faults') {
      await send(res, configureFaults(backend, body))
      return
    }
    const key = body.key
    if (typeof key !== 'string' || key === '') {
      await send(res, errorResponse(400, 'validation_failed', 'Send {"key": "<the key to revoke>"}.'))
      return
    }
    backend.workspace.revokeKey(key)
    await send(res, Response.json({ ok: true }))
  }

  const server = createServer((req, res) => {
    let url: URL
    try {
      url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`)
    } catch {
      res.writeHead(400).end()
      return
    }
    const handle = url.pathname.startsWith('/__control/') ? handleControl : handleApi
    handle(req, res, url).catch((error: unknown) => {
      console.error(`${req.method} ${req.url} failed:`, error)
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ error: { code: 'internal', message: 'The test API server failed.' } }))
    })
  })

  // Node closes a keep-alive connection after 5 s idle; a test's request context that reuses one after a
  // longer step in the browser (an export, a job) then fails with ECONNRESET, as seen on a busy machine:
  // idle connections stay open for longer than any test, and close() ends them all.
  server.keepAliveTimeout = KEEP_ALIVE_MS

  return {
    server,
    backend,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          server.off('error', reject)
          resolve()
        })
      }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** POST /__control/another-admin: the number by id or E.164, the changes, an optional reason. */
function anotherAdmin(backend: DemoBackend, body: Record<string, unknown>): Response {
  const { workspace } = backend
  const { id, phone_number: e164, changes, reason } = body
  const number = typeof e164 === 'string' ? workspace.numberByE164(e164) : undefined
  const target = typeof id === 'string' ? id : number?.id
  if (target === undefined || (reason !== undefined && typeof reason !== 'string')) {
    return errorResponse(400, 'validation_failed', 'Send {"id" or "phone_number", "changes": {…}, "reason"?: "…"}.')
  }
  try {
    return Response.json(workspace.changeAsAnotherAdmin(target, changes, { reason }))
  } catch (error) {
    if (error instanceof ApiFailure) return Response.json(error.toBody(), { status: error.status })
    throw error
  }
}

/** POST /__control/faults: {"spec": "rate:1,kinds:503,…"} or {"spec": null}; answers {faults, replaced}. */
function configureFaults(backend: DemoBackend, body: Record<string, unknown>): Response {
  const { spec } = body
  const problems = typeof spec === 'string' ? faultSpecProblems(spec) : []
  if (!(spec === null || typeof spec === 'string') || problems.length > 0) {
    const found = problems.length > 0 ? ` Not understood: ${problems.join(', ')}.` : ''
    return errorResponse(400, 'validation_failed', `Send {"spec": "rate:1,kinds:503,…"} or {"spec": null}.${found}`)
  }
  const { faults } = backend
  const replaced = faults ? { injected: faults.injected, requests: faults.requests, scenarios: faults.scenarios } : null
  backend.faults = spec === null ? null : new FaultInjector(parseFaults(spec))
  return Response.json({ faults: backend.faults?.config ?? null, replaced })
}

function errorResponse(status: number, code: string, message: string): Response {
  const body: ErrorBody = { error: { code, message } }
  return Response.json(body, { status })
}

function toFetchHeaders(req: IncomingMessage): Headers {
  const headers = new Headers()
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!
    // Hop-by-hop headers describe this connection, not the request.
    if (/^(connection|keep-alive|transfer-encoding|upgrade|host)$/i.test(name)) continue
    headers.append(name, req.rawHeaders[i + 1]!)
  }
  return headers
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        req.destroy()
        reject(new Error('Request body too large'))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

async function send(res: ServerResponse, response: Response, extraHeaders: Record<string, string> = {}): Promise<void> {
  // HttpResponse.error(): a network failure, so drop the connection without an answer.
  if (response.type === 'error') {
    res.destroy()
    return
  }
  const body = Buffer.from(await response.arrayBuffer())
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    if (!/^(content-length|transfer-encoding|connection)$/i.test(name)) headers[name] = value
  })
  res.writeHead(response.status, { ...headers, ...extraHeaders, 'Content-Length': String(body.length) })
  res.end(body)
}
