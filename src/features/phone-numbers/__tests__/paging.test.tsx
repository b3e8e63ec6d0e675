import { screen, waitFor } from '@testing-library/react'
import { resetTestBackend } from '@/mocks/node'
import { listedNumbers } from '@/testing/numbers-table'
import { listQueriesOf, recordRequests } from '@/testing/record-requests'
import { renderApp } from '@/testing/render-app'

test('paging moves through the server’s pages', async () => {
  resetTestBackend({ numbers: 120 })
  const { user } = renderApp()
  expect(await screen.findByText('120 numbers · showing 1–50')).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Next page' }))
  expect(await screen.findByText('120 numbers · showing 51–100')).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Next page' }))
  expect(await screen.findByText('120 numbers · showing 101–120')).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Next page' })).toBeDisabled()
})

test('paging past the end says so and offers the last page', async () => {
  resetTestBackend({ numbers: 120 })
  window.history.replaceState(null, '', '/?page=9')
  const { user } = renderApp()
  expect(await screen.findByRole('heading', { name: 'There is no page 9' })).toBeInTheDocument()
  expect(screen.getByText('120 numbers fit on 3 pages.')).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Go to the last page' }))
  expect(await screen.findByText('120 numbers · showing 101–120')).toBeInTheDocument()
})

test('the next page is prefetched, so moving to it needs no new request', async () => {
  resetTestBackend({ numbers: 120 })
  const requests = recordRequests()
  const { user } = renderApp()
  expect(await screen.findByText('120 numbers · showing 1–50')).toBeInTheDocument()
  await waitFor(() => expect(listQueriesOf(requests).map((q) => q.page)).toContain('2'))
  const before = requests.length
  await user.click(screen.getByRole('button', { name: 'Next page' }))
  expect(await screen.findByText('120 numbers · showing 51–100')).toBeInTheDocument()
  expect(listQueriesOf(requests.slice(before)).filter((q) => q.page === '2')).toEqual([])
})

test('choosing a page size asks the server for that many rows', async () => {
  resetTestBackend({ numbers: 300 })
  const requests = recordRequests()
  const { user } = renderApp()
  expect(await screen.findByText('300 numbers · showing 1–50')).toBeInTheDocument()
  await user.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '200')
  await waitFor(() => expect(listQueriesOf(requests).map((q) => q.limit)).toContain('200'))
  // Poll the cheap row count while 200 rows render: a text or role query scans the whole document
  // on every DOM mutation, which is what made this test time out on a busy 2-core machine.
  await waitFor(() => expect(listedNumbers()).toHaveLength(200))
  expect(screen.getByText('300 numbers · showing 1–200')).toBeInTheDocument()
})

test('first, last and a typed page go straight there; a page out of range is refused in words', async () => {
  resetTestBackend({ numbers: 1_000 })
  const { user } = renderApp()
  expect(await screen.findByText('1,000 numbers · showing 1–50')).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'First page' })).toBeDisabled()
  // The page jump is a lazy chunk: its first import is transformed on demand, slow on a busy machine.
  expect(await screen.findByRole('textbox', { name: 'Page' }, { timeout: 15_000 })).toHaveValue('1')

  await user.click(screen.getByRole('button', { name: 'Last page' }))
  expect(await screen.findByText('1,000 numbers · showing 951–1,000')).toBeInTheDocument()
  expect(screen.getByRole('textbox', { name: 'Page' })).toHaveValue('20')
  expect(screen.getByRole('button', { name: 'Last page' })).toBeDisabled()

  const jump = screen.getByRole('textbox', { name: 'Page' })
  await user.clear(jump)
  await user.type(jump, '7{Enter}')
  expect(await screen.findByText('1,000 numbers · showing 301–350')).toBeInTheDocument()
  expect(new URLSearchParams(window.location.search).get('page')).toBe('7')

  await user.clear(jump)
  await user.type(jump, '21{Enter}')
  expect(await screen.findByRole('alert')).toHaveTextContent('Enter a page from 1 to 20.')
  expect(jump).toHaveAccessibleDescription('Enter a page from 1 to 20.')
  expect(screen.getByText('1,000 numbers · showing 301–350')).toBeInTheDocument()

  await user.click(screen.getByRole('button', { name: 'First page' }))
  expect(await screen.findByText('1,000 numbers · showing 1–50')).toBeInTheDocument()
  expect(jump).toHaveValue('1')
})
