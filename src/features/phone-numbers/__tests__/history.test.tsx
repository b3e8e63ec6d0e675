import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { server, testBackend } from '@/mocks/node'
import { givenKey, givenNumber } from '@/testing/builders'
import { findRow } from '@/testing/numbers-table'
import { renderApp } from '@/testing/render-app'
import { openEdit, retype, saveAndWaitForClose } from '@/testing/user-actions'

async function openHistory(user: Parameters<typeof openEdit>[0], dialog: HTMLElement) {
  await user.click(within(dialog).getByRole('tab', { name: 'History' }))
  return within(dialog).findByRole('list', { name: /^Changes, newest first/ })
}

test('History lists the number’s changes newest first, in words, with who and why; it is read again after a save', async () => {
  const number = givenNumber({ nickname: 'Old IVR', inbound: 'agv_front_desk_2' })
  testBackend.workspace.changeAsAnotherAdmin(
    number.id,
    { inbound_agent_version_id: 'agv_front_desk_3' },
    { reason: 'Move v2 numbers to v3' },
  )
  const { user } = renderApp()
  await findRow(number)
  let dialog = await openEdit(user, { ...number })
  // Nothing typed is lost by looking at History.
  await retype(user, dialog, 'Nickname', 'Billing')
  let list = await openHistory(user, dialog)
  const [upgrade] = within(list)
    .getAllByRole('listitem')
    .filter((item) => item.parentElement === list)
  expect(upgrade).toHaveTextContent('Inbound: Front Desk v2 → v3')
  expect(upgrade).toHaveTextContent('another-admin')
  expect(upgrade).toHaveTextContent('Reason: Move v2 numbers to v3')
  expect(within(upgrade!).getByText(/ago|just now/)).toHaveAttribute('title', expect.stringMatching(/UTC$/))

  await user.click(within(dialog).getByRole('tab', { name: 'Details' }))
  expect(within(dialog).getByRole('textbox', { name: 'Nickname' })).toHaveValue('Billing')
  await saveAndWaitForClose(user, dialog)

  dialog = await openEdit(user, { ...number, nickname: 'Billing' })
  list = await openHistory(user, dialog)
  await waitFor(() => expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('Nickname: Old IVR → Billing'))
  expect(within(list).getAllByRole('listitem')[0]).toHaveTextContent('demo-admin')
})

test('History pages with Show older, and says so when it cannot be read', async () => {
  const number = givenNumber({ nickname: 'Busy line' })
  for (let k = 1; k <= 25; k++) testBackend.workspace.changeAsAnotherAdmin(number.id, { label: `L${k}` })
  const { user } = renderApp()
  await findRow(number)
  const dialog = await openEdit(user, number)
  const list = await openHistory(user, dialog)
  const events = () => within(list).getAllByText(/^Label:/)
  expect(events()).toHaveLength(20)
  expect(events()[0]).toHaveTextContent('Label: L24 → L25')
  await user.click(within(dialog).getByRole('button', { name: 'Show older' }))
  await waitFor(() => expect(events()).toHaveLength(25))
  expect(events()[24]).toHaveTextContent('Label: none → L1')
  expect(within(dialog).queryByRole('button', { name: 'Show older' })).not.toBeInTheDocument()
})

test('History of a number nobody changed says so; a failed read says why and offers Retry', async () => {
  givenKey(['numbers:read', 'agents:read'])
  const number = givenNumber({ nickname: 'Quiet line' })
  let fail = true
  server.use(
    http.get('*/v1/events', () =>
      fail
        ? HttpResponse.text('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } })
        : undefined,
    ),
  )
  const { user } = renderApp()
  await findRow(number)
  // The read-only key's View dialog has History too.
  const dialog = await openEdit(user, number, 'View')
  await user.click(within(dialog).getByRole('tab', { name: 'History' }))
  expect(await within(dialog).findByRole('alert')).toHaveTextContent('The history could not be loaded')
  fail = false
  await user.click(within(dialog).getByRole('button', { name: 'Retry' }))
  expect(await within(dialog).findByText('No changes recorded for this number yet.')).toBeInTheDocument()
  await user.click(within(dialog).getByRole('button', { name: 'Close' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
})
