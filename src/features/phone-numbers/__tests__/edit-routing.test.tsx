import { screen, waitFor, within } from '@testing-library/react'
import { givenNumber, storedNumber } from '@/testing/builders'
import { cellsOf, findRow, formatted } from '@/testing/numbers-table'
import { readAt, writesOf } from '@/testing/record-requests'
import { renderApp } from '@/testing/render-app'
import { choose, editNewNumber, openEdit, optionNames, saveAndWaitForClose } from '@/testing/user-actions'

test('assigning the outbound side sends one publish and updates the row without refetching the list', async () => {
  const { user, number, requests, dialog } = await editNewNumber({
    nickname: 'Front Office',
    inbound: 'agv_front_desk_3',
  })
  await choose(user, 'Outbound agent', 'Outbound Sales')
  expect(within(dialog).getByRole('combobox', { name: 'Outbound version' })).toHaveTextContent('v3')
  expect(within(dialog).getByText('Outbound: None → Outbound Sales v3')).toBeInTheDocument()
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))

  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  expect(cellsOf(await findRow(number)).outbound).toHaveTextContent('Outbound Sales · v3')
  expect(await writesOf(requests)).toEqual([
    {
      method: 'POST',
      path: '/v1/agents/agt_sales/versions/agv_sales_3/publish',
      body: { phone_numbers: [number.phone_number], direction: 'outbound', expected_updated_at: readAt(number) },
    },
  ])
  expect(requests.filter((r) => r.method === 'GET' && r.path === '/v1/phone-numbers')).toEqual([])
  expect(storedNumber(number).outbound_agent_version_id).toBe('agv_sales_3')
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved Front Office'))
})

test('one version to both sides is one publish with direction both', async () => {
  const { user, number, requests, dialog } = await editNewNumber()
  expect(within(dialog).getByRole('heading', { name: formatted(number.phone_number) })).toBeInTheDocument()
  // No agent, no version to choose.
  expect(within(dialog).getByRole('combobox', { name: 'Inbound version' })).toBeDisabled()
  await choose(user, 'Inbound agent', 'Front Desk')
  await choose(user, 'Outbound agent', 'Front Desk')
  await saveAndWaitForClose(user, dialog)

  expect(await writesOf(requests)).toEqual([
    {
      method: 'POST',
      path: '/v1/agents/agt_front_desk/versions/agv_front_desk_3/publish',
      body: { phone_numbers: [number.phone_number], direction: 'both', expected_updated_at: readAt(number) },
    },
  ])
  const row = cellsOf(await findRow(number))
  expect(row.inbound).toHaveTextContent('Front Desk · v3')
  expect(row.outbound).toHaveTextContent('Front Desk · v3')
})

test('choosing a draft says saving publishes it, and the saved version is then shown as published', async () => {
  const onV2 = givenNumber({ inbound: 'agv_reminders_2' })
  const { user, number, requests, dialog } = await editNewNumber({
    nickname: 'Front Office',
    inbound: 'agv_front_desk_3',
  })
  await choose(user, 'Inbound agent', 'Appointment Reminders')
  await choose(user, 'Inbound version', 'v3 · draft')
  expect(within(dialog).getByText('v3 is a draft: saving publishes it.')).toBeInTheDocument()
  expect(within(dialog).getByRole('combobox', { name: 'Inbound version' })).toHaveAccessibleDescription(
    'v3 is a draft: saving publishes it.',
  )
  expect(
    within(dialog).getByText('Inbound: Front Desk v3 → Appointment Reminders v3 (publishes v3)'),
  ).toBeInTheDocument()
  await saveAndWaitForClose(user, dialog)
  // After the save, the message speaks of what happened.
  expect(
    await screen.findByText('Saved Front Office: Inbound: Front Desk v3 → Appointment Reminders v3 (published v3).'),
  ).toBeInTheDocument()

  expect(await writesOf(requests)).toEqual([
    {
      method: 'POST',
      path: '/v1/agents/agt_reminders/versions/agv_reminders_3/publish',
      body: { phone_numbers: [number.phone_number], direction: 'inbound', expected_updated_at: readAt(number) },
    },
  ])
  expect(cellsOf(await findRow(number)).inbound).toHaveTextContent('Appointment Reminders · v3')
  // Rows holding v2 now learn that v3 is available, from the reconciled agents cache alone.
  expect(cellsOf(await findRow(onV2)).inbound).toHaveTextContent('Appointment Reminders · v2 · v3 available')
  expect(requests.filter((r) => r.path === '/v1/agents')).toEqual([])

  const reopened = await openEdit(user, number)
  await user.click(within(reopened).getByRole('combobox', { name: 'Inbound version' }))
  expect(await screen.findByRole('option', { name: 'v3' })).toBeInTheDocument()
  expect(screen.queryByRole('option', { name: 'v3 · draft' })).not.toBeInTheDocument()
  expect(optionNames(screen.getAllByRole('option'))).toEqual(['v3', 'v2', 'v1'])
})

test('clearing one side unassigns through the version the slot holds', async () => {
  const { user, number, requests, dialog } = await editNewNumber({
    nickname: 'Billing Desk',
    inbound: 'agv_billing_3',
    outbound: 'agv_billing_3',
  })
  await choose(user, 'Outbound agent', 'None')
  expect(within(dialog).getByRole('combobox', { name: 'Outbound version' })).toBeDisabled()
  expect(within(dialog).getByText('Outbound: Billing Assistant v3 → cleared')).toBeInTheDocument()
  expect(within(dialog).getByText('Saving clears this side.')).toBeInTheDocument()
  await saveAndWaitForClose(user, dialog)

  expect(await writesOf(requests)).toEqual([
    {
      method: 'POST',
      path: '/v1/agents/agt_billing/versions/agv_billing_3/publish',
      body: {
        unassign_phone_numbers: [number.phone_number],
        direction: 'outbound',
        expected_updated_at: readAt(number),
      },
    },
  ])
  const row = cellsOf(await findRow(number))
  expect(row.inbound).toHaveTextContent('Billing Assistant · v3')
  expect(row.outbound).toHaveTextContent('None')
})

test('clearing both sides held by one agent is a single unassign with both', async () => {
  const { user, number, requests, dialog } = await editNewNumber({
    nickname: 'Billing Both Ways',
    inbound: 'agv_billing_2',
    outbound: 'agv_billing_3',
  })
  await choose(user, 'Inbound agent', 'None')
  await choose(user, 'Outbound agent', 'None')
  await saveAndWaitForClose(user, dialog)

  const writes = await writesOf(requests)
  expect(writes).toHaveLength(1)
  expect(writes[0]!.body).toEqual({
    unassign_phone_numbers: [number.phone_number],
    direction: 'both',
    expected_updated_at: readAt(number),
  })
  expect(writes[0]!.path).toMatch(/^\/v1\/agents\/agt_billing\/versions\/agv_billing_[23]\/publish$/)
  const stored = storedNumber(number)
  expect([stored.inbound_agent_version_id, stored.outbound_agent_version_id]).toEqual([null, null])
})

test('a side held by an archived agent can be cleared', async () => {
  const { user, number, requests, dialog } = await editNewNumber({
    nickname: 'Old IVR Line',
    inbound: 'agv_legacy_ivr_2',
  })
  expect(within(dialog).getByRole('combobox', { name: 'Inbound agent' })).toHaveTextContent('Legacy IVR (archived)')
  await choose(user, 'Inbound agent', 'None')
  await saveAndWaitForClose(user, dialog)

  expect(await writesOf(requests)).toEqual([
    {
      method: 'POST',
      path: '/v1/agents/agt_legacy_ivr/versions/agv_legacy_ivr_2/publish',
      body: {
        unassign_phone_numbers: [number.phone_number],
        direction: 'inbound',
        expected_updated_at: readAt(number),
      },
    },
  ])
  expect(cellsOf(await findRow(number)).inbound).toHaveTextContent('None')
})

test('an archived agent is offered only on the side that holds it, with only the version it holds', async () => {
  const number = givenNumber({ nickname: 'Old IVR Line', inbound: 'agv_legacy_ivr_2' })
  const { user } = renderApp()
  const dialog = await openEdit(user, number)
  await user.click(within(dialog).getByRole('combobox', { name: 'Inbound version' }))
  expect(optionNames(await screen.findAllByRole('option'))).toEqual(['v2'])
  await user.keyboard('{Escape}')
  // Escape closes the open list, not the dialog.
  expect(screen.getByRole('dialog')).toBe(dialog)
  await user.click(within(dialog).getByRole('combobox', { name: 'Outbound agent' }))
  const options = optionNames(await screen.findAllByRole('option'))
  expect(options[0]).toBe('None')
  expect(options).not.toContain('Legacy IVR (archived)')
  expect(options).toContain('Front Desk')
})
