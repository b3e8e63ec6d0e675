import { http, HttpResponse } from 'msw'
import { server } from '@/mocks/node'
import { recordRequests, writesOf, type RecordedWrite } from '@/testing/record-requests'

test('a request is readable with its body from the moment it starts', async () => {
  const requests = recordRequests()
  server.use(http.post('*/v1/probe', () => HttpResponse.json({})))
  // A reader at the earliest moment: another request:start listener, called right after the recorder's.
  let seen: Promise<RecordedWrite[]> | undefined
  const reader = () => {
    seen ??= writesOf(requests)
  }
  server.events.on('request:start', reader)
  onTestFinished(() => server.events.removeListener('request:start', reader))

  await fetch('http://localhost/v1/probe?x=1', { method: 'POST', body: JSON.stringify({ direction: 'both' }) })

  expect(await seen).toEqual([{ method: 'POST', path: '/v1/probe', body: { direction: 'both' } }])
  expect(requests.map(({ path, search }) => ({ path, search }))).toEqual([{ path: '/v1/probe', search: '?x=1' }])
})

test('a request without a body is recorded with none', async () => {
  const requests = recordRequests()
  server.use(http.delete('*/v1/probe', () => new HttpResponse(null, { status: 204 })))
  await fetch('http://localhost/v1/probe', { method: 'DELETE' })
  expect(await writesOf(requests)).toEqual([{ method: 'DELETE', path: '/v1/probe', body: undefined }])
})
