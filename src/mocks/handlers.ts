import { delay, http, HttpResponse, type HttpHandler } from 'msw'
import { ApiFailure, validationFailed } from '@/mocks/api-failure'
import type { Workspace } from '@/mocks/workspace'
import type { Scope } from '@/types/api'

/** What the handlers serve: swapped wholesale on reset, read on every request. */
export interface DemoBackend {
  workspace: Workspace
  /** Added before every answer; zero in tests. */
  latencyMs: number
  /** Called after every successful write, so the browser can persist. */
  onWrite?: () => void
}

type Handle = (ctx: {
  request: Request
  params: Record<string, string | readonly string[] | undefined>
  workspace: Workspace
}) => unknown

/**
 * msw handlers for every endpoint of API.md, over the in-memory Workspace. They match any origin
 * (`*`), so the same handlers serve the demo app (same origin), Vitest (msw/node) and Playwright.
 */
export function createHandlers(backend: DemoBackend): HttpHandler[] {
  const route =
    (scope: Scope | null, handle: Handle, write = false) =>
    async ({
      request,
      params,
    }: {
      request: Request
      params: Record<string, string | readonly string[] | undefined>
    }) => {
      if (backend.latencyMs > 0) await delay(backend.latencyMs)
      try {
        const { workspace } = backend
        const authorization = request.headers.get('Authorization')
        if (scope) workspace.authorize(authorization, scope)
        const body = await handle({ request, params, workspace })
        if (write) backend.onWrite?.()
        return HttpResponse.json(body as object)
      } catch (error) {
        if (error instanceof ApiFailure) return HttpResponse.json(error.toBody(), { status: error.status })
        throw error
      }
    }

  return [
    http.get(
      '*/v1/me',
      route(null, ({ request, workspace }) => workspace.me(request.headers.get('Authorization'))),
    ),
    http.get(
      '*/v1/phone-numbers',
      route('numbers:read', ({ request, workspace }) => workspace.listPhoneNumbers(new URL(request.url).searchParams)),
    ),
    http.get(
      '*/v1/phone-numbers/:id',
      route('numbers:read', ({ params, workspace }) => workspace.getPhoneNumber(String(params.id))),
    ),
    http.patch(
      '*/v1/phone-numbers/:id',
      route(
        'numbers:write',
        async ({ request, params, workspace }) =>
          workspace.patchPhoneNumber(String(params.id), await readJson(request)),
        true,
      ),
    ),
    http.get(
      '*/v1/agents',
      route('agents:read', ({ workspace }) => workspace.listAgents()),
    ),
    http.post(
      '*/v1/agents/:agentId/versions/:versionId/publish',
      route(
        'agents:manage',
        async ({ request, params, workspace }) =>
          workspace.publish(String(params.agentId), String(params.versionId), await readJson(request)),
        true,
      ),
    ),
  ]
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text()
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw validationFailed('The request body is not valid JSON.')
  }
}
