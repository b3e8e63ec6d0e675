import { act, screen, waitFor } from '@testing-library/react'
import { delay, http, HttpResponse } from 'msw'
import { resetTestBackend, server, testBackend } from '@/mocks/node'
import { givenNumber } from '@/testing/builders'
import { cellsOf, findRow } from '@/testing/numbers-table'
import { recordRequests } from '@/testing/record-requests'
import { renderApp } from '@/testing/render-app'

test('the table shows each number with its agents, versions and status', async () => {
  const current = givenNumber({ nickname: 'Front Office', label: 'cc-4410', inbound: 'agv_front_desk_3' })
  const older = givenNumber({ inbound: 'agv_front_desk_1' })
  const archived = givenNumber({ inbound: 'agv_legacy_ivr_2' })
  renderApp()
  const row = cellsOf(await findRow(current))
  expect(row.nickname).toHaveTextContent('Front Office')
  expect(row.nickname).toHaveTextContent('cc-4410')
  // Rows may show before the agents list answers: their names follow.
  await waitFor(() => expect(row.inbound).toHaveTextContent('Front Desk · v3'))
  expect(row.outbound).toHaveTextContent('None')
  expect(row.status).toHaveTextContent('active')

  expect(cellsOf(await findRow(older)).inbound).toHaveTextContent('Front Desk · v1 · v3 available')
  expect(cellsOf(await findRow(archived)).inbound).toHaveTextContent('Legacy IVR · v2archived')
})

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
  resetTestBackend({ numbers: 0 })
  renderApp()
  expect(await screen.findByRole('heading', { name: 'No numbers yet' })).toBeInTheDocument()
  expect(screen.queryByRole('table')).not.toBeInTheDocument()
})

test('a version the agents list does not know shows as unknown and triggers one agents refetch', async () => {
  const number = givenNumber({ inbound: 'agv_front_desk_3', outbound: 'agv_created_since' })
  const requests = recordRequests()
  renderApp()
  const row = cellsOf(await findRow(number))
  await waitFor(() => expect(row.outbound).toHaveTextContent('Unknown version'))
  expect(row.inbound).toHaveTextContent('Front Desk · v3')
  await waitFor(() => expect(requests.filter((r) => r.path === '/v1/agents')).toHaveLength(2))
  // Still unknown after the refetch: no loop of refetches. (Proving an absence needs a moment to pass.)
  await act(() => new Promise((resolve) => setTimeout(resolve, 100)))
  expect(requests.filter((r) => r.path === '/v1/agents')).toHaveLength(2)
})

test('the first page is requested while /v1/me is still answering, for the view in the URL, and only once', async () => {
  window.history.replaceState(null, '', '/?q=clinic&sort=nickname')
  const clinic = givenNumber({ nickname: 'Test Clinic' })
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
  await findRow(clinic)
  const lists = requests.filter(
    (r) => r.path === '/v1/phone-numbers' && new URLSearchParams(r.search).get('page') === '1',
  )
  expect(lists).toHaveLength(1)
  expect(Object.fromEntries(new URLSearchParams(lists[0]!.search))).toMatchObject({
    search: 'clinic',
    sort: 'nickname',
  })
})
