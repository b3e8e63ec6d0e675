import { onlineManager } from '@tanstack/react-query'
import { act, screen, waitFor, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { FaultInjector, NO_FAULTS, type FaultKind } from '@/mocks/faults'
import { server, testBackend } from '@/mocks/node'
import { recordRequests, writesOf } from '@/testing/record-requests'
import { cellsOf, findRow, renderApp } from '@/testing/render-app'

const MAIN = '+14155550123'
const model = () => testBackend.workspace.numberByE164(MAIN)!

async function chooseOutboundSales(user: UserEvent) {
  await user.click(await screen.findByRole('button', { name: 'Edit Main Support Line' }))
  const dialog = await screen.findByRole('dialog')
  await user.click(within(dialog).getByRole('combobox', { name: 'Outbound agent' }))
  await user.click(await screen.findByRole('option', { name: 'Outbound Sales' }))
  return dialog
}

function failPublishOnce(kind: FaultKind) {
  testBackend.faults = new FaultInjector({ ...NO_FAULTS, rate: 1, kinds: [kind], endpoints: ['publish'] })
  // Only the next publish fails.
  server.events.on('response:mocked', function off({ request }) {
    if (!request.url.includes('/publish')) return
    testBackend.faults = null
    server.events.removeListener('response:mocked', off)
  })
}

afterEach(() => {
  testBackend.faults = null
  onlineManager.setOnline(true)
})

test('reads retry a 503 with backoff and then show the rows', async () => {
  let failures = 0
  server.use(
    http.get('*/v1/phone-numbers', () => {
      if (failures++ < 2) return HttpResponse.json({ error: { code: 'internal', message: 'busy' } }, { status: 503 })
      return undefined
    }),
  )
  renderApp()
  expect(await findRow('+1 415 555 0123', 8000)).toBeInTheDocument()
  expect(failures).toBe(3)
})

test('a 4xx read is not retried: one request, then the error with Retry', async () => {
  const requests = recordRequests()
  server.use(
    http.get('*/v1/phone-numbers', () =>
      HttpResponse.json({ error: { code: 'validation_failed', message: 'bad query' } }, { status: 400 }),
    ),
  )
  renderApp()
  expect(await screen.findByRole('heading', { name: 'The numbers could not be loaded' })).toBeInTheDocument()
  expect(requests.filter((r) => r.path === '/v1/phone-numbers')).toHaveLength(1)
})

test.each([
  ['an empty body', () => new HttpResponse(null, { status: 200 })],
  ['a body of the wrong shape', () => HttpResponse.json({ rows: [] })],
  ['an HTML page', () => new HttpResponse('<html>oops</html>', { headers: { 'Content-Type': 'text/html' } })],
])('a list answered with %s is an error state with Retry, not a crash', async (_, answer) => {
  server.use(http.get('*/v1/phone-numbers', answer, { once: true }))
  const { user } = renderApp()
  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('The server sent an answer')
  await user.click(within(alert).getByRole('button', { name: 'Retry' }))
  expect(await findRow('+1 415 555 0123')).toBeInTheDocument()
})

test('a write answered 429 is sent again after Retry-After and then succeeds', async () => {
  const { user } = renderApp()
  await findRow('+1 415 555 0123')
  const requests = recordRequests()
  const dialog = await chooseOutboundSales(user)
  failPublishOnce('429')
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), { timeout: 5000 })
  expect(writesOf(requests)).toHaveLength(2)
  expect(model().outbound_agent_version_id).toBe('agv_sales_3')
})

test('a 500 on a write is checked: not applied, said so, and Save sends it again', async () => {
  const { user } = renderApp()
  await findRow('+1 415 555 0123')
  const requests = recordRequests()
  const dialog = await chooseOutboundSales(user)
  failPublishOnce('500')
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  expect(await within(dialog).findByRole('alert')).toHaveTextContent(
    'Outbound → Outbound Sales v3 failed and was not applied: Injected fault: the server answered 500.',
  )
  // The page read the number again to find out.
  expect(requests.some((r) => r.method === 'GET' && r.path.startsWith('/v1/phone-numbers/phn_'))).toBe(true)
  expect(model().outbound_agent_version_id).toBeNull()
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  expect(model().outbound_agent_version_id).toBe('agv_sales_3')
  expect(writesOf(requests)).toHaveLength(2)
})

test('a write applied before its 500 is found applied: the row shows it and nothing is left to send', async () => {
  const { user } = renderApp()
  await findRow('+1 415 555 0123')
  const dialog = await chooseOutboundSales(user)
  failPublishOnce('apply')
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  expect(await within(dialog).findByRole('alert')).toHaveTextContent(
    'failed but the server did apply it (the page checked)',
  )
  expect(cellsOf(await findRow('+1 415 555 0123')).outbound).toHaveTextContent('Outbound Sales · v3')
  expect(within(dialog).getByRole('button', { name: 'Save' })).toBeDisabled()
})

test('a dropped connection on a write is checked the same way', async () => {
  const { user } = renderApp()
  await findRow('+1 415 555 0123')
  const dialog = await chooseOutboundSales(user)
  failPublishOnce('network')
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  expect(await within(dialog).findByRole('alert')).toHaveTextContent(
    'failed and was not applied: Could not reach the server',
  )
  expect(within(dialog).getByRole('combobox', { name: 'Outbound agent' })).toHaveTextContent('Outbound Sales')
})

test('a 4xx on a write is not retried', async () => {
  const { user } = renderApp()
  await findRow('+1 415 555 0123')
  const requests = recordRequests()
  const dialog = await chooseOutboundSales(user)
  server.use(
    http.post('*/publish', () =>
      HttpResponse.json({ error: { code: 'agent_archived', message: 'Agent is archived.' } }, { status: 400 }),
    ),
  )
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  expect(await within(dialog).findByRole('alert')).toHaveTextContent('failed and was not applied: Agent is archived.')
  expect(writesOf(requests)).toHaveLength(1)
})

test('another admin’s change meanwhile: the row shows the server’s state and the dialog says what is there now', async () => {
  const { user } = renderApp()
  await findRow('+1 415 555 0148')
  await user.click(await screen.findByRole('button', { name: 'Edit Billing Line' }))
  const dialog = await screen.findByRole('dialog')
  await user.click(within(dialog).getByRole('combobox', { name: 'Outbound agent' }))
  await user.click(await screen.findByRole('option', { name: 'None' }))
  // Just before our unassign (through Billing Assistant), another admin puts Outbound Sales v1 there.
  server.use(
    http.post(
      '*/publish',
      () => {
        const billing = testBackend.workspace.numberByE164('+14155550148')!
        testBackend.workspace.setSlots(billing.id, { outbound_agent_version_id: 'agv_sales_1' })
        return undefined
      },
      { once: true },
    ),
  )
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  expect(await within(dialog).findByRole('alert')).toHaveTextContent(
    'Someone else changed this number while you were saving. Outbound now holds Outbound Sales v1.',
  )
  expect(cellsOf(await findRow('+1 415 555 0148')).outbound).toHaveTextContent('Outbound Sales · v1')
  // Saving again clears what is there now.
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  expect(testBackend.workspace.numberByE164('+14155550148')!.outbound_agent_version_id).toBeNull()
})

test('offline: a banner shows, a save waits, and it is sent when the connection returns', async () => {
  const { user } = renderApp()
  await findRow('+1 415 555 0123')
  const requests = recordRequests()
  const dialog = await chooseOutboundSales(user)
  act(() => onlineManager.setOnline(false))
  expect(screen.getByText(/You are offline. What you see may be out of date/)).toBeInTheDocument()
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  expect(await within(dialog).findByText(/The save will be sent when the connection returns/)).toBeInTheDocument()
  expect(writesOf(requests)).toEqual([])
  act(() => onlineManager.setOnline(true))
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  expect(writesOf(requests)).toHaveLength(1)
  expect(model().outbound_agent_version_id).toBe('agv_sales_3')
  expect(screen.queryByText(/You are offline/)).not.toBeInTheDocument()
})
