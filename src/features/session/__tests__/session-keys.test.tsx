import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { server, testBackend } from '@/mocks/node'
import { givenNumber, storedNumber } from '@/testing/builders'
import { cellsOf, findRow } from '@/testing/numbers-table'
import { credentials } from '@/lib/credentials'
import { renderApp } from '@/testing/render-app'
import { choose, openEdit, retype, saveAndWaitForClose } from '@/testing/user-actions'

test('the persona switch changes the demo key and what the page offers', async () => {
  givenNumber({ nickname: 'Front Office' })
  const { user } = renderApp()
  expect(await screen.findByRole('button', { name: 'Edit Front Office' })).toBeInTheDocument()
  await user.selectOptions(screen.getByRole('combobox', { name: 'Demo persona' }), 'Read-only')
  expect(await screen.findByRole('button', { name: 'View Front Office' })).toBeInTheDocument()
  expect(screen.getByText(/Read-only · key demo-readonly/)).toBeInTheDocument()
  expect(sessionStorage.getItem('phone-numbers:api-key')).toBe('demo_readonly')
  expect(localStorage.getItem('phone-numbers:api-key')).toBeNull()
})

test('a key revoked mid-session asks for another over the page and keeps the dialog input', async () => {
  const number = givenNumber({ nickname: 'Front Office' })
  const { user } = renderApp()
  const dialog = await openEdit(user, number)
  await retype(user, dialog, 'Nickname', 'Kept while reconnecting')
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
  await saveAndWaitForClose(user, editDialog)
  expect(cellsOf(await findRow(number)).nickname).toHaveTextContent('Kept while reconnecting')
})

test('without a key the connect screen asks for one with the cursor already in `API key`', async () => {
  credentials.set(null)
  renderApp()
  expect(await screen.findByRole('heading', { name: 'Connect to your workspace' })).toBeInTheDocument()
  await waitFor(() => expect(screen.getByLabelText('API key')).toHaveFocus())
})

test('after a reconnect with a key that may do less, the dialog drops what it may not change, says so, and saves the rest', async () => {
  const number = givenNumber({ nickname: 'Front Office' })
  const { user } = renderApp()
  const dialog = await openEdit(user, number)
  await choose(user, 'Inbound agent', 'Front Desk')
  await retype(user, dialog, 'Nickname', 'Renamed by support')
  testBackend.workspace.revokeKey('demo_admin')
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))

  const prompt = await screen.findByRole('dialog', { name: 'Your API key was refused' })
  await user.type(within(prompt).getByLabelText('API key'), 'demo_support')
  await user.click(within(prompt).getByRole('button', { name: 'Connect' }))
  await waitFor(() =>
    expect(screen.queryByRole('dialog', { name: 'Your API key was refused' })).not.toBeInTheDocument(),
  )

  const editDialog = screen.getByRole('dialog')
  expect(
    await within(editDialog).findByText(
      'The key now in use may not change Inbound: that change was dropped, the rest is kept.',
    ),
  ).toBeInTheDocument()
  // The picker shows what the server holds again, and only the rename is left to save.
  expect(within(editDialog).getByRole('combobox', { name: 'Inbound agent' })).toHaveTextContent('None')
  expect(within(editDialog).getByRole('combobox', { name: 'Inbound agent' })).toBeDisabled()
  expect(within(editDialog).getByRole('textbox', { name: 'Nickname' })).toHaveValue('Renamed by support')
  expect(within(editDialog).getByRole('listitem')).toHaveTextContent('Nickname: “Front Office” → “Renamed by support”')
  await saveAndWaitForClose(user, editDialog)
  expect(storedNumber(number)).toMatchObject({ nickname: 'Renamed by support', inbound_agent_version_id: null })
})

test('while the server does not answer, the connect screen says why and which attempt it is, and offers another key', async () => {
  let asked = 0
  server.use(
    http.get('*/v1/me', () => {
      asked += 1
      // The first attempt fails as a server down would; the next one waits (the server is still slow).
      return asked === 1
        ? HttpResponse.json({ error: { code: 'unavailable', message: 'Down' } }, { status: 503 })
        : new Promise<never>(() => {})
    }),
  )
  renderApp()
  const status = await screen.findByText(/Trying again \(attempt 2 of 4\)\./, undefined, { timeout: 5_000 })
  expect(status).toHaveTextContent(/^Connecting… Down\. Trying again \(attempt 2 of 4\)\.$/)
  expect(screen.getByRole('button', { name: 'Use another key' })).toBeInTheDocument()
})
