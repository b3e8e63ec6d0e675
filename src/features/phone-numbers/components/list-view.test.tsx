import { act, screen, waitFor, within } from '@testing-library/react'
import { createSeedWorkspace } from '@/mocks/seed'
import { testBackend } from '@/mocks/node'
import { Workspace } from '@/mocks/workspace'
import { recordRequests } from '@/testing/record-requests'
import { findRow, renderApp } from '@/testing/render-app'

const numberCells = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('.number-main')?.textContent ?? '')

function goBack() {
  return act(async () => {
    window.history.back()
    await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }))
  })
}

test('a deep link opens exactly that view', async () => {
  window.history.replaceState(null, '', '/?q=clinic&status=active&sort=nickname&order=desc&limit=25')
  const requests = recordRequests()
  renderApp()
  expect(await screen.findByRole('searchbox', { name: 'Search numbers' })).toHaveValue('clinic')
  await waitFor(() => expect(numberCells()[0]).toBe('+1 206 555 0111'))
  expect(screen.getByRole('combobox', { name: 'Status' })).toHaveDisplayValue('Active')
  expect(screen.getByRole('combobox', { name: 'Rows per page' })).toHaveDisplayValue('25')
  expect(screen.getByRole('columnheader', { name: /Nickname/ })).toHaveAttribute('aria-sort', 'descending')
  const list = requests.find((r) => r.path === '/v1/phone-numbers')!
  expect(Object.fromEntries(new URLSearchParams(list.search))).toEqual({
    page: '1',
    limit: '25',
    sort: 'nickname',
    order: 'desc',
    search: 'clinic',
    status: 'active',
  })
})

test('invalid values in the URL fall back to defaults instead of breaking the page', async () => {
  window.history.replaceState(null, '', '/?page=-4&limit=5000&sort=evil&order=up&status=gone')
  renderApp()
  expect(await findRow('+1 415 555 0123')).toBeInTheDocument()
  expect(screen.getByText('40 numbers · showing 1–40')).toBeInTheDocument()
})

test('sorting by a column header toggles the order and sets aria-sort', async () => {
  const { user } = renderApp()
  await findRow('+1 415 555 0123')
  const header = screen.getByRole('columnheader', { name: /Number/ })
  expect(header).not.toHaveAttribute('aria-sort')
  await user.click(within(header).getByRole('button'))
  await waitFor(() => expect(header).toHaveAttribute('aria-sort', 'ascending'))
  await waitFor(() => expect(numberCells()[0]).toBe('+1 206 555 0111'))
  await user.click(within(header).getByRole('button'))
  await waitFor(() => expect(header).toHaveAttribute('aria-sort', 'descending'))
  await waitFor(() => expect(numberCells()[0]).toBe('+61 7 5550 1234'))
  expect(new URLSearchParams(window.location.search).get('order')).toBe('desc')
})

test('the agent filter shows the numbers an agent serves, on either side', async () => {
  const { user } = renderApp()
  await findRow('+1 415 555 0123')
  // The filter offers agents once the agents list has answered.
  await screen.findByRole('option', { name: 'Survey Caller' })
  await user.selectOptions(screen.getByRole('combobox', { name: 'Agent' }), 'Survey Caller')
  await waitFor(() => expect(numberCells()).toEqual(['+1 718 555 0140', '+1 206 555 0111']))
  expect(screen.getByText('2 numbers · showing 1–2')).toBeInTheDocument()
  expect(new URLSearchParams(window.location.search).get('agent')).toBe('agt_survey')
})

test('Back and Forward move between views, search box included', async () => {
  const { user } = renderApp()
  await findRow('+1 415 555 0123')
  await user.type(screen.getByRole('searchbox', { name: 'Search numbers' }), 'billing')
  await waitFor(() => expect(numberCells()).toHaveLength(3))
  await user.click(within(screen.getByRole('columnheader', { name: /Nickname/ })).getByRole('button'))
  await waitFor(() => expect(numberCells()[0]).toBe('+1 415 555 0148'))

  await goBack()
  await waitFor(() => expect(screen.getByRole('columnheader', { name: /Nickname/ })).not.toHaveAttribute('aria-sort'))
  expect(screen.getByRole('searchbox', { name: 'Search numbers' })).toHaveValue('billing')

  await act(async () => {
    window.history.forward()
    await new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }))
  })
  await waitFor(() =>
    expect(screen.getByRole('columnheader', { name: /Nickname/ })).toHaveAttribute('aria-sort', 'ascending'),
  )
})

test('paging past the end says so and offers the last page', async () => {
  testBackend.workspace = new Workspace(createSeedWorkspace({ numbers: 120 }))
  window.history.replaceState(null, '', '/?page=9')
  const { user } = renderApp()
  expect(await screen.findByRole('heading', { name: 'There is no page 9' })).toBeInTheDocument()
  expect(screen.getByText('120 numbers fit on 3 pages.')).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Go to the last page' }))
  expect(await screen.findByText('120 numbers · showing 101–120')).toBeInTheDocument()
})

test('the next page is prefetched, so moving to it needs no new request', async () => {
  testBackend.workspace = new Workspace(createSeedWorkspace({ numbers: 120 }))
  const requests = recordRequests()
  const { user } = renderApp()
  expect(await screen.findByText('120 numbers · showing 1–50')).toBeInTheDocument()
  await waitFor(() =>
    expect(
      requests.some((r) => r.path === '/v1/phone-numbers' && new URLSearchParams(r.search).get('page') === '2'),
    ).toBe(true),
  )
  const before = requests.length
  await user.click(screen.getByRole('button', { name: 'Next page' }))
  expect(await screen.findByText('120 numbers · showing 51–100')).toBeInTheDocument()
  expect(requests.slice(before).filter((r) => new URLSearchParams(r.search).get('page') === '2')).toEqual([])
})

test('choosing a page size asks the server for that many rows', async () => {
  testBackend.workspace = new Workspace(createSeedWorkspace({ numbers: 300 }))
  const { user } = renderApp()
  expect(await screen.findByText('300 numbers · showing 1–50')).toBeInTheDocument()
  await user.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '200')
  expect(await screen.findByText('300 numbers · showing 1–200')).toBeInTheDocument()
  expect(screen.getAllByRole('row')).toHaveLength(201)
})
