import { onTestFinished } from 'vitest'
import { server } from '@/mocks/node'
import type { PhoneNumber } from '@/types/api'

export interface RecordedRequest {
  method: string
  path: string
  search: string
  /**
   * The JSON body (undefined for none). A promise taken when the request starts, so a reader can
   * never see a request whose body is still missing: reading a body is asynchronous, the listener is not.
   */
  body: Promise<unknown>
  /** X-Change-Reason as sent (percent-encoded), or null. */
  reason: string | null
}

export interface RecordedWrite {
  method: string
  path: string
  body: unknown
}

/** Records every request the app sends to the demo backend from now on, in the order they start. */
export function recordRequests(): RecordedRequest[] {
  const requests: RecordedRequest[] = []
  const listener = ({ request }: { request: Request }) => {
    const url = new URL(request.url)
    // Cloned synchronously, before any handler can consume the body.
    const body = request.body === null ? Promise.resolve(undefined) : request.clone().text().then(parseBody)
    requests.push({
      method: request.method,
      path: url.pathname,
      search: url.search,
      body,
      reason: request.headers.get('x-change-reason'),
    })
  }
  server.events.on('request:start', listener)
  onTestFinished(() => server.events.removeListener('request:start', listener))
  return requests
}

const parseBody = (text: string): unknown => (text ? (JSON.parse(text) as unknown) : undefined)

/** The requests that change something (anything but GET), each with its body. */
export function writesOf(requests: RecordedRequest[]): Promise<RecordedWrite[]> {
  return Promise.all(
    requests
      .filter((r) => r.method !== 'GET')
      .map(async ({ method, path, body }) => ({ method, path, body: await body })),
  )
}

/** A publish body's precondition for one number as the page read it: E.164 → its `updated_at`. */
export const readAt = (number: PhoneNumber) => ({ [number.phone_number]: number.updated_at })

/** The list requests (`GET /v1/phone-numbers`), each as its query parameters. */
export const listQueriesOf = (requests: RecordedRequest[]): Record<string, string>[] =>
  requests
    .filter((r) => r.method === 'GET' && r.path === '/v1/phone-numbers')
    .map((r) => Object.fromEntries(new URLSearchParams(r.search)))
