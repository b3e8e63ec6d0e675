import { screen, waitFor } from '@testing-library/react'
import { testBackend } from '@/mocks/node'
import { givenKey } from '@/testing/builders'
import { formatted, listedNumbers, waitForRows } from '@/testing/numbers-table'
import { listQueriesOf, recordRequests } from '@/testing/record-requests'
import { renderApp } from '@/testing/render-app'
import type { PhoneNumber } from '@/types/api'

// The seeded workspace (40 numbers) holds canaries, import errors and empty slots; each test
// computes what should be listed from the workspace itself, independently of the list request.

const shownAs = (numbers: PhoneNumber[]) => numbers.map((n) => formatted(n.phone_number))
const where = (keep: (n: PhoneNumber) => boolean) => shownAs(testBackend.workspace.allNumbers().filter(keep))
const urlParam = (name: string) => new URLSearchParams(window.location.search).get(name)

test('the Inbound version filter lists the Agent filter’s versions and shows exactly the numbers holding one', async () => {
  const { user } = renderApp()
  await waitForRows()
  await screen.findByRole('option', { name: 'Front Desk' })
  await user.selectOptions(screen.getByRole('combobox', { name: 'Agent' }), 'Front Desk')
  const inbound = screen.getByRole('combobox', { name: 'Inbound version' })
  // Newest first, after "any" and "empty".
  expect([...(inbound as HTMLSelectElement).options].map((o) => o.text)).toEqual([
    'Any inbound version',
    'No inbound agent',
    'Front Desk v3',
    'Front Desk v2',
    'Front Desk v1',
  ])
  const requests = recordRequests()
  await user.selectOptions(inbound, 'Front Desk v2')
  const expected = where((n) => n.inbound_agent_version_id === 'agv_front_desk_2')
  expect(expected.length).toBeGreaterThan(0)
  await waitFor(() => expect(listedNumbers()).toEqual(expected))
  expect(listQueriesOf(requests).at(-1)).toMatchObject({
    agent_id: 'agt_front_desk',
    inbound_version_id: 'agv_front_desk_2',
  })
  expect(urlParam('inbound')).toBe('agv_front_desk_2')
  expect(screen.getByText(`${expected.length} numbers · showing 1–${expected.length}`)).toBeInTheDocument()

  // Another agent: a version of the previous one no longer applies and is dropped.
  await user.selectOptions(screen.getByRole('combobox', { name: 'Agent' }), 'Outbound Sales')
  await waitFor(() => expect(urlParam('inbound')).toBeNull())
  expect(screen.getByRole('combobox', { name: 'Inbound version' })).toHaveDisplayValue('Any inbound version')
  expect(listQueriesOf(requests).at(-1)).not.toHaveProperty('inbound_version_id')
})

test('No outbound agent lists the numbers with an empty outbound slot, with the search and the agent filter', async () => {
  window.history.replaceState(null, '', '/?agent=agt_reminders&q=clinic')
  const requests = recordRequests()
  const { user } = renderApp()
  await waitForRows()
  await user.selectOptions(screen.getByRole('combobox', { name: 'Outbound version' }), 'No outbound agent')
  await waitFor(() => expect(urlParam('outbound')).toBe('none'))
  expect(listQueriesOf(requests).at(-1)).toMatchObject({
    search: 'clinic',
    agent_id: 'agt_reminders',
    outbound_version_id: 'none',
  })
  const answer = testBackend.workspace.listPhoneNumbers(
    new URLSearchParams({ search: 'clinic', agent_id: 'agt_reminders', outbound_version_id: 'none' }),
  )
  expect(answer.data.length).toBeGreaterThan(0)
  expect(answer.data.every((n) => n.outbound_agent_version_id === null)).toBe(true)
  await waitFor(() => expect(listedNumbers()).toEqual(shownAs(answer.data)))
  // The empty slot stays chosen when the agent changes: it belongs to no agent.
  await user.selectOptions(screen.getByRole('combobox', { name: 'Agent' }), 'Any agent')
  await waitFor(() => expect(urlParam('agent')).toBeNull())
  expect(urlParam('outbound')).toBe('none')
})

test('Has canary and Import error narrow the view, in the request and the URL, and combine', async () => {
  const { user } = renderApp()
  await waitForRows()
  const requests = recordRequests()
  await user.click(screen.getByRole('checkbox', { name: 'Has canary' }))
  const withCanary = where((n) => n.inbound_canary !== null)
  expect(withCanary.length).toBeGreaterThan(1)
  await waitFor(() => expect(listedNumbers()).toEqual(withCanary))
  expect(listQueriesOf(requests).at(-1)).toMatchObject({ canary: 'true' })
  expect(urlParam('canary')).toBe('true')

  await user.click(screen.getByRole('checkbox', { name: 'Has canary' }))
  await user.click(screen.getByRole('checkbox', { name: 'Import error' }))
  const failed = where((n) => n.import_error !== null)
  await waitFor(() => expect(listedNumbers()).toEqual(failed))
  expect(urlParam('canary')).toBeNull()
  expect(urlParam('import_error')).toBe('true')
  expect(listQueriesOf(requests).at(-1)).toMatchObject({ import_error: 'true' })
  expect(listQueriesOf(requests).at(-1)).not.toHaveProperty('canary')

  // Both at once is an AND: no seeded number has both, so nothing matches, and the empty state says so.
  await user.click(screen.getByRole('checkbox', { name: 'Has canary' }))
  expect(where((n) => n.import_error !== null && n.inbound_canary !== null)).toEqual([])
  expect(await screen.findByRole('heading', { name: 'No number matches these filters' })).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Clear search and filters' }))
  await waitFor(() => expect(listedNumbers()).toHaveLength(40))
  expect(screen.getByRole('checkbox', { name: 'Has canary' })).not.toBeChecked()
  expect(screen.getByRole('checkbox', { name: 'Import error' })).not.toBeChecked()
  expect(window.location.search).toBe('')
})

test('a deep link with the new filters opens that view; invalid values are corrected in the address bar', async () => {
  window.history.replaceState(null, '', '/?agent=agt_front_desk&inbound=agv_front_desk_2&canary=true')
  let requests = recordRequests()
  const { unmount } = renderApp()
  await waitForRows()
  expect(listQueriesOf(requests)[0]).toMatchObject({ inbound_version_id: 'agv_front_desk_2', canary: 'true' })
  await waitFor(() =>
    expect(screen.getByRole('combobox', { name: 'Inbound version' })).toHaveDisplayValue('Front Desk v2'),
  )
  expect(screen.getByRole('checkbox', { name: 'Has canary' })).toBeChecked()
  expect(listedNumbers()).toEqual(['+1 800 555 0199'])
  unmount()

  window.history.replaceState(null, '', '/?inbound=%3Cscript%3E&outbound=&canary=maybe&import_error=yes&sort=nickname')
  requests = recordRequests()
  renderApp()
  await waitForRows()
  await waitFor(() => expect(window.location.search).toBe('?sort=nickname'))
  const asked = listQueriesOf(requests)[0]
  for (const name of ['inbound_version_id', 'outbound_version_id', 'canary', 'import_error'])
    expect(asked).not.toHaveProperty(name)
  expect(screen.getByRole('checkbox', { name: 'Has canary' })).not.toBeChecked()
  expect(screen.getByRole('combobox', { name: 'Inbound version' })).toHaveDisplayValue('Any inbound version')
})

test('a version of another agent named by a link stays visible in the filter, by name', async () => {
  window.history.replaceState(null, '', '/?outbound=agv_sales_2')
  renderApp()
  await waitForRows()
  await waitFor(() =>
    expect(screen.getByRole('combobox', { name: 'Outbound version' })).toHaveDisplayValue('Outbound Sales v2'),
  )
  await waitFor(() => expect(listedNumbers()).toEqual(where((n) => n.outbound_agent_version_id === 'agv_sales_2')))
})

test('a link naming an agent that does not exist says so in the Agent filter, once the agents are in', async () => {
  window.history.replaceState(null, '', '/?agent=agt_retired')
  renderApp()
  expect(await screen.findByRole('heading', { name: 'No number matches these filters' })).toBeInTheDocument()
  const agent = screen.getByRole('combobox', { name: 'Agent' })
  await waitFor(() => expect(agent).toHaveDisplayValue('Unknown agent (agt_retired)'))
  expect(urlParam('agent')).toBe('agt_retired')
})

test('a key that cannot list agents keeps a linked agent id as it is: it may well exist', async () => {
  givenKey(['numbers:read'])
  window.history.replaceState(null, '', '/?agent=agt_front_desk')
  renderApp()
  expect(await screen.findByText(/Your key cannot read agents/)).toBeInTheDocument()
  expect(screen.getByRole('combobox', { name: 'Agent' })).toHaveDisplayValue('agt_front_desk')
})
