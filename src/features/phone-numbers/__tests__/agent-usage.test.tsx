import { screen, waitFor, within } from '@testing-library/react'
import { delay, http, HttpResponse } from 'msw'
import { server, testBackend } from '@/mocks/node'
import { givenKey, givenNumber } from '@/testing/builders'
import { findRow, formatted, listedNumbers, waitForRows } from '@/testing/numbers-table'
import { listQueriesOf, recordRequests, type RecordedRequest } from '@/testing/record-requests'
import { renderApp } from '@/testing/render-app'
import { choose, findBulkDialog, findSelectionRegion, openEdit, saveAndWaitForClose } from '@/testing/user-actions'

const usageRequests = (requests: RecordedRequest[], agentId: string) =>
  requests.filter((r) => r.method === 'GET' && r.path === `/v1/agents/${agentId}/usage`)

/** The region's lines, as read: "v3 · 5 inbound · 2 outbound · 0 canary". */
const usageLines = (region: HTMLElement) =>
  within(within(region).getByRole('list', { name: 'Numbers per version, newest first' }))
    .getAllByRole('listitem')
    .map((item) => item.querySelector('.usage-counts')?.textContent)

/** The region's line of one version (`v2`), once shown. */
const versionItem = (region: HTMLElement, version: string) =>
  waitFor(() => {
    const item = within(region)
      .getAllByRole('listitem')
      .find((li) => li.querySelector('.usage-counts')?.textContent?.startsWith(`${version} · `))
    if (!item) throw new Error(`No line for ${version}`)
    return item
  })

/** What the region should say for an agent, from the server's own counts (oldest first there). */
function expectedLines(agentId: string): string[] {
  const agent = testBackend.workspace.listAgents().data.find((a) => a.id === agentId)!
  return testBackend.workspace
    .agentUsage(agentId)
    .data.map((entry) => {
      const version = agent.versions.find((v) => v.id === entry.version_id)!
      const name = `v${version.version}${version.published ? '' : ' (draft)'}`
      return `${name} · ${entry.inbound} inbound · ${entry.outbound} outbound · ${entry.canary} canary`
    })
    .reverse()
}

test('with the Agent filter set, the region says per version how many numbers use it, newest first, in one request', async () => {
  window.history.replaceState(null, '', '/?agent=agt_front_desk')
  const requests = recordRequests()
  renderApp()
  const region = await screen.findByRole('region', { name: 'Front Desk usage' })
  await waitFor(() => expect(usageLines(region)).toEqual(expectedLines('agt_front_desk')))
  expect(usageLines(region)[0]).toMatch(/^v3 · [1-9]\d* inbound/)
  expect(usageRequests(requests, 'agt_front_desk')).toHaveLength(1)
  // Above the table.
  await waitForRows()
  const table = screen.getByRole('table')
  expect(region.compareDocumentPosition(table) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
})

test('no region without the Agent filter; choosing an agent shows its region, another agent replaces it', async () => {
  const { user } = renderApp()
  await waitForRows()
  expect(screen.queryByRole('region', { name: /usage$/ })).not.toBeInTheDocument()
  await screen.findByRole('option', { name: 'Appointment Reminders' })
  await user.selectOptions(screen.getByRole('combobox', { name: 'Agent' }), 'Appointment Reminders')
  const region = await screen.findByRole('region', { name: 'Appointment Reminders usage' })
  await waitFor(() => expect(usageLines(region)).toEqual(expectedLines('agt_reminders')))
  // The draft is marked as such.
  expect(usageLines(region)[0]).toMatch(/^v3 \(draft\) · /)
  await user.selectOptions(screen.getByRole('combobox', { name: 'Agent' }), 'Survey Caller')
  expect(await screen.findByRole('region', { name: 'Survey Caller usage' })).toBeInTheDocument()
  expect(screen.queryByRole('region', { name: 'Appointment Reminders usage' })).not.toBeInTheDocument()
})

test('a count is a link that filters the table to those numbers', async () => {
  window.history.replaceState(null, '', '/?agent=agt_front_desk&q=clinic&status=active')
  const { user } = renderApp()
  const region = await screen.findByRole('region', { name: 'Front Desk usage' })
  const [inbound] = within(await versionItem(region, 'v2')).getAllByRole('link')
  const holdingV2 = testBackend.workspace.allNumbers().filter((n) => n.inbound_agent_version_id === 'agv_front_desk_2')
  expect(inbound).toHaveTextContent(`${holdingV2.length} inbound`)
  // A real address, so it opens in a new tab too; the search and other filters are left out of it.
  expect(inbound).toHaveAttribute('href', '/?agent=agt_front_desk&inbound=agv_front_desk_2')
  const requests = recordRequests()
  await user.click(inbound!)
  await waitFor(() => expect(window.location.search).toBe('?agent=agt_front_desk&inbound=agv_front_desk_2'))
  await waitFor(() => expect(listedNumbers()).toEqual(holdingV2.map((n) => formatted(n.phone_number))))
  expect(listQueriesOf(requests).at(-1)).toEqual({
    page: '1',
    limit: '50',
    sort: 'created_at',
    order: 'asc',
    agent_id: 'agt_front_desk',
    inbound_version_id: 'agv_front_desk_2',
  })
  expect(screen.getByRole('searchbox', { name: 'Search numbers' })).toHaveValue('')
  expect(screen.getByRole('combobox', { name: 'Inbound version' })).toHaveDisplayValue('Front Desk v2')
  // A zero count is no link: there is nothing to list.
  const v1 = await versionItem(region, 'v1')
  expect(v1).toHaveTextContent(/ 0 outbound · 0 canary/)
  expect(within(v1).queryByRole('link', { name: /^0 / })).not.toBeInTheDocument()
})

test('the recent changes of the agent’s numbers are in words, with who, which number and why', async () => {
  const number = givenNumber({ nickname: 'Clinic West', inbound: 'agv_front_desk_2' })
  testBackend.workspace.changeAsAnotherAdmin(
    number.id,
    { inbound_agent_version_id: 'agv_front_desk_3' },
    { reason: 'Move v2 numbers to v3' },
  )
  window.history.replaceState(null, '', '/?agent=agt_front_desk')
  renderApp()
  const region = await screen.findByRole('region', { name: 'Front Desk usage' })
  const list = await within(region).findByRole('list', { name: /^Recent changes, newest first/ })
  const newest = within(list)
    .getAllByRole('listitem')
    .find((item) => item.parentElement === list)!
  expect(newest).toHaveTextContent('Inbound: Front Desk v2 → v3')
  expect(newest).toHaveTextContent('another-admin')
  expect(newest).toHaveTextContent(formatted(number.phone_number))
  expect(newest).toHaveTextContent('Reason: Move v2 numbers to v3')
})

test('the region says it is loading, says why it failed, and Retry reads the usage again', async () => {
  let answer: 'wait' | 'fail' | 'pass' = 'wait'
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  server.use(
    http.get('*/v1/agents/:id/usage', async () => {
      if (answer === 'wait') await released
      if (answer === 'fail')
        return HttpResponse.json({ error: { code: 'not_found', message: 'Gone.' } }, { status: 404 })
      return undefined
    }),
  )
  window.history.replaceState(null, '', '/?agent=agt_sales')
  const { user } = renderApp()
  const region = await screen.findByRole('region', { name: 'Outbound Sales usage' })
  expect(within(region).getByText('Loading usage…')).toHaveAttribute('role', 'status')
  answer = 'fail'
  release()
  expect(await within(region).findByRole('alert')).toHaveTextContent('The usage of Outbound Sales could not be loaded')
  answer = 'pass'
  await user.click(within(region).getByRole('button', { name: 'Retry' }))
  await waitFor(() => expect(usageLines(region)).toEqual(expectedLines('agt_sales')))
  await delay(0)
})

test('after a save the counts are read again', async () => {
  const number = givenNumber({ nickname: 'Moving line', inbound: 'agv_front_desk_1' })
  window.history.replaceState(null, '', '/?agent=agt_front_desk')
  const requests = recordRequests()
  const { user } = renderApp()
  const region = await screen.findByRole('region', { name: 'Front Desk usage' })
  await waitFor(() => expect(usageLines(region)).toEqual(expectedLines('agt_front_desk')))
  const before = usageLines(region)
  await findRow(number)
  const dialog = await openEdit(user, number)
  await choose(user, 'Inbound version', 'v3')
  await saveAndWaitForClose(user, dialog)
  await waitFor(() => expect(usageLines(region)).toEqual(expectedLines('agt_front_desk')))
  expect(usageLines(region)).not.toEqual(before)
  expect(usageRequests(requests, 'agt_front_desk')).toHaveLength(2)
})

test('Move vN numbers… is offered on versions numbers use, to keys that may change routing', async () => {
  window.history.replaceState(null, '', '/?agent=agt_sales')
  renderApp()
  const region = await screen.findByRole('region', { name: 'Outbound Sales usage' })
  await waitFor(() => expect(usageLines(region)).toEqual(expectedLines('agt_sales')))
  const usage = testBackend.workspace.agentUsage('agt_sales').data
  const used = usage.filter((u) => u.inbound + u.outbound > 0).map((u) => u.version_id.replace('agv_sales_', 'v'))
  expect(
    within(region)
      .getAllByRole('button', { name: /^Move / })
      .map((b) => b.textContent),
  ).toEqual(used.reverse().map((v) => `Move ${v} numbers…`))
})

test('Move v1 numbers… opens the routing dialog for exactly those numbers, the newest version proposed; Apply moves only the sides that held v1', async () => {
  const inboundOnly = givenNumber({ inbound: 'agv_front_desk_1', outbound: 'agv_reminders_2' })
  const outboundOnly = givenNumber({ outbound: 'agv_front_desk_1' })
  const bothSides = givenNumber({ inbound: 'agv_front_desk_1', outbound: 'agv_front_desk_1' })
  const before = testBackend.workspace.allNumbers()
  const holders = before.filter(
    (n) => n.inbound_agent_version_id === 'agv_front_desk_1' || n.outbound_agent_version_id === 'agv_front_desk_1',
  )
  window.history.replaceState(null, '', '/?agent=agt_front_desk')
  const requests = recordRequests()
  const { user } = renderApp()
  const region = await screen.findByRole('region', { name: 'Front Desk usage' })
  await user.click(within(await versionItem(region, 'v1')).getByRole('button', { name: 'Move v1 numbers…' }))

  const dialog = await findBulkDialog(`Change routing of ${holders.length} numbers`)
  expect(within(dialog).getByRole('radio', { name: 'Both' })).toBeChecked()
  expect(within(dialog).getByRole('combobox', { name: 'Agent' })).toHaveTextContent('Front Desk')
  expect(within(dialog).getByRole('combobox', { name: 'Version' })).toHaveTextContent('v3')
  // The preview comes once the numbers are read and counted.
  expect(await within(dialog).findByText('Only the sides that hold Front Desk v1 change.')).toBeInTheDocument()
  await user.click(within(dialog).getByRole('button', { name: 'Apply' }))
  expect(
    await within(dialog).findByText(`Changes applied: ${holders.length} changed, 0 unchanged.`),
  ).toBeInTheDocument()

  const moved = (side: 'inbound_agent_version_id' | 'outbound_agent_version_id', id: string) =>
    testBackend.workspace.getPhoneNumber(id)[side]
  expect([
    moved('inbound_agent_version_id', inboundOnly.id),
    moved('outbound_agent_version_id', inboundOnly.id),
  ]).toEqual(['agv_front_desk_3', 'agv_reminders_2'])
  expect([
    moved('inbound_agent_version_id', outboundOnly.id),
    moved('outbound_agent_version_id', outboundOnly.id),
  ]).toEqual([null, 'agv_front_desk_3'])
  expect([moved('inbound_agent_version_id', bothSides.id), moved('outbound_agent_version_id', bothSides.id)]).toEqual([
    'agv_front_desk_3',
    'agv_front_desk_3',
  ])
  // Nothing else changed, and every call said why.
  const holderIds = new Set(holders.map((n) => n.id))
  for (const number of before.filter((n) => !holderIds.has(n.id))) {
    expect(testBackend.workspace.getPhoneNumber(number.id)).toEqual(number)
  }
  const writes = requests.filter((r) => r.method === 'POST')
  expect(writes.length).toBeGreaterThan(0)
  for (const write of writes) {
    expect(decodeURIComponent(write.reason ?? '')).toBe(
      'Bulk change: move Front Desk v1 (inbound and outbound) → Front Desk v3',
    )
  }
  await user.click(within(dialog).getByRole('button', { name: 'Close' }))
  await waitFor(() => expect(usageLines(region)).toEqual(expectedLines('agt_front_desk')))

  // Another Move opens its form, not the first one's outcome.
  await user.click(within(await versionItem(region, 'v2')).getByRole('button', { name: 'Move v2 numbers…' }))
  const second = await findBulkDialog(/^Change routing of /)
  expect(await within(second).findByRole('button', { name: 'Apply' })).toBeInTheDocument()
  expect(within(second).queryByText(/^Changes applied/)).not.toBeInTheDocument()
})

test('a Move while a label change still runs says to wait, and offers no second job', async () => {
  givenNumber({ nickname: 'Busy line', inbound: 'agv_front_desk_1' })
  window.history.replaceState(null, '', '/?agent=agt_front_desk')
  // The label change's PATCH gets no answer while the test looks.
  server.use(http.patch('*/v1/phone-numbers/:id', () => new Promise<never>(() => undefined)))
  const { user } = renderApp()
  await user.click(await screen.findByRole('checkbox', { name: 'Select Busy line' }))
  await user.click(within(await findSelectionRegion()).getByRole('button', { name: 'Set label…' }))
  const labelDialog = await findBulkDialog('Set label of 1 number')
  await user.type(await within(labelDialog).findByRole('textbox', { name: 'Label' }), 'busy')
  await user.click(within(labelDialog).getByRole('button', { name: 'Apply' }))
  await within(labelDialog).findByRole('button', { name: 'Cancel' })
  await user.keyboard('{Escape}')
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())

  const region = await screen.findByRole('region', { name: 'Front Desk usage' })
  await user.click(within(await versionItem(region, 'v1')).getByRole('button', { name: 'Move v1 numbers…' }))
  const routing = await findBulkDialog(/^Change routing of /)
  expect(await within(routing).findByRole('status')).toHaveTextContent(
    'Another bulk change is still running. Close this dialog and use Show progress in the selection bar to follow or cancel it.',
  )
  expect(within(routing).queryByRole('button', { name: 'Apply' })).not.toBeInTheDocument()
})

test('a key without agents:manage sees the counts but no Move', async () => {
  givenKey(['numbers:read', 'numbers:write', 'agents:read'])
  window.history.replaceState(null, '', '/?agent=agt_sales')
  renderApp()
  const region = await screen.findByRole('region', { name: 'Outbound Sales usage' })
  await waitFor(() => expect(usageLines(region)).toEqual(expectedLines('agt_sales')))
  expect(within(region).queryByRole('button', { name: /^Move / })).not.toBeInTheDocument()
})

test('a key that cannot read agents gets no region and sends no usage or events request', async () => {
  givenKey(['numbers:read'])
  window.history.replaceState(null, '', '/?agent=agt_sales')
  const requests = recordRequests()
  renderApp()
  await waitForRows()
  expect(await screen.findByText(/Your key cannot read agents/)).toBeInTheDocument()
  expect(screen.queryByRole('region', { name: /usage$/ })).not.toBeInTheDocument()
  expect(requests.filter((r) => r.path.endsWith('/usage') || r.path === '/v1/events')).toEqual([])
})
