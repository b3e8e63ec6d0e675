import { screen, waitFor, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { testBackend } from '@/mocks/node'
import { recordRequests, writesOf } from '@/testing/record-requests'
import { cellsOf, findRow, renderApp } from '@/testing/render-app'

async function choose(user: UserEvent, combobox: string, option: string) {
  await user.click(screen.getByRole('combobox', { name: combobox }))
  await user.click(await screen.findByRole('option', { name: option }))
}

async function openEdit(user: UserEvent, name: string) {
  await user.click(await screen.findByRole('button', { name: `Edit ${name}` }))
  return screen.findByRole('dialog')
}

test('the table shows each number with its agents, versions and status', async () => {
  renderApp()
  const row = cellsOf(await findRow('+1 415 555 0123'))
  expect(row.nickname).toHaveTextContent('Main Support Line')
  expect(row.nickname).toHaveTextContent('cc-4410')
  expect(row.inbound).toHaveTextContent('Front Desk · v3')
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
