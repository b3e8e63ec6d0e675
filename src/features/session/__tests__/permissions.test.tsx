import { screen, within } from '@testing-library/react'
import { testBackend } from '@/mocks/node'
import { givenKey, givenNumber } from '@/testing/builders'
import { cellsOf, findRow } from '@/testing/numbers-table'
import { recordRequests, writesOf } from '@/testing/record-requests'
import { renderApp } from '@/testing/render-app'
import { choose, openEdit, retype, saveAndWaitForClose } from '@/testing/user-actions'

const pickers = ['Inbound agent', 'Inbound version', 'Outbound agent', 'Outbound version']

const givenRoutedNumber = () => givenNumber({ nickname: 'Front Office', inbound: 'agv_front_desk_3' })

test('admin (all four scopes): pickers, text fields and Save are offered', async () => {
  const number = givenRoutedNumber()
  givenKey(['numbers:read', 'numbers:write', 'agents:read', 'agents:manage'])
  const { user } = renderApp()
  expect(await screen.findByText(/Admin · key test-key/)).toBeInTheDocument()
  const dialog = await openEdit(user, number)
  expect(within(dialog).getByRole('combobox', { name: 'Inbound agent' })).toBeEnabled()
  expect(within(dialog).getByRole('textbox', { name: 'Nickname' })).not.toHaveAttribute('readonly')
  expect(within(dialog).getByRole('button', { name: 'Save' })).toBeInTheDocument()
  expect(within(dialog).queryByText(/Your key can/)).not.toBeInTheDocument()
})

test('support (numbers:write, agents:read): can rename but routing is read-only, with the reason', async () => {
  const number = givenRoutedNumber()
  givenKey(['numbers:read', 'numbers:write', 'agents:read'])
  const { user } = renderApp()
  expect(await screen.findByText(/Support · key test-key/)).toBeInTheDocument()
  const requests = recordRequests()
  const dialog = await openEdit(user, number)
  expect(within(dialog).getByText('Your key can rename numbers but not change routing.')).toBeInTheDocument()
  for (const name of pickers) expect(within(dialog).getByRole('combobox', { name })).toBeDisabled()
  expect(within(dialog).getByRole('combobox', { name: 'Inbound agent' })).toHaveTextContent('Front Desk')

  await retype(user, dialog, 'Nickname', 'Help Desk')
  await saveAndWaitForClose(user, dialog)
  expect(cellsOf(await findRow(number)).nickname).toHaveTextContent('Help Desk')
  expect((await writesOf(requests)).map((r) => r.method)).toEqual(['PATCH'])
})

test('read-only (numbers:read, agents:read): rows offer View, the dialog has no Save and nothing can be changed', async () => {
  const number = givenRoutedNumber()
  givenKey(['numbers:read', 'agents:read'])
  const { user } = renderApp()
  expect(await screen.findByText(/Read-only · key test-key/)).toBeInTheDocument()
  expect(await screen.findByRole('button', { name: 'View Front Office' })).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: /^Edit / })).not.toBeInTheDocument()
  const dialog = await openEdit(user, number, 'View')
  expect(within(dialog).getByText('Your key can view numbers but not change them.')).toBeInTheDocument()
  for (const name of pickers) expect(within(dialog).getByRole('combobox', { name })).toBeDisabled()
  expect(within(dialog).getByRole('textbox', { name: 'Nickname' })).toHaveAttribute('readonly')
  expect(within(dialog).getByRole('textbox', { name: 'Label' })).toHaveAttribute('readonly')
  expect(within(dialog).queryByRole('button', { name: 'Save' })).not.toBeInTheDocument()
  await user.click(within(dialog).getByRole('button', { name: 'Close' }))
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
})

test('numbers:read alone: numbers listed, agents never requested, versions shown as unknown, view only', async () => {
  const number = givenRoutedNumber()
  givenKey(['numbers:read'])
  const requests = recordRequests()
  const { user } = renderApp()
  expect(
    await screen.findByText('Your key cannot read agents (agents:read), so agent names and versions are not shown.'),
  ).toBeInTheDocument()
  const row = cellsOf(await findRow(number))
  expect(row.inbound).toHaveTextContent('Unknown version')
  expect(row.outbound).toHaveTextContent('None')
  await openEdit(user, number, 'View')
  expect(requests.filter((r) => r.path === '/v1/agents')).toEqual([])
})

test('numbers:write without agents:read: renaming keeps the unknown routing as it is', async () => {
  const number = givenRoutedNumber()
  givenKey(['numbers:read', 'numbers:write'])
  const { user } = renderApp()
  const requests = recordRequests()
  const dialog = await openEdit(user, number)
  expect(within(dialog).getByRole('combobox', { name: 'Inbound agent' })).toHaveTextContent('Unknown agent')
  await retype(user, dialog, 'Label', 'cc-9999')
  await saveAndWaitForClose(user, dialog)
  expect(await writesOf(requests)).toEqual([
    {
      method: 'PATCH',
      path: `/v1/phone-numbers/${number.id}`,
      body: { label: 'cc-9999', expected_updated_at: number.updated_at },
    },
  ])
})

test('agents:manage without numbers:write: routing can change, nickname and label are read-only', async () => {
  const number = givenRoutedNumber()
  givenKey(['numbers:read', 'agents:read', 'agents:manage'])
  const { user } = renderApp()
  const dialog = await openEdit(user, number)
  expect(within(dialog).getByRole('combobox', { name: 'Outbound agent' })).toBeEnabled()
  expect(within(dialog).getByRole('textbox', { name: 'Nickname' })).toHaveAttribute('readonly')
})

test('a key without numbers:read sees why the list is empty', async () => {
  givenKey(['agents:read'])
  renderApp()
  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('The numbers could not be loaded')
  expect(alert).toHaveTextContent('numbers:read')
})

test('a 403 on save is explained and nothing is claimed applied', async () => {
  const number = givenRoutedNumber()
  const { user } = renderApp()
  const dialog = await openEdit(user, number)
  // The key loses agents:manage after the page loaded: the server's 403 is the only signal.
  testBackend.workspace.addKey('demo_admin', {
    name: 'demo-admin',
    scopes: ['numbers:read', 'numbers:write', 'agents:read'],
  })
  await choose(user, 'Outbound agent', 'Survey Caller')
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  const alert = await within(dialog).findByRole('alert')
  expect(alert).toHaveTextContent('failed and was not applied')
  expect(alert).toHaveTextContent('agents:manage')
})
