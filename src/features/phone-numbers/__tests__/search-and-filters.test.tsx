import { screen, waitFor, within } from '@testing-library/react'
import { givenNumber } from '@/testing/builders'
import { cellsOf, findRow, listedNumbers, waitForRows } from '@/testing/numbers-table'
import { listQueriesOf, recordRequests } from '@/testing/record-requests'
import { renderApp } from '@/testing/render-app'
import { goInHistory } from '@/testing/user-actions'

// These tests read the seeded workspace as a whole (which numbers match "clinic", which sort first).

test('a deep link opens exactly that view', async () => {
  window.history.replaceState(null, '', '/?q=clinic&status=active&sort=nickname&order=desc&limit=25')
  const requests = recordRequests()
  renderApp()
  expect(await screen.findByRole('searchbox', { name: 'Search numbers' })).toHaveValue('clinic')
  await waitFor(() => expect(listedNumbers()[0]).toBe('+1 206 555 0111'))
  expect(screen.getByRole('combobox', { name: 'Status' })).toHaveDisplayValue('Active')
  expect(screen.getByRole('combobox', { name: 'Rows per page' })).toHaveDisplayValue('25')
  expect(screen.getByRole('columnheader', { name: /Nickname/ })).toHaveAttribute('aria-sort', 'descending')
  expect(listQueriesOf(requests)[0]).toEqual({
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
  await waitForRows()
  expect(screen.getByText('40 numbers · showing 1–40')).toBeInTheDocument()
  // The address bar says what is shown, so a copied link does not carry the bad values on.
  await waitFor(() => expect(window.location.search).toBe(''))
})

test('Back from a search returns to the view before it, not out of the app', async () => {
  window.history.replaceState(null, '', '/?sort=nickname')
  const { user } = renderApp()
  await waitForRows()
  await user.type(screen.getByRole('searchbox', { name: 'Search numbers' }), 'billing')
  await waitFor(() => expect(listedNumbers()).toHaveLength(3))
  expect(new URLSearchParams(window.location.search).get('q')).toBe('billing')

  await goInHistory('back')
  await waitFor(() => expect(screen.getByRole('searchbox', { name: 'Search numbers' })).toHaveValue(''))
  expect(window.location.search).toBe('?sort=nickname')
  await waitFor(() => expect(listedNumbers()).toHaveLength(40))
})

test('a search longer than 200 characters is cut to 200 where the user sees it, never ignored', async () => {
  window.history.replaceState(null, '', `/?q=${'billing'.repeat(40)}`)
  const requests = recordRequests()
  const { user } = renderApp()
  const box = await screen.findByRole('searchbox', { name: 'Search numbers' })
  const searched = 'billing'.repeat(40).slice(0, 200)
  expect(box).toHaveValue(searched)
  expect(box).toHaveAccessibleDescription('Searches use at most 200 characters.')
  expect(await screen.findByRole('heading', { name: `No number matches “${searched}”` })).toBeInTheDocument()
  expect(listQueriesOf(requests)[0]?.search).toBe(searched)
  await waitFor(() => expect(new URLSearchParams(window.location.search).get('q')).toBe(searched))

  // Pasting more than 200 characters keeps the first 200, and the table follows that search.
  await user.clear(box)
  await waitFor(() => expect(listedNumbers()).toHaveLength(40))
  await user.click(box)
  await user.paste(`billing${'x'.repeat(300)}`)
  expect(box).toHaveValue(`billing${'x'.repeat(193)}`)
  await waitFor(() => expect(listQueriesOf(requests).at(-1)?.search).toBe(`billing${'x'.repeat(193)}`))
  expect(await screen.findByRole('heading', { name: /^No number matches/ })).toBeInTheDocument()
})

test('sorting by a column header toggles the order and sets aria-sort', async () => {
  const { user } = renderApp()
  await waitForRows()
  const header = screen.getByRole('columnheader', { name: /Number/ })
  expect(header).not.toHaveAttribute('aria-sort')
  await user.click(within(header).getByRole('button'))
  await waitFor(() => expect(header).toHaveAttribute('aria-sort', 'ascending'))
  await waitFor(() => expect(listedNumbers()[0]).toBe('+1 206 555 0111'))
  await user.click(within(header).getByRole('button'))
  await waitFor(() => expect(header).toHaveAttribute('aria-sort', 'descending'))
  await waitFor(() => expect(listedNumbers()[0]).toBe('+61 7 5550 1234'))
  expect(new URLSearchParams(window.location.search).get('order')).toBe('desc')
})

test('the agent filter shows the numbers an agent serves, on either side', async () => {
  const { user } = renderApp()
  await waitForRows()
  // The filter offers agents once the agents list has answered.
  await screen.findByRole('option', { name: 'Survey Caller' })
  await user.selectOptions(screen.getByRole('combobox', { name: 'Agent' }), 'Survey Caller')
  await waitFor(() => expect(listedNumbers()).toEqual(['+1 718 555 0140', '+1 206 555 0111']))
  expect(screen.getByText('2 numbers · showing 1–2')).toBeInTheDocument()
  expect(new URLSearchParams(window.location.search).get('agent')).toBe('agt_survey')
})

test('Back and Forward move between views, search box included', async () => {
  const { user } = renderApp()
  await waitForRows()
  await user.type(screen.getByRole('searchbox', { name: 'Search numbers' }), 'billing')
  await waitFor(() => expect(listedNumbers()).toHaveLength(3))
  await user.click(within(screen.getByRole('columnheader', { name: /Nickname/ })).getByRole('button'))
  await waitFor(() => expect(listedNumbers()[0]).toBe('+1 415 555 0148'))

  await goInHistory('back')
  await waitFor(() => expect(screen.getByRole('columnheader', { name: /Nickname/ })).not.toHaveAttribute('aria-sort'))
  expect(screen.getByRole('searchbox', { name: 'Search numbers' })).toHaveValue('billing')

  await goInHistory('forward')
  await waitFor(() =>
    expect(screen.getByRole('columnheader', { name: /Nickname/ })).toHaveAttribute('aria-sort', 'ascending'),
  )
})

test('a search with no match says so, distinct from an empty workspace, and can be cleared', async () => {
  const { user } = renderApp()
  await waitForRows()
  await user.type(screen.getByRole('searchbox', { name: 'Search numbers' }), 'zzzz')
  expect(await screen.findByRole('heading', { name: 'No number matches “zzzz”' })).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Clear search and filters' }))
  await waitForRows()
  expect(listedNumbers()).toHaveLength(40)
  expect(screen.getByRole('searchbox', { name: 'Search numbers' })).toHaveValue('')
})

test('search is sent to the server and matches digits typed with spaces and dashes', async () => {
  const number = givenNumber({ nickname: 'Front Office', phone_number: '+16285550123' })
  const { user } = renderApp()
  await findRow(number)
  const requests = recordRequests()
  await user.type(screen.getByRole('searchbox', { name: 'Search numbers' }), '628-555 0123')
  await waitFor(() => expect(listQueriesOf(requests).at(-1)?.search).toBe('628-555 0123'))
  await waitFor(() => expect(listedNumbers()).toEqual(['+1 628 555 0123']))
  expect(cellsOf(await findRow(number)).nickname).toHaveTextContent('Front Office')
  // Debounced: not one request per keystroke (how many bursts a busy machine splits the typing into varies).
  expect(listQueriesOf(requests).length).toBeLessThan('628-555 0123'.length / 2)
})

test('a number typed in its national format is found: the page sends it in E.164', async () => {
  // The seed's London Reception is +44 20 7946 0123.
  const { user } = renderApp()
  await waitForRows()
  const requests = recordRequests()
  await user.type(screen.getByRole('searchbox', { name: 'Search numbers' }), '020 7946 0123')
  await waitFor(() => expect(listedNumbers()).toEqual(['+44 20 7946 0123']))
  expect(listQueriesOf(requests).at(-1)?.search).toBe('+442079460123')
  // The box and the URL keep what the user typed.
  expect(screen.getByRole('searchbox', { name: 'Search numbers' })).toHaveValue('020 7946 0123')
  expect(new URLSearchParams(window.location.search).get('q')).toBe('020 7946 0123')
})
