import { screen, waitFor, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { testBackend } from '@/mocks/node'
import { credentials } from '@/lib/credentials'
import { recordRequests, writesOf } from '@/testing/record-requests'
import { cellsOf, findRow, renderApp } from '@/testing/render-app'
import type { Scope } from '@/types/api'

function useKeyWith(scopes: Scope[]) {
  testBackend.workspace.addKey('sk_test_key', { name: 'test-key', scopes })
  credentials.set('sk_test_key')
}

async function openDialog(user: UserEvent, name: string) {
  await user.click(await screen.findByRole('button', { name }))
  return screen.findByRole('dialog')
}

const pickers = ['Inbound agent', 'Inbound version', 'Outbound agent', 'Outbound version']

test('admin (all four scopes): pickers, text fields and Save are offered', async () => {
  useKeyWith(['numbers:read', 'numbers:write', 'agents:read', 'agents:manage'])
  const { user } = renderApp()
  expect(await screen.findByText(/Admin · key test-key/)).toBeInTheDocument()
  const dialog = await openDialog(user, 'Edit Main Support Line')
  expect(within(dialog).getByRole('combobox', { name: 'Inbound agent' })).toBeEnabled()
  expect(within(dialog).getByRole('textbox', { name: 'Nickname' })).not.toHaveAttribute('readonly')
  expect(within(dialog).getByRole('button', { name: 'Save' })).toBeInTheDocument()
  expect(within(dialog).queryByText(/Your key can/)).not.toBeInTheDocument()
})

test('support (numbers:write, agents:read): can rename but routing is read-only, with the reason', async () => {
  useKeyWith(['numbers:read', 'numbers:write', 'agents:read'])
  const { user } = renderApp()
  expect(await screen.findByText(/Support · key test-key/)).toBeInTheDocument()
  const requests = recordRequests()
  const dialog = await openDialog(user, 'Edit Main Support Line')
  expect(within(dialog).getByText('Your key can rename numbers but not change routing.')).toBeInTheDocument()
  for (const name of pickers) expect(within(dialog).getByRole('combobox', { name })).toBeDisabled()
  expect(within(dialog).getByRole('combobox', { name: 'Inbound agent' })).toHaveTextContent('Front Desk')

  const nickname = within(dialog).getByRole('textbox', { name: 'Nickname' })
  await user.clear(nickname)
  await user.type(nickname, 'Help Desk')
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  expect(cellsOf(await findRow('+1 415 555 0123')).nickname).toHaveTextContent('Help Desk')
  expect(writesOf(requests).map((r) => r.method)).toEqual(['PATCH'])
})

test('read-only (numbers:read, agents:read): rows offer View, the dialog has no Save and nothing can be changed', async () => {
  useKeyWith(['numbers:read', 'agents:read'])
  const { user } = renderApp()
  expect(await screen.findByText(/Read-only · key test-key/)).toBeInTheDocument()
  expect(await screen.findByRole('button', { name: 'View Main Support Line' })).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: /^Edit / })).not.toBeInTheDocument()
  const dialog = await openDialog(user, 'View Main Support Line')
  expect(within(dialog).getByText('Your key can view numbers but not change them.')).toBeInTheDocument()
  for (const name of pickers) expect(within(dialog).getByRole('combobox', { name })).toBeDisabled()
  expect(within(dialog).getByRole('textbox', { name: 'Nickname' })).toHaveAttribute('readonly')
  expect(within(dialog).getByRole('textbox', { name: 'Label' })).toHaveAttribute('readonly')
  expect(within(dialog).queryByRole('button', { name: 'Save' })).not.toBeInTheDocument()
  await user.click(within(dialog).getByRole('button', { name: 'Close' }))
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
})

test('numbers:read alone: numbers listed, agents never requested, versions shown as unknown, view only', async () => {
  useKeyWith(['numbers:read'])
  const requests = recordRequests()
  const { user } = renderApp()
  expect(
    await screen.findByText('Your key cannot read agents (agents:read), so agent names and versions are not shown.'),
  ).toBeInTheDocument()
  const row = cellsOf(await findRow('+1 415 555 0123'))
  expect(row.inbound).toHaveTextContent('Unknown version')
  expect(row.outbound).toHaveTextContent('None')
  await openDialog(user, 'View Main Support Line')
  expect(requests.filter((r) => r.path === '/v1/agents')).toEqual([])
})

test('numbers:write without agents:read: renaming keeps the unknown routing as it is', async () => {
  useKeyWith(['numbers:read', 'numbers:write'])
  const { user } = renderApp()
  const requests = recordRequests()
  const dialog = await openDialog(user, 'Edit Main Support Line')
  expect(within(dialog).getByRole('combobox', { name: 'Inbound agent' })).toHaveTextContent('Unknown agent')
  const label = within(dialog).getByRole('textbox', { name: 'Label' })
  await user.clear(label)
  await user.type(label, 'cc-9999')
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  const id = testBackend.workspace.allNumbers()[0]!.id
  expect(writesOf(requests)).toEqual([{ method: 'PATCH', path: `/v1/phone-numbers/${id}`, body: { label: 'cc-9999' } }])
})

test('agents:manage without numbers:write: routing can change, nickname and label are read-only', async () => {
  useKeyWith(['numbers:read', 'agents:read', 'agents:manage'])
  const { user } = renderApp()
  const dialog = await openDialog(user, 'Edit Main Support Line')
  expect(within(dialog).getByRole('combobox', { name: 'Outbound agent' })).toBeEnabled()
  expect(within(dialog).getByRole('textbox', { name: 'Nickname' })).toHaveAttribute('readonly')
})

test('a key without numbers:read sees why the list is empty', async () => {
  useKeyWith(['agents:read'])
  renderApp()
  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('The numbers could not be loaded')
  expect(alert).toHaveTextContent('numbers:read')
})

test('a 403 on save is explained and nothing is claimed applied', async () => {
  const { user } = renderApp()
  const dialog = await openDialog(user, 'Edit Main Support Line')
  // The key loses agents:manage after the page loaded: the server's 403 is the only signal.
  testBackend.workspace.addKey('demo_admin', {
    name: 'demo-admin',
    scopes: ['numbers:read', 'numbers:write', 'agents:read'],
  })
  await user.click(within(dialog).getByRole('combobox', { name: 'Outbound agent' }))
  await user.click(await screen.findByRole('option', { name: 'Survey Caller' }))
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  const alert = await within(dialog).findByRole('alert')
  expect(alert).toHaveTextContent('failed and was not applied')
  expect(alert).toHaveTextContent('agents:manage')
})

test('the persona switch changes the demo key and what the page offers', async () => {
  const { user } = renderApp()
  expect(await screen.findByRole('button', { name: 'Edit Main Support Line' })).toBeInTheDocument()
  await user.selectOptions(screen.getByRole('combobox', { name: 'Demo persona' }), 'Read-only')
  expect(await screen.findByRole('button', { name: 'View Main Support Line' })).toBeInTheDocument()
  expect(screen.getByText(/Read-only · key demo-readonly/)).toBeInTheDocument()
  expect(sessionStorage.getItem('phone-numbers:api-key')).toBe('demo_readonly')
  expect(localStorage.getItem('phone-numbers:api-key')).toBeNull()
})

test('a key revoked mid-session asks for another over the page and keeps the dialog input', async () => {
  const { user } = renderApp()
  const dialog = await openDialog(user, 'Edit Main Support Line')
  const nickname = within(dialog).getByRole('textbox', { name: 'Nickname' })
  await user.clear(nickname)
  await user.type(nickname, 'Kept while reconnecting')
  testBackend.workspace.revokeKey('demo_admin')
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))

  const prompt = await screen.findByRole('dialog', { name: 'Your API key was refused' })
  await user.type(within(prompt).getByLabelText('API key'), 'not-a-key')
  await user.click(within(prompt).getByRole('button', { name: 'Connect' }))
  expect(await within(prompt).findByRole('alert')).toHaveTextContent('The server refused this key (401)')
  expect(prompt).not.toHaveTextContent('not-a-key')

  await user.clear(within(prompt).getByLabelText('API key'))
  await user.type(within(prompt).getByLabelText('API key'), 'demo_support')
  await user.click(within(prompt).getByRole('button', { name: 'Connect' }))
  await waitFor(() =>
    expect(screen.queryByRole('dialog', { name: 'Your API key was refused' })).not.toBeInTheDocument(),
  )

  const editDialog = screen.getByRole('dialog')
  expect(within(editDialog).getByRole('textbox', { name: 'Nickname' })).toHaveValue('Kept while reconnecting')
  await user.click(within(editDialog).getByRole('button', { name: 'Save' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  expect(cellsOf(await findRow('+1 415 555 0123')).nickname).toHaveTextContent('Kept while reconnecting')
})
