import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { FaultInjector, NO_FAULTS, type FaultKind } from '@/mocks/faults'
import { server, testBackend } from '@/mocks/node'
import { storedNumber } from '@/testing/builders'
import { cellsOf, findRow } from '@/testing/numbers-table'
import { readAt, writesOf } from '@/testing/record-requests'
import { choose, editNewNumber, retype, saveAndWaitForClose } from '@/testing/user-actions'

/** Only the next publish fails, with this kind of fault. */
function failPublishOnce(kind: FaultKind) {
  testBackend.faults = new FaultInjector({ ...NO_FAULTS, rate: 1, kinds: [kind], endpoints: ['publish'] })
  server.events.on('response:mocked', function off({ request }) {
    if (!request.url.includes('/publish')) return
    testBackend.faults = null
    server.events.removeListener('response:mocked', off)
  })
}

afterEach(() => {
  testBackend.faults = null
})

/** Renders the page and chooses Outbound Sales for a number with nothing outbound; returns the dialog. */
async function chooseOutboundSales() {
  const { user, number, requests, dialog } = await editNewNumber({
    nickname: 'Front Office',
    inbound: 'agv_front_desk_3',
  })
  await choose(user, 'Outbound agent', 'Outbound Sales')
  return { user, number, requests, dialog }
}

test('when the second call fails, the first stays applied, the dialog keeps the choices and a retry sends only the rest', async () => {
  const { user, number, requests, dialog } = await chooseOutboundSales()
  const nickname = await retype(user, dialog, 'Nickname', 'Support')
  server.use(
    http.patch(
      '*/v1/phone-numbers/:id',
      () => HttpResponse.json({ error: { code: 'internal', message: 'Database unavailable' } }, { status: 500 }),
      { once: true },
    ),
  )
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))

  const alert = await within(dialog).findByRole('alert')
  // A 500 is ambiguous: the page read the number again and says what it found, without calling it a "no".
  expect(alert).toHaveTextContent('Nickname change: Database unavailable. It may or may not have been applied.')
  expect(alert).toHaveTextContent('When the page read the number again, it had not been applied (yet)')
  expect(alert).toHaveTextContent('Applied: Outbound → Outbound Sales v3.')
  expect(nickname).toHaveValue('Support')
  expect(within(dialog).getByRole('combobox', { name: 'Outbound agent' })).toHaveTextContent('Outbound Sales')
  // The applied part is already in the row behind the dialog.
  expect(cellsOf(await findRow(number)).outbound).toHaveTextContent('Outbound Sales · v3')
  const published = storedNumber(number)
  expect(published.nickname).toBe('Front Office')

  await saveAndWaitForClose(user, dialog)
  // Every call is conditional: the first on the number as opened, the PATCH on the number as the publish left it.
  const patch = {
    method: 'PATCH',
    path: `/v1/phone-numbers/${number.id}`,
    body: { nickname: 'Support', expected_updated_at: published.updated_at },
  }
  expect(await writesOf(requests)).toEqual([
    {
      method: 'POST',
      path: '/v1/agents/agt_sales/versions/agv_sales_3/publish',
      body: { phone_numbers: [number.phone_number], direction: 'outbound', expected_updated_at: readAt(number) },
    },
    patch,
    patch,
  ])
  expect(storedNumber(number).nickname).toBe('Support')
})

test('a write answered 429 is sent again after Retry-After and then succeeds', async () => {
  const { user, number, requests, dialog } = await chooseOutboundSales()
  failPublishOnce('429')
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  expect(await writesOf(requests)).toHaveLength(2)
  expect(storedNumber(number).outbound_agent_version_id).toBe('agv_sales_3')
})

test('a 500 on a write is checked: not applied yet, said so without calling it a “no”, and Save sends it again', async () => {
  const { user, number, requests, dialog } = await chooseOutboundSales()
  failPublishOnce('500')
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  const alert = await within(dialog).findByRole('alert')
  expect(alert).toHaveTextContent(
    'Outbound → Outbound Sales v3: Injected fault: the server answered 500. It may or may not have been applied.',
  )
  expect(alert).toHaveTextContent('Saving again is safe')
  // The page read the number again to find out.
  expect(requests.some((r) => r.method === 'GET' && r.path === `/v1/phone-numbers/${number.id}`)).toBe(true)
  expect(storedNumber(number).outbound_agent_version_id).toBeNull()
  await saveAndWaitForClose(user, dialog)
  expect(storedNumber(number).outbound_agent_version_id).toBe('agv_sales_3')
  expect(await writesOf(requests)).toHaveLength(2)
})

test('a write applied before its 500 is found applied: that is a success, said as one, and the save goes on', async () => {
  const { user, number, requests, dialog } = await chooseOutboundSales()
  await retype(user, dialog, 'Nickname', 'Front line')
  failPublishOnce('apply')
  await saveAndWaitForClose(user, dialog)
  // No error box: the change is there, and the rest of the save (the PATCH) was sent.
  expect(
    await screen.findByText(/^Saved Front Office: Outbound: None → Outbound Sales v3; Nickname/),
  ).toBeInTheDocument()
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  expect(cellsOf(await findRow(number)).outbound).toHaveTextContent('Outbound Sales · v3')
  expect((await writesOf(requests)).map((w) => w.method)).toEqual(['POST', 'PATCH'])
  expect(storedNumber(number).nickname).toBe('Front line')
})

test('a dropped connection on a write is checked the same way', async () => {
  const { user, dialog } = await chooseOutboundSales()
  failPublishOnce('network')
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  expect(await within(dialog).findByRole('alert')).toHaveTextContent(
    'Outbound → Outbound Sales v3: Could not reach the server. Check your connection and try again. It may or may not have been applied.',
  )
  expect(within(dialog).getByRole('combobox', { name: 'Outbound agent' })).toHaveTextContent('Outbound Sales')
})

test('a 4xx on a write is not retried', async () => {
  const { user, requests, dialog } = await chooseOutboundSales()
  server.use(
    http.post('*/publish', () =>
      HttpResponse.json({ error: { code: 'agent_archived', message: 'Agent is archived.' } }, { status: 400 }),
    ),
  )
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  expect(await within(dialog).findByRole('alert')).toHaveTextContent(
    'failed and was not applied: its agent is archived, so its versions can no longer be deployed, published or made a canary (the server said: “Agent is archived.”).',
  )
  expect(await writesOf(requests)).toHaveLength(1)
})
