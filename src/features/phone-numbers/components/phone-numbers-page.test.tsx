import { screen, waitFor, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { server, testBackend } from '@/mocks/node'
import { recordRequests, writesOf } from '@/testing/record-requests'
import { cellsOf, findRow, renderApp } from '@/testing/render-app'

async function choose(user: UserEvent, combobox: string, option: string) {
  await user.click(screen.getByRole('combobox', { name: combobox }))
  await user.click(await screen.findByRole('option', { name: option }))
}

/** An option's accessible name (its text without the check mark). */
const optionNames = (options: HTMLElement[]) =>
  options.map((o) => document.getElementById(o.getAttribute('aria-labelledby') ?? '')?.textContent ?? o.textContent)

async function openEdit(user: UserEvent, name: string) {
  await user.click(await screen.findByRole('button', { name: `Edit ${name}` }))
  return screen.findByRole('dialog')
}

test('the table shows each number with its agents, versions and status', async () => {
  renderApp()
  const row = cellsOf(await findRow('+1 415 555 0123'))
  expect(row.nickname).toHaveTextContent('Main Support Line')
  expect(row.nickname).toHaveTextContent('cc-4410')
  // Rows may show before the agents list answers: their names follow.
  await waitFor(() => expect(row.inbound).toHaveTextContent('Front Desk · v3'))
  expect(row.outbound).toHaveTextContent('None')
  expect(row.status).toHaveTextContent('active')

  const older = cellsOf(await findRow('+1 212 555 0134'))
  expect(older.inbound).toHaveTextContent('Front Desk · v1 · v3 available')

  const archived = cellsOf(await findRow('+1 312 555 0187'))
  expect(archived.inbound).toHaveTextContent('Legacy IVR · v2archived')
})

test('assigning the outbound side sends one publish and updates the row without refetching the list', async () => {
  const { user } = renderApp()
  await findRow('+1 415 555 0123')
  const requests = recordRequests()
  const dialog = await openEdit(user, 'Main Support Line')
  await choose(user, 'Outbound agent', 'Outbound Sales')
  expect(within(dialog).getByRole('combobox', { name: 'Outbound version' })).toHaveTextContent('v3')
  expect(within(dialog).getByText('Outbound: None → Outbound Sales v3')).toBeInTheDocument()
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))

  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  expect(cellsOf(await findRow('+1 415 555 0123')).outbound).toHaveTextContent('Outbound Sales · v3')
  expect(writesOf(requests)).toEqual([
    {
      method: 'POST',
      path: '/v1/agents/agt_sales/versions/agv_sales_3/publish',
      body: { phone_numbers: ['+14155550123'], direction: 'outbound' },
    },
  ])
  expect(requests.filter((r) => r.method === 'GET' && r.path === '/v1/phone-numbers')).toEqual([])
  expect(
    testBackend.workspace.getPhoneNumber(
      testBackend.workspace.allNumbers().find((n) => n.phone_number === '+14155550123')!.id,
    ).outbound_agent_version_id,
  ).toBe('agv_sales_3')
  expect(screen.getByRole('status')).toHaveTextContent('Saved Main Support Line')
})

function modelNumber(e164: string) {
  return testBackend.workspace.allNumbers().find((n) => n.phone_number === e164)!
}

async function saveAndWaitForClose(user: UserEvent, dialog: HTMLElement) {
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
}

test('one version to both sides is one publish with direction both', async () => {
  const { user } = renderApp()
  await findRow('+1 617 555 0110')
  const requests = recordRequests()
  const dialog = await openEdit(user, '+1 617 555 0110')
  await choose(user, 'Inbound agent', 'Front Desk')
  await choose(user, 'Outbound agent', 'Front Desk')
  await saveAndWaitForClose(user, dialog)

  expect(writesOf(requests)).toEqual([
    {
      method: 'POST',
      path: '/v1/agents/agt_front_desk/versions/agv_front_desk_3/publish',
      body: { phone_numbers: ['+16175550110'], direction: 'both' },
    },
  ])
  const row = cellsOf(await findRow('+1 617 555 0110'))
  expect(row.inbound).toHaveTextContent('Front Desk · v3')
  expect(row.outbound).toHaveTextContent('Front Desk · v3')
})

test('choosing a draft says saving publishes it, and the saved version is then shown as published', async () => {
  const { user } = renderApp()
  await findRow('+1 415 555 0123')
  const requests = recordRequests()
  let dialog = await openEdit(user, 'Main Support Line')
  await choose(user, 'Inbound agent', 'Appointment Reminders')
  await choose(user, 'Inbound version', 'v3 · draft')
  expect(within(dialog).getByText('v3 is a draft: saving publishes it.')).toBeInTheDocument()
  expect(
    within(dialog).getByText('Inbound: Front Desk v3 → Appointment Reminders v3 (publishes v3)'),
  ).toBeInTheDocument()
  await saveAndWaitForClose(user, dialog)

  expect(writesOf(requests)).toEqual([
    {
      method: 'POST',
      path: '/v1/agents/agt_reminders/versions/agv_reminders_3/publish',
      body: { phone_numbers: ['+14155550123'], direction: 'inbound' },
    },
  ])
  expect(cellsOf(await findRow('+1 415 555 0123')).inbound).toHaveTextContent('Appointment Reminders · v3')
  // Rows holding v2 now learn that v3 is available, from the reconciled agents cache alone.
  expect(cellsOf(await findRow('+1 415 555 0172')).inbound).toHaveTextContent(
    'Appointment Reminders · v2 · v3 available',
  )
  expect(requests.filter((r) => r.path === '/v1/agents')).toEqual([])

  dialog = await openEdit(user, 'Main Support Line')
  await user.click(within(dialog).getByRole('combobox', { name: 'Inbound version' }))
  expect(await screen.findByRole('option', { name: 'v3' })).toBeInTheDocument()
  expect(screen.queryByRole('option', { name: 'v3 · draft' })).not.toBeInTheDocument()
})

test('clearing one side unassigns through the version the slot holds', async () => {
  const { user } = renderApp()
  await findRow('+1 415 555 0148')
  const requests = recordRequests()
  const dialog = await openEdit(user, 'Billing Line')
  await choose(user, 'Outbound agent', 'None')
  expect(within(dialog).getByRole('combobox', { name: 'Outbound version' })).toBeDisabled()
  expect(within(dialog).getByText('Outbound: Billing Assistant v3 → cleared')).toBeInTheDocument()
  await saveAndWaitForClose(user, dialog)

  expect(writesOf(requests)).toEqual([
    {
      method: 'POST',
      path: '/v1/agents/agt_billing/versions/agv_billing_3/publish',
      body: { unassign_phone_numbers: ['+14155550148'], direction: 'outbound' },
    },
  ])
  const row = cellsOf(await findRow('+1 415 555 0148'))
  expect(row.inbound).toHaveTextContent('Billing Assistant · v3')
  expect(row.outbound).toHaveTextContent('None')
})

test('clearing both sides held by one agent is a single unassign with both', async () => {
  const { user } = renderApp()
  await findRow('+1 416 555 0128')
  const requests = recordRequests()
  const dialog = await openEdit(user, 'Toronto Billing')
  await choose(user, 'Inbound agent', 'None')
  await choose(user, 'Outbound agent', 'None')
  await saveAndWaitForClose(user, dialog)

  const writes = writesOf(requests)
  expect(writes).toHaveLength(1)
  expect(writes[0]!.body).toEqual({ unassign_phone_numbers: ['+14165550128'], direction: 'both' })
  expect(writes[0]!.path).toMatch(/^\/v1\/agents\/agt_billing\/versions\/agv_billing_[23]\/publish$/)
  const number = modelNumber('+14165550128')
  expect([number.inbound_agent_version_id, number.outbound_agent_version_id]).toEqual([null, null])
})

test('a side held by an archived agent can be cleared', async () => {
  const { user } = renderApp()
  await findRow('+1 312 555 0187')
  const requests = recordRequests()
  const dialog = await openEdit(user, 'Chicago Clinic')
  expect(within(dialog).getByRole('combobox', { name: 'Inbound agent' })).toHaveTextContent('Legacy IVR (archived)')
  await choose(user, 'Inbound agent', 'None')
  await saveAndWaitForClose(user, dialog)

  expect(writesOf(requests)).toEqual([
    {
      method: 'POST',
      path: '/v1/agents/agt_legacy_ivr/versions/agv_legacy_ivr_2/publish',
      body: { unassign_phone_numbers: ['+13125550187'], direction: 'inbound' },
    },
  ])
  expect(cellsOf(await findRow('+1 312 555 0187')).inbound).toHaveTextContent('None')
})

test('an archived agent is offered only on the side that holds it, with only the version it holds', async () => {
  const { user } = renderApp()
  const dialog = await openEdit(user, 'Chicago Clinic')
  await user.click(within(dialog).getByRole('combobox', { name: 'Inbound version' }))
  expect(optionNames(await screen.findAllByRole('option'))).toEqual(['v2'])
  await user.keyboard('{Escape}')
  await user.click(within(dialog).getByRole('combobox', { name: 'Outbound agent' }))
  const options = optionNames(await screen.findAllByRole('option'))
  expect(options[0]).toBe('None')
  expect(options).not.toContain('Legacy IVR (archived)')
  expect(options).toContain('Front Desk')
})

test('renaming and clearing a nickname send one PATCH each with only the changed field', async () => {
  const { user } = renderApp()
  await findRow('+1 415 555 0123')
  const requests = recordRequests()
  let dialog = await openEdit(user, 'Main Support Line')
  const nickname = within(dialog).getByRole('textbox', { name: 'Nickname' })
  await user.clear(nickname)
  await user.type(nickname, '  Front Line  ')
  await saveAndWaitForClose(user, dialog)
  expect(cellsOf(await findRow('+1 415 555 0123')).nickname).toHaveTextContent('Front Line')

  dialog = await openEdit(user, 'Front Line')
  await user.clear(within(dialog).getByRole('textbox', { name: 'Nickname' }))
  await saveAndWaitForClose(user, dialog)
  expect(cellsOf(await findRow('+1 415 555 0123')).nickname).toHaveTextContent('No nickname')

  const id = modelNumber('+14155550123').id
  expect(writesOf(requests)).toEqual([
    { method: 'PATCH', path: `/v1/phone-numbers/${id}`, body: { nickname: 'Front Line' } },
    { method: 'PATCH', path: `/v1/phone-numbers/${id}`, body: { nickname: null } },
  ])
})

test('a 256-character nickname is refused before anything is sent', async () => {
  const { user } = renderApp()
  await findRow('+1 415 555 0123')
  const requests = recordRequests()
  const dialog = await openEdit(user, 'Main Support Line')
  const nickname = within(dialog).getByRole('textbox', { name: 'Nickname' })
  await user.clear(nickname)
  await user.click(nickname)
  await user.paste('x'.repeat(256))
  expect(
    await within(dialog).findByText('Nickname can be at most 255 characters; this one has 256.'),
  ).toBeInTheDocument()
  expect(nickname).toHaveAttribute('aria-invalid', 'true')
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  expect(screen.getByRole('dialog')).toBeInTheDocument()
  expect(writesOf(requests)).toEqual([])
})

test('Save is disabled until something changes, and Cancel closes without a request', async () => {
  const { user } = renderApp()
  await findRow('+1 415 555 0123')
  const requests = recordRequests()
  const dialog = await openEdit(user, 'Main Support Line')
  expect(within(dialog).getByRole('button', { name: 'Save' })).toBeDisabled()
  await choose(user, 'Outbound agent', 'Survey Caller')
  expect(within(dialog).getByRole('button', { name: 'Save' })).toBeEnabled()
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  expect(writesOf(requests)).toEqual([])
  expect(cellsOf(await findRow('+1 415 555 0123')).outbound).toHaveTextContent('None')
})

test('when the second call fails, the first stays applied, the dialog keeps the choices and a retry sends only the rest', async () => {
  const { user } = renderApp()
  await findRow('+1 415 555 0123')
  const requests = recordRequests()
  const dialog = await openEdit(user, 'Main Support Line')
  await choose(user, 'Outbound agent', 'Outbound Sales')
  const nickname = within(dialog).getByRole('textbox', { name: 'Nickname' })
  await user.clear(nickname)
  await user.type(nickname, 'Support')
  server.use(
    http.patch(
      '*/v1/phone-numbers/:id',
      () => HttpResponse.json({ error: { code: 'internal', message: 'Database unavailable' } }, { status: 500 }),
      { once: true },
    ),
  )
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))

  const alert = await within(dialog).findByRole('alert')
  // A 500 is ambiguous: the page read the number again and can say the PATCH did not apply.
  expect(alert).toHaveTextContent('nickname change failed and was not applied: Database unavailable')
  expect(alert).toHaveTextContent('Applied: Outbound → Outbound Sales v3.')
  expect(nickname).toHaveValue('Support')
  expect(within(dialog).getByRole('combobox', { name: 'Outbound agent' })).toHaveTextContent('Outbound Sales')
  // The applied part is already in the row behind the dialog.
  expect(cellsOf(await findRow('+1 415 555 0123')).outbound).toHaveTextContent('Outbound Sales · v3')
  expect(modelNumber('+14155550123').nickname).toBe('Main Support Line')

  await saveAndWaitForClose(user, dialog)
  const id = modelNumber('+14155550123').id
  expect(writesOf(requests)).toEqual([
    {
      method: 'POST',
      path: '/v1/agents/agt_sales/versions/agv_sales_3/publish',
      body: { phone_numbers: ['+14155550123'], direction: 'outbound' },
    },
    { method: 'PATCH', path: `/v1/phone-numbers/${id}`, body: { nickname: 'Support' } },
    { method: 'PATCH', path: `/v1/phone-numbers/${id}`, body: { nickname: 'Support' } },
  ])
  expect(modelNumber('+14155550123').nickname).toBe('Support')
})

test("the server's field errors appear under the field, in its own words", async () => {
  const { user } = renderApp()
  const dialog = await openEdit(user, 'Main Support Line')
  const label = within(dialog).getByRole('textbox', { name: 'Label' })
  await user.clear(label)
  await user.type(label, 'cc-1')
  server.use(
    http.patch(
      '*/v1/phone-numbers/:id',
      () =>
        HttpResponse.json(
          {
            error: {
              code: 'validation_failed',
              message: 'label is reserved',
              details: [{ field: 'label', message: 'this label is reserved' }],
            },
          },
          { status: 400 },
        ),
      { once: true },
    ),
  )
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  expect(await within(dialog).findByText('this label is reserved')).toBeInTheDocument()
  expect(within(dialog).getByRole('alert')).toHaveTextContent(
    'label change failed and was not applied: label is reserved',
  )
  expect(label).toHaveValue('cc-1')
})
