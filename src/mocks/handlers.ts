import { delay, http, HttpResponse, type HttpHandler } from 'msw'
import { ApiFailure } from '@/mocks/api-failure'
import type { FaultEndpoint, FaultInjector } from '@/mocks/faults'
import type { Workspace, WriteContext } from '@/mocks/workspace'
import { MALFORMED_JSON } from '@/mocks/workspace/request-parsing'
import { CHANGE_REASON_HEADER, type Scope } from '@/types/api'

/** What the handlers serve: swapped wholesale on reset, read on every request. */
export interface DemoBackend {
  workspace: Workspace
  /** Added before every answer; zero in tests. */
  latencyMs: number
  /** Called after every successful write, so the browser can persist. */
  onWrite?: () => void
  /** Demo fault injection (src/mocks/faults.ts); none when absent. */
  faults?: FaultInjector | null
}

type Handle = (ctx: {
  request: Request
  params: Record<string, string | readonly string[] | undefined>
  workspace: Workspace
  /** The key and X-Change-Reason, for writes. */
  writer: WriteContext
}) => unknown

/**
 * msw handlers for every endpoint of API.md, over the in-memory Workspace. They match any origin
 * (`*`), so the same handlers serve the demo app (same origin), Vitest (msw/node) and Playwright.
 */
export function createHandlers(backend: DemoBackend): HttpHandler[] {
  const route =
    (endpoint: FaultEndpoint, scope: Scope | null, handle: Handle, write = false) =>
    async ({
      request,
      params,
    }: {
      request: Request
      params: Record<string, string | readonly string[] | undefined>
    }) => {
      const { faults } = backend
      const latency = backend.latencyMs + (faults?.config.latencyMs ?? 0)
      if (latency > 0) await delay(latency)
      try {
        const { workspace } = backend
        const authorization = request.headers.get('Authorization')
        const key = scope ? workspace.authorize(authorization, scope) : undefined
        const writer: WriteContext = { key, reason: request.headers.get(CHANGE_REASON_HEADER) }
        const fault = faults?.decide(endpoint, write) ?? { kind: null, concurrentChange: false }
        if (fault.concurrentChange && faults) {
          // The numbers the write names: a publish's lists, or the one in the path.
          if (endpoint === 'publish') faults.changeConcurrently(workspace, numbersNamedIn(await request.clone().text()))
          else if (endpoint === 'patch') faults.changeConcurrently(workspace, [String(params.id)], 'nickname')
          else faults.changeConcurrently(workspace, [String(params.id)])
          backend.onWrite?.()
        }
        switch (fault.kind) {
          case '500':
          case '503':
            return HttpResponse.json(
              { error: { code: 'internal', message: `Injected fault: the server answered ${fault.kind}.` } },
              { status: Number(fault.kind) },
            )
          case '502':
            return new HttpResponse('<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>', {
              status: 502,
              headers: { 'Content-Type': 'text/html' },
            })
          case '429':
            return HttpResponse.json(
              { error: { code: 'rate_limited', message: 'Too many requests: slow down.' } },
              { status: 429, headers: { 'Retry-After': String(faults?.config.retryAfter ?? 1) } },
            )
          case 'network':
            return HttpResponse.error()
        }
        const body = await handle({ request, params, workspace, writer })
        if (write) backend.onWrite?.()
        if (fault.kind === 'apply') {
          return HttpResponse.json(
            { error: { code: 'internal', message: 'Injected fault: applied, then the server answered 500.' } },
            { status: 500 },
          )
        }
        if (fault.kind === 'malformed') return HttpResponse.json({ unexpected: 'shape' })
        if (fault.kind === 'empty') return new HttpResponse(null, { status: 200 })
        return HttpResponse.json(body as object)
      } catch (error) {
        if (error instanceof ApiFailure) return HttpResponse.json(error.toBody(), { status: error.status })
        throw error
      }
    }

  return [
    http.get(
      '*/v1/me',
      route('me', null, ({ request, workspace }) => workspace.me(request.headers.get('Authorization'))),
    ),
    http.get(
      '*/v1/phone-numbers',
      route('list', 'numbers:read', ({ request, workspace }) =>
        workspace.listPhoneNumbers(new URL(request.url).searchParams),
      ),
    ),
    http.get(
      '*/v1/phone-numbers/:id',
      route('get', 'numbers:read', ({ params, workspace }) => workspace.getPhoneNumber(String(params.id))),
    ),
    http.patch(
      '*/v1/phone-numbers/:id',
      route(
        'patch',
        'numbers:write',
        async ({ request, params, workspace, writer }) =>
          workspace.patchPhoneNumber(String(params.id), await readJson(request), writer),
        true,
      ),
    ),
    http.put(
      '*/v1/phone-numbers/:id/inbound-canary',
      route(
        'canary',
        'agents:manage',
        async ({ request, params, workspace, writer }) =>
          workspace.putInboundCanary(String(params.id), await readJson(request), writer),
        true,
      ),
    ),
    http.delete(
      '*/v1/phone-numbers/:id/inbound-canary',
      route(
        'canary',
        'agents:manage',
        ({ request, params, workspace, writer }) =>
          workspace.deleteInboundCanary(String(params.id), new URL(request.url).searchParams, writer),
        true,
      ),
    ),
    http.get(
      '*/v1/events',
      route('events', 'numbers:read', ({ request, workspace }) =>
        workspace.listEvents(new URL(request.url).searchParams),
      ),
    ),
    http.get(
      '*/v1/agents',
      route('agents', 'agents:read', ({ workspace }) => workspace.listAgents()),
    ),
    http.get(
      '*/v1/agents/:agentId/usage',
      route('usage', 'agents:read', ({ params, workspace }) => workspace.agentUsage(String(params.agentId))),
    ),
    http.post(
      '*/v1/agents/:agentId/versions/:versionId/publish',
      route(
        'publish',
        'agents:manage',
        async ({ request, params, workspace, writer }) =>
          workspace.publish(String(params.agentId), String(params.versionId), await readJson(request), writer),
        true,
      ),
    ),
  ]
}

/** The body as JSON; undefined when there is none; MALFORMED_JSON (a 400, once 404s are decided) when it is not JSON. */
async function readJson(request: Request): Promise<unknown> {
  const text = await request.text()
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return MALFORMED_JSON
  }
}

/** The E.164 numbers a publish body names, for the simulated concurrent change; nothing when it is not valid. */
function numbersNamedIn(text: string): string[] {
  try {
    const body = JSON.parse(text) as { phone_numbers?: unknown; unassign_phone_numbers?: unknown }
    return [body.phone_numbers, body.unassign_phone_numbers]
      .flatMap((list): unknown[] => (Array.isArray(list) ? (list as unknown[]) : []))
      .filter((item): item is string => typeof item === 'string')
  } catch {
    return []
  }
}
