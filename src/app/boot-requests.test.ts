import { QueryClient } from '@tanstack/react-query'
import { http, HttpResponse } from 'msw'
import { sendFirstScreenRequests } from '@/app/boot-requests'
import { prefetchFirstScreen } from '@/app/first-screen'
import { agentQueries } from '@/features/agents/api/agent-queries'
import { phoneNumberQueries } from '@/features/phone-numbers/api/phone-number-queries'
import { listParams, parseListView } from '@/features/phone-numbers/domain/list-view'
import { meQueries } from '@/features/session/api/me-queries'
import { credentials } from '@/lib/credentials'
import { server } from '@/mocks/node'
import { givenKey } from '@/testing/builders'
import { recordRequests } from '@/testing/record-requests'

/** The boot script's requests, sent through the real (intercepted) fetch and counted. */
function bootSends() {
  const sent: string[] = []
  sendFirstScreenRequests((url, init) => {
    sent.push(new URL(url).pathname)
    return fetch(url, init)
  })
  return sent
}

test('the first screen is asked for once: the app takes the boot script’s answers instead of asking again', async () => {
  window.history.replaceState(null, '', '/?q=clinic&sort=nickname')
  const requests = recordRequests()
  const sent = bootSends()
  const queryClient = new QueryClient()
  const firstScreen = prefetchFirstScreen(queryClient)

  const params = listParams(parseListView(window.location.search))
  // It settles once the rows and the key's scopes are in: what the first render waits for (mount.tsx).
  await firstScreen
  expect(queryClient.getQueryData(phoneNumberQueries.list(params).queryKey)).toBeDefined()
  expect(queryClient.getQueryData(meQueries.me(credentials.snapshot()).queryKey)).toBeDefined()
  await vi.waitFor(() => {
    expect(queryClient.getQueryData(phoneNumberQueries.list(params).queryKey)?.data.length).toBeGreaterThan(0)
    expect(queryClient.getQueryData(agentQueries.list().queryKey)?.length).toBeGreaterThan(0)
  })
  expect(sent).toEqual(['/v1/phone-numbers', '/v1/me', '/v1/agents'])
  expect(requests.map((r) => `${r.path}${r.search}`).sort()).toEqual(
    ['/v1/agents', '/v1/me', '/v1/phone-numbers?page=1&limit=50&sort=nickname&order=asc&search=clinic'].sort(),
  )
})

test('a key without agents:read: the boot script does not ask for the agents, nor does the app', async () => {
  givenKey(['numbers:read'])
  const requests = recordRequests()
  const sent = bootSends()
  const queryClient = new QueryClient()
  void prefetchFirstScreen(queryClient)
  // /v1/me's answer is where the app decides about the agents: wait for it, then for nothing in flight.
  await vi.waitFor(() => expect(queryClient.getQueryData(meQueries.me(credentials.snapshot()).queryKey)).toBeDefined())
  await vi.waitFor(() => expect(queryClient.isFetching()).toBe(0))
  expect(sent).toEqual(['/v1/phone-numbers', '/v1/me'])
  expect(requests.map((r) => r.path).sort()).toEqual(['/v1/me', '/v1/phone-numbers'])
})

test('a /v1/me whose scopes cannot be read: the boot script leaves the agents to the app, without an error', async () => {
  // An object whose conversion to text throws: the gate's reading of the scopes fails.
  const me = { workspace: { id: 'w', name: 'W' }, key_name: 'k', scopes: [{ toString: 1 }] }
  server.use(http.get('*/v1/me', () => HttpResponse.json(me), { once: true }))
  const answers = sendFirstScreenRequests((url, init) => fetch(url, init))
  await expect(answers?.agents).resolves.toBeNull()
  await expect(answers?.bodies.me).resolves.toEqual(me)
})
