import { onTestFinished } from 'vitest'
import { server } from '@/mocks/node'

export interface RecordedRequest {
  method: string
  path: string
  search: string
  body: unknown
}

/** Records every request the app sends to the demo backend from now on, with its JSON body. */
export function recordRequests(): RecordedRequest[] {
  const requests: RecordedRequest[] = []
  const listener = ({ request }: { request: Request }) => {
    const url = new URL(request.url)
    const entry: RecordedRequest = { method: request.method, path: url.pathname, search: url.search, body: undefined }
    requests.push(entry)
    if (request.method !== 'GET') {
      void request
        .clone()
        .text()
        .then((text) => {
          entry.body = text ? (JSON.parse(text) as unknown) : undefined
        })
    }
  }
  server.events.on('request:start', listener)
  onTestFinished(() => server.events.removeListener('request:start', listener))
  return requests
}

export const writesOf = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.method !== 'GET').map(({ method, path, body }) => ({ method, path, body }))
