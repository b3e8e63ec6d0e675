import { http, HttpResponse } from 'msw'
import { z } from 'zod'
import { createApiClient, parseRetryAfter, type ApiClientConfig } from '@/lib/api-client'
import { ApiError, isApiError, type ApiErrorInit } from '@/lib/api-error'
import { server, testBackend } from '@/mocks/node'
import { agentListSchema, phoneNumberListSchema, phoneNumberSchema } from '@/types/api'

const BASE = 'http://localhost'

function client(overrides: Partial<ApiClientConfig> = {}) {
  return createApiClient({ baseUrl: BASE, getApiKey: () => 'demo_admin', ...overrides })
}

interface Call {
  url: string
  init: RequestInit
  headers: Headers
}

/** A fetch stand-in that records each call and answers with `respond`. */
function fakeFetch(respond: (call: Call) => Response | Promise<Response> = () => Response.json({ ok: true })) {
  const calls: Call[] = []
  const fetchFn: typeof fetch = (input, init = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const call = { url, init, headers: new Headers(init.headers) }
    calls.push(call)
    return Promise.resolve().then(() => respond(call))
  }
  return { fetch: fetchFn, calls }
}

/** A fetch that never answers until its signal aborts, then rejects as a real fetch does. */
const hangingFetch = ((_input: RequestInfo | URL, init: RequestInit = {}) =>
  new Promise<Response>((_resolve, reject) => {
    const signal = init.signal!
    signal.addEventListener('abort', () => reject(signal.reason as Error))
  })) as typeof fetch

/** A fetch that answers headers at once but whose body never finishes until the signal aborts. */
const stallingBodyFetch = ((_input: RequestInfo | URL, init: RequestInit = {}) => {
  const signal = init.signal!
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"data":'))
      signal.addEventListener('abort', () => controller.error(signal.reason))
    },
  })
  return Promise.resolve(new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } }))
}) as typeof fetch

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the request to fail, but it succeeded')
}

async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await rejection(promise)
  expect(error).toBeInstanceOf(ApiError)
  return error as ApiError
}

const anything = z.unknown()
const okSchema = z.object({ ok: z.boolean() })

test('a valid payload is validated and returned as parsed data', async () => {
  const agents = await client()(agentListSchema, '/v1/agents')
  expect(agents).toEqual(testBackend.workspace.listAgents())
  // Parsed, not passed through: keys the schema does not know are dropped.
  server.use(http.get('*/v1/extra', () => HttpResponse.json({ ok: true, extra: '<script>' })))
  expect(await client()(okSchema, '/v1/extra')).toEqual({ ok: true })
})

test('the request carries Authorization: Bearer <key>, and a body as JSON with its content type', async () => {
  const { fetch, calls } = fakeFetch()
  let key: string | null = 'sk_first'
  const api = client({ fetch, getApiKey: () => key })

  await api(okSchema, '/v1/phone-numbers/phn_1', { method: 'PATCH', body: { nickname: 'Front Line', label: null } })
  expect(calls[0]!.init.method).toBe('PATCH')
  expect(calls[0]!.headers.get('Authorization')).toBe('Bearer sk_first')
  expect(calls[0]!.headers.get('Content-Type')).toBe('application/json')
  expect(calls[0]!.headers.get('Accept')).toBe('application/json')
  expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ nickname: 'Front Line', label: null })

  // GET: no body, no Content-Type; the key is read on every request
  key = 'sk_second'
  await api(okSchema, '/v1/agents')
  expect(calls[1]!.init.method).toBe('GET')
  expect(calls[1]!.init.body).toBeUndefined()
  expect(calls[1]!.headers.has('Content-Type')).toBe(false)
  expect(calls[1]!.headers.get('Authorization')).toBe('Bearer sk_second')

  // no key: no Authorization header at all
  key = null
  await api(okSchema, '/v1/me')
  expect(calls[2]!.headers.has('Authorization')).toBe(false)
})

test('the request reaches the API over HTTP with the key and the JSON body', async () => {
  let seen: { authorization: string | null; contentType: string | null; body: unknown } | undefined
  server.use(
    http.post('*/v1/agents/:agent/versions/:version/publish', async ({ request }) => {
      seen = {
        authorization: request.headers.get('Authorization'),
        contentType: request.headers.get('Content-Type'),
        body: await request.json(),
      }
      return HttpResponse.json({ data: [] })
    }),
  )
  const body = { phone_numbers: ['+14155550123'], direction: 'both' }
  await client()(anything, '/v1/agents/agt_a/versions/agv_b/publish', { method: 'POST', body })
  expect(seen).toEqual({ authorization: 'Bearer demo_admin', contentType: 'application/json', body })
})

test('query parameters are built from the defined, non-empty values', async () => {
  const { fetch, calls } = fakeFetch()
  await client({ fetch, baseUrl: `${BASE}/api/` })(okSchema, '/v1/phone-numbers', {
    query: { page: 2, limit: 0, search: '+1 415-555-0123', status: undefined, agent_id: null, sort: '', order: 'desc' },
  })
  const url = new URL(calls[0]!.url)
  expect(`${url.origin}${url.pathname}`).toBe(`${BASE}/api/v1/phone-numbers`)
  expect([...url.searchParams]).toEqual([
    ['page', '2'],
    ['limit', '0'],
    ['search', '+1 415-555-0123'],
    ['order', 'desc'],
  ])
  await client({ fetch })(okSchema, '/v1/agents', { query: { status: undefined, sort: '' } })
  expect(calls[1]!.url).toBe(`${BASE}/v1/agents`)
})

test('query parameters reach the demo backend and shape its answer', async () => {
  const list = await client()(phoneNumberListSchema, '/v1/phone-numbers', {
    query: { search: '+1 415-555-0123', limit: 5, page: 1, status: undefined },
  })
  expect(list.data.map((n) => n.phone_number)).toEqual(['+14155550123'])
  expect([list.page, list.limit, list.total]).toEqual([1, 5, 1])
})

test('an API error body becomes ApiError kind "http" with status, code, message and details', async () => {
  const details = [{ field: 'nickname', message: 'at most 255 characters' }]
  server.use(
    http.patch('*/v1/phone-numbers/:id', () =>
      HttpResponse.json(
        { error: { code: 'validation_failed', message: 'nickname must be at most 255 characters', details } },
        { status: 400 },
      ),
    ),
  )
  const error = await apiError(
    client()(phoneNumberSchema, '/v1/phone-numbers/phn_1', { method: 'PATCH', body: { nickname: 'x' } }),
  )
  expect(error).toMatchObject({
    name: 'ApiError',
    kind: 'http',
    status: 400,
    code: 'validation_failed',
    message: 'nickname must be at most 255 characters',
    details,
    retryAfterSeconds: null,
    method: 'PATCH',
    path: '/v1/phone-numbers/phn_1',
  })
})

test('the demo backend’s errors arrive as ApiError with its status and code', async () => {
  const notFound = await apiError(client()(phoneNumberSchema, '/v1/phone-numbers/phn_nope'))
  expect([notFound.kind, notFound.status, notFound.code, notFound.details]).toEqual(['http', 404, 'not_found', []])
  const forbidden = await apiError(
    client({ getApiKey: () => 'demo_readonly' })(
      anything,
      '/v1/agents/agt_reminders/versions/agv_reminders_2/publish',
      {
        method: 'POST',
        body: {},
      },
    ),
  )
  expect([forbidden.status, forbidden.code]).toEqual([403, 'insufficient_scope'])
  const unauthorized = await apiError(client({ getApiKey: () => null })(anything, '/v1/me'))
  expect([unauthorized.status, unauthorized.code]).toEqual([401, 'unauthorized'])
})

test('429 with Retry-After gives retryAfterSeconds', async () => {
  const body = { error: { code: 'rate_limited', message: 'Slow down.' } }
  server.use(
    http.get('*/v1/agents', () => HttpResponse.json(body, { status: 429, headers: { 'Retry-After': '7' } }), {
      once: true,
    }),
  )
  const limited = await apiError(client()(agentListSchema, '/v1/agents'))
  expect(limited).toMatchObject({ kind: 'http', status: 429, code: 'rate_limited', retryAfterSeconds: 7 })
  expect([limited.isTransient, limited.isAmbiguous]).toEqual([true, false])

  server.use(http.get('*/v1/agents', () => HttpResponse.json(body, { status: 429 }), { once: true }))
  expect((await apiError(client()(agentListSchema, '/v1/agents'))).retryAfterSeconds).toBeNull()

  // Retry-After may also be an HTTP date
  const now = Date.parse('2025-06-01T12:00:00Z')
  expect(parseRetryAfter('Sun, 01 Jun 2025 12:00:30 GMT', now)).toBe(30)
  expect(parseRetryAfter('Sun, 01 Jun 2025 11:00:00 GMT', now)).toBe(0)
  expect(parseRetryAfter(' 120 ', now)).toBe(120)
  expect(parseRetryAfter('soon', now)).toBeNull()
  expect(parseRetryAfter(null, now)).toBeNull()
})

test('an HTML 502 page becomes ApiError status 502 with a readable message and no HTML', async () => {
  const page =
    '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>'
  server.use(
    http.post('*/v1/agents/:agent/versions/:version/publish', () =>
      HttpResponse.html(page, { status: 502, statusText: 'Bad Gateway' }),
    ),
  )
  const error = await apiError(
    client()(anything, '/v1/agents/agt_a/versions/agv_b/publish', { method: 'POST', body: {} }),
  )
  expect([error.kind, error.status, error.code]).toEqual(['http', 502, 'unexpected_response'])
  expect(error.message).toContain('502')
  expect(error.message).not.toMatch(/<|>|html|DOCTYPE/i)
  expect(error.message.length).toBeGreaterThan(10)
  expect([error.isAmbiguous, error.isTransient]).toEqual([true, true])
})

test('a JSON error body of another shape still gives the status and a generic message', async () => {
  server.use(http.get('*/v1/me', () => HttpResponse.json({ message: 'boom' }, { status: 500 })))
  const error = await apiError(client()(anything, '/v1/me'))
  expect([error.kind, error.status, error.code]).toEqual(['http', 500, 'unexpected_response'])
  expect(error.message).toContain('500')
})

test.each([
  ['an HTML body', () => HttpResponse.html('<html><body>Welcome to nginx!</body></html>'), 'not JSON'],
  ['an empty body', () => new HttpResponse(null, { status: 200 }), 'not JSON'],
  [
    'an empty body with a JSON content type',
    () => new HttpResponse('', { status: 200, headers: { 'Content-Type': 'application/json' } }),
    'not JSON',
  ],
  ['JSON of the wrong shape', () => HttpResponse.json({ data: [{ id: 1 }] }), 'unexpected shape'],
  ['JSON null', () => HttpResponse.json(null), 'unexpected shape'],
])('a 200 with %s is ApiError kind "invalid_response"', async (_name, respond, says) => {
  server.use(http.get('*/v1/agents', respond))
  const error = await apiError(client()(agentListSchema, '/v1/agents'))
  expect([error.kind, error.status, error.code]).toEqual(['invalid_response', 200, 'invalid_response'])
  expect(error.message).toContain(says)
  expect(error.message).not.toMatch(/<|nginx/)
  expect([error.isAmbiguous, error.isTransient]).toEqual([true, false])
})

test('a network failure is ApiError kind "network"', async () => {
  const { fetch } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')))
  const rejected = await apiError(client({ fetch })(anything, '/v1/agents'))
  expect([rejected.kind, rejected.status, rejected.code]).toEqual(['network', 0, 'network_error'])
  expect(rejected.message).not.toContain('Failed to fetch')

  server.use(http.get('*/v1/agents', () => HttpResponse.error()))
  const dropped = await apiError(client()(agentListSchema, '/v1/agents'))
  expect([dropped.kind, dropped.status]).toEqual(['network', 0])
  expect([dropped.isAmbiguous, dropped.isTransient]).toEqual([true, true])
})

test('a connection dropped while reading the body is ApiError kind "network" with the status', async () => {
  const { fetch } = fakeFetch(
    () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.error(new TypeError('terminated'))
          },
        }),
        { status: 200 },
      ),
  )
  const error = await apiError(client({ fetch })(anything, '/v1/agents'))
  expect([error.kind, error.status, error.code]).toEqual(['network', 200, 'network_error'])
})

test('no answer within timeoutMs is ApiError kind "timeout"', async () => {
  const error = await apiError(client({ fetch: hangingFetch, timeoutMs: 20 })(anything, '/v1/agents'))
  expect([error.kind, error.status, error.code]).toEqual(['timeout', 0, 'timeout'])
  expect(error.message).toMatch(/20 ms/)
  expect([error.isAmbiguous, error.isTransient]).toEqual([true, true])
  // the time limit holds even when the caller passes a signal of its own (React Query always does)
  const withSignal = await apiError(
    client({ fetch: hangingFetch, timeoutMs: 20 })(anything, '/v1/agents', { signal: new AbortController().signal }),
  )
  expect(withSignal.kind).toBe('timeout')
})

test('a body that does not finish within timeoutMs is ApiError kind "timeout"', async () => {
  const error = await apiError(client({ fetch: stallingBodyFetch, timeoutMs: 20 })(anything, '/v1/agents'))
  expect([error.kind, error.status, error.code]).toEqual(['timeout', 200, 'timeout'])
})

test('the timeout also applies through the real fetch (msw answering too late)', async () => {
  server.use(
    http.get('*/v1/agents', async () => {
      await new Promise((resolve) => setTimeout(resolve, 200))
      return HttpResponse.json({ data: [] })
    }),
  )
  const error = await apiError(client({ timeoutMs: 30 })(agentListSchema, '/v1/agents'))
  expect(error.kind).toBe('timeout')
})

test('a caller’s abort is rethrown as the abort error itself, not as an ApiError', async () => {
  const controller = new AbortController()
  const pending = client({ fetch: hangingFetch })(anything, '/v1/agents', { signal: controller.signal })
  controller.abort()
  const error = await rejection(pending)
  expect(isApiError(error)).toBe(false)
  expect(error).toBe(controller.signal.reason)
  expect((error as Error).name).toBe('AbortError')

  // with a reason of the caller's own, and while the body is being read
  const reason = new Error('query cancelled')
  const reading = new AbortController()
  const partial = client({ fetch: stallingBodyFetch })(anything, '/v1/agents', { signal: reading.signal })
  await new Promise((resolve) => setTimeout(resolve, 5))
  reading.abort(reason)
  expect(await rejection(partial)).toBe(reason)

  // an already aborted signal, through the real fetch
  const early = new AbortController()
  early.abort()
  const real = await rejection(client()(agentListSchema, '/v1/agents', { signal: early.signal }))
  expect(isApiError(real)).toBe(false)
  expect((real as Error).name).toBe('AbortError')
})

const base: Pick<ApiErrorInit, 'code' | 'message' | 'method' | 'path'> = {
  code: 'x',
  message: 'x',
  method: 'GET',
  path: '/v1/x',
}
test.each([
  ['http', 400, false, false],
  ['http', 401, false, false],
  ['http', 403, false, false],
  ['http', 404, false, false],
  ['http', 429, false, true],
  ['http', 500, true, true],
  ['http', 502, true, true],
  ['http', 503, true, true],
  ['network', 0, true, true],
  ['timeout', 0, true, true],
  ['timeout', 200, true, true],
  ['invalid_response', 200, true, false],
] as const)('ApiError %s %i: isAmbiguous %s, isTransient %s', (kind, status, ambiguous, transient) => {
  const error = new ApiError({ ...base, kind, status })
  expect(error.isAmbiguous).toBe(ambiguous)
  expect(error.isTransient).toBe(transient)
  expect(isApiError(error)).toBe(true)
  expect(error).toBeInstanceOf(Error)
  expect(error.details).toEqual([])
  expect(error.retryAfterSeconds).toBeNull()
})

test('isApiError is false for other errors', () => {
  expect(isApiError(new Error('x'))).toBe(false)
  expect(isApiError(new DOMException('aborted', 'AbortError'))).toBe(false)
  expect(isApiError({ kind: 'http', status: 500 })).toBe(false)
})

test('a write’s reason goes as X-Change-Reason, percent-encoded UTF-8, trimmed, cut at 200 characters, without the page’s isolates', async () => {
  const { fetch, calls } = fakeFetch()
  const api = client({ fetch })
  await api(okSchema, '/v1/phone-numbers/phn_1', { method: 'PATCH', body: {}, reason: ' Undo: “Köln” → 10 % 👩‍💻 ' })
  const header = calls[0]!.headers.get('X-Change-Reason')!
  // Only ASCII in the header, and the server's decoding gives the text back.
  expect(header).toMatch(/^[\x21-\x7e]+$/)
  expect(decodeURIComponent(header)).toBe('Undo: “Köln” → 10 % 👩‍💻')

  await api(okSchema, '/v1/x', { method: 'PUT', body: {}, reason: `${'é'.repeat(199)}😀😀` })
  const cut = decodeURIComponent(calls[1]!.headers.get('X-Change-Reason')!)
  expect(Array.from(cut)).toHaveLength(200)
  expect(cut.endsWith('é😀')).toBe(true) // never half a character

  // A lone surrogate has no UTF-8 form: replaced, not a thrown URIError.
  await api(okSchema, '/v1/x', { method: 'DELETE', reason: 'bad \uD800 half' })
  expect(decodeURIComponent(calls[2]!.headers.get('X-Change-Reason')!)).toBe('bad \uFFFD half')
  expect(calls[2]!.init.method).toBe('DELETE')

  // The isolates the page's sentences put around right-to-left names stay on the screen.
  await api(okSchema, '/v1/x', {
    method: 'PATCH',
    body: {},
    reason: 'Undo: \u2068مكتب 2\u2069: Nickname: “\u2068مكتب\u2069” → none',
  })
  expect(decodeURIComponent(calls[3]!.headers.get('X-Change-Reason')!)).toBe('Undo: مكتب 2: Nickname: “مكتب” → none')

  // No reason, or only white space: no header at all.
  await api(okSchema, '/v1/x', { method: 'POST', body: {} })
  await api(okSchema, '/v1/x', { method: 'POST', body: {}, reason: '  ' })
  expect(calls.slice(4).map((call) => call.headers.has('X-Change-Reason'))).toEqual([false, false])
})

test('the reason reaches the demo backend as a header it can decode', async () => {
  let seen: string | null = null
  server.use(
    http.patch('*/v1/phone-numbers/:id', ({ request }) => {
      seen = request.headers.get('X-Change-Reason')
      return HttpResponse.json(testBackend.workspace.allNumbers()[0])
    }),
  )
  await client()(phoneNumberSchema, '/v1/phone-numbers/phn_1', {
    method: 'PATCH',
    body: {},
    reason: 'Bulk change: inbound → Front Desk v3',
  })
  expect(decodeURIComponent(seen!)).toBe('Bulk change: inbound → Front Desk v3')
})

test('a 409 precondition_failed names the numbers someone else changed, and when, in its message', async () => {
  const details = [
    { field: '+14155550123', message: 'updated at 2024-05-11T08:12:44.000Z' },
    { field: '+442079460456', message: 'changed' },
  ]
  server.use(
    http.post('*/publish', () =>
      HttpResponse.json(
        { error: { code: 'precondition_failed', message: 'Precondition failed', details } },
        { status: 409 },
      ),
    ),
  )
  const error = await apiError(client()(anything, '/v1/agents/a/versions/b/publish', { method: 'POST', body: {} }))
  expect([error.status, error.code, error.isPreconditionFailed, error.isAmbiguous, error.isTransient]).toEqual([
    409,
    'precondition_failed',
    true,
    false,
    false,
  ])
  expect(error.changedNumbers).toEqual([
    { phoneNumber: '+14155550123', updatedAt: '2024-05-11T08:12:44.000Z' },
    { phoneNumber: '+442079460456', updatedAt: null },
  ])
  expect(error.message).toBe(
    'Someone else changed 2 of these numbers after the page read them (+1 415 555 0123 on May 11, 2024 at 08:12:44 UTC; +44 20 7946 0456): nothing was changed.',
  )
})
