import { act, screen, waitFor, within } from '@testing-library/react'
import { delay, http, HttpResponse } from 'msw'
import { createSeedWorkspace } from '@/mocks/seed'
import { server, testBackend } from '@/mocks/node'
import { Workspace } from '@/mocks/workspace'
import { recordRequests } from '@/testing/record-requests'
import { cellsOf, findRow, renderApp } from '@/testing/render-app'

test('skeleton rows show while the first page loads', async () => {
  server.use(
    http.get('*/v1/phone-numbers', async () => {
      await delay('infinite')
    }),
  )
  renderApp()
  expect(await screen.findByText('Loading numbers…')).toHaveAttribute('role', 'status')
  expect(screen.getByRole('table', { busy: true })).toBeInTheDocument()
})

test('a workspace without numbers says so and what to do', async () => {
  testBackend.workspace = new Workspace(createSeedWorkspace({ numbers: 0 }))
  renderApp()
  expect(await screen.findByRole('heading', { name: 'No numbers yet' })).toBeInTheDocument()
  expect(screen.queryByRole('table')).not.toBeInTheDocument()
})

test('a search with no match says so, distinct from an empty workspace, and can be cleared', async () => {
  const { user } = renderApp()
  await findRow('+1 415 555 0123')
  await user.type(screen.getByRole('searchbox', { name: 'Search numbers' }), 'zzzz')
  expect(await screen.findByRole('heading', { name: 'No number matches “zzzz”' })).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Clear search and filters' }))
  expect(await findRow('+1 415 555 0123')).toBeInTheDocument()
  expect(screen.getByRole('searchbox', { name: 'Search numbers' })).toHaveValue('')
})

test('search is sent to the server and matches digits typed with spaces and dashes', async () => {
  const { user } = renderApp()
  await findRow('+1 415 555 0123')
  const requests = recordRequests()
  await user.type(screen.getByRole('searchbox', { name: 'Search numbers' }), '415-555 0123')
  const lists = () => requests.filter((r) => r.path === '/v1/phone-numbers')
  await waitFor(() => expect(new URLSearchParams(lists().at(-1)?.search).get('search')).toBe('415-555 0123'))
  await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2))
  expect(cellsOf(await findRow('+1 415 555 0123')).nickname).toHaveTextContent('Main Support Line')
  // Debounced: not one request per keystroke.
  expect(lists().length).toBeLessThan(4)
})

test('a failed list load shows the error and a working Retry', async () => {
  server.use(
    http.get(
      '*/v1/phone-numbers',
      () =>
        new HttpResponse('<html><body>Bad gateway</body></html>', {
          status: 400,
          headers: { 'Content-Type': 'text/html' },
        }),
      {
        once: true,
      },
    ),
  )
  const { user } = renderApp()
  const alert = await screen.findByRole('alert')
  expect(within(alert).getByRole('heading', { name: 'The numbers could not be loaded' })).toBeInTheDocument()
  expect(alert).toHaveTextContent('The server answered 400')
  expect(alert).not.toHaveTextContent('<html>')
  await user.click(within(alert).getByRole('button', { name: 'Retry' }))
  expect(await findRow('+1 415 555 0123')).toBeInTheDocument()
})

test('a version the agents list does not know shows as unknown and triggers one agents refetch', async () => {
  const number = testBackend.workspace.allNumbers()[0]!
  testBackend.workspace.setSlots(number.id, { outbound_agent_version_id: 'agv_created_since' })
  const requests = recordRequests()
  renderApp()
  const row = cellsOf(await findRow('+1 415 555 0123'))
  await waitFor(() => expect(row.outbound).toHaveTextContent('Unknown version'))
  expect(row.inbound).toHaveTextContent('Front Desk · v3')
  await waitFor(() => expect(requests.filter((r) => r.path === '/v1/agents')).toHaveLength(2))
  // Still unknown after the refetch: no loop of refetches.
  await act(() => new Promise((resolve) => setTimeout(resolve, 100)))
  expect(requests.filter((r) => r.path === '/v1/agents')).toHaveLength(2)
})

test('paging moves through the server’s pages', async () => {
  testBackend.workspace = new Workspace(createSeedWorkspace({ numbers: 120 }))
  const { user } = renderApp()
  expect(await screen.findByText('120 numbers · showing 1–50')).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Next page' }))
  expect(await screen.findByText('120 numbers · showing 51–100')).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Next page' }))
  expect(await screen.findByText('120 numbers · showing 101–120')).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled()
})

test('the first page is requested while /v1/me is still answering, for the view in the URL, and only once', async () => {
  window.history.replaceState(null, '', '/?q=clinic&sort=nickname')
  let answerMe = () => {}
  const meAnswered = new Promise<void>((resolve) => (answerMe = resolve))
  server.use(
    http.get('*/v1/me', async () => {
      await meAnswered
      return HttpResponse.json(testBackend.workspace.me('Bearer demo_admin'))
    }),
  )
  const requests = recordRequests()
  renderApp()
  await waitFor(() => expect(requests.map((r) => r.path)).toContain('/v1/phone-numbers'))
  expect(screen.queryByRole('table')).not.toBeInTheDocument() // the page itself waits for /v1/me
  answerMe()
  await findRow('+1 312 555 0187') // Chicago Clinic
  const lists = requests.filter(
    (r) => r.path === '/v1/phone-numbers' && new URLSearchParams(r.search).get('page') === '1',
  )
  expect(lists).toHaveLength(1)
  expect(Object.fromEntries(new URLSearchParams(lists[0]!.search))).toMatchObject({
    search: 'clinic',
    sort: 'nickname',
  })
})
