import { QueryClientProvider } from '@tanstack/react-query'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { EditNumberDialog } from '@/features/phone-numbers/components/edit-number-dialog'
import { SaveNotices } from '@/features/phone-numbers/components/save-notices'
import { permissionsOf } from '@/features/session/use-session'
import { credentials } from '@/lib/credentials'
import { createQueryClient } from '@/lib/react-query'
import { testBackend } from '@/mocks/node'
import { readAt, recordRequests, writesOf } from '@/testing/record-requests'
import { choose } from '@/testing/user-actions'
import type { PhoneNumber } from '@/types/api'

/** The edit dialog alone, on the demo backend (msw/node): no table, no page. */
async function renderDialog(e164: string, key = 'demo_admin') {
  credentials.set(key)
  const number = testBackend.workspace.numberByE164(e164)!
  const me = testBackend.workspace.me(`Bearer ${key}`)
  const onClose = vi.fn<() => void>()
  const user = userEvent.setup()
  render(
    <QueryClientProvider client={createQueryClient()}>
      <EditNumberDialog number={number} permissions={permissionsOf(me)} onClose={onClose} />
      {/* The page's notices say how saves end. */}
      <SaveNotices since={Date.now()} onEditAgain={vi.fn()} />
    </QueryClientProvider>,
  )
  const dialog = await screen.findByRole('dialog')
  // The form replaces "Loading agents…" once the agents list is in.
  await within(dialog).findByRole('combobox', { name: 'Inbound agent' })
  return { user, dialog, onClose }
}

const numberNow = (e164: string): PhoneNumber => testBackend.workspace.numberByE164(e164)!

test('choosing an agent for a side and saving sends one deploy and reports it', async () => {
  const { user, dialog, onClose } = await renderDialog('+14155550123')
  const before = numberNow('+14155550123')
  const requests = recordRequests()

  await choose(user, 'Outbound agent', 'Outbound Sales')
  expect(within(dialog).getByRole('combobox', { name: 'Outbound version' })).toHaveTextContent('v3')
  expect(within(dialog).getByRole('listitem')).toHaveTextContent('Outbound: None → Outbound Sales v3')
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))

  expect(await screen.findByText('Saved Main Support Line: Outbound: None → Outbound Sales v3.')).toBeInTheDocument()
  expect(onClose).toHaveBeenCalled()
  expect(await writesOf(requests)).toEqual([
    {
      method: 'POST',
      path: '/v1/agents/agt_sales/versions/agv_sales_3/publish',
      body: { phone_numbers: ['+14155550123'], direction: 'outbound', expected_updated_at: readAt(before) },
    },
  ])
  expect(numberNow('+14155550123').outbound_agent_version_id).toBe('agv_sales_3')
})

test('focus lands on the first picker once the pickers are live, and Escape closes from there', async () => {
  const { user, dialog, onClose } = await renderDialog('+14155550123')
  // Queried each time: the picker that takes focus is the live one, not the trigger shown first.
  await waitFor(() => expect(within(dialog).getByRole('combobox', { name: 'Inbound agent' })).toHaveFocus())
  await user.keyboard('{Escape}')
  expect(onClose).toHaveBeenCalled()
})

test('None clears a side through the version it holds', async () => {
  const { user, dialog, onClose } = await renderDialog('+14155550123')
  const before = numberNow('+14155550123')
  const requests = recordRequests()

  await choose(user, 'Inbound agent', 'None')
  expect(within(dialog).getByText('Saving clears this side.')).toBeInTheDocument()
  expect(within(dialog).getByRole('listitem')).toHaveTextContent('Inbound: Front Desk v3 → cleared')
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))

  await waitFor(() => expect(onClose).toHaveBeenCalled())
  expect(await writesOf(requests)).toEqual([
    {
      method: 'POST',
      path: '/v1/agents/agt_front_desk/versions/agv_front_desk_3/publish',
      body: { unassign_phone_numbers: ['+14155550123'], direction: 'inbound', expected_updated_at: readAt(before) },
    },
  ])
  expect(numberNow('+14155550123').inbound_agent_version_id).toBeNull()
})

test('a read-only key sees the number but can change nothing, and is told why', async () => {
  const { user, dialog, onClose } = await renderDialog('+14155550123', 'demo_readonly')

  expect(within(dialog).getByText('Your key can view numbers but not change them.')).toBeInTheDocument()
  for (const name of ['Inbound agent', 'Inbound version', 'Outbound agent']) {
    expect(within(dialog).getByRole('combobox', { name })).toBeDisabled()
  }
  expect(within(dialog).getByRole('textbox', { name: 'Nickname' })).toHaveAttribute('readonly')
  expect(within(dialog).queryByRole('button', { name: 'Save' })).not.toBeInTheDocument()
  expect(within(dialog).queryByText('What Save will do')).not.toBeInTheDocument()
  await user.click(within(dialog).getByRole('button', { name: 'Close' }))
  expect(onClose).toHaveBeenCalled()
})

test('lengths count characters, not UTF-16 units: 255 emoji are a nickname Save sends, 256 are refused', async () => {
  const { user, dialog } = await renderDialog('+14155550123')
  const nickname = within(dialog).getByRole('textbox', { name: 'Nickname' })
  await user.clear(nickname)
  await user.click(nickname)
  await user.paste('📞'.repeat(256))
  expect(await within(dialog).findByText('Nickname can be at most 255 characters; this one has 256.')).toBeVisible()
  await user.clear(nickname)
  await user.paste('📞'.repeat(255))
  await waitFor(() => expect(nickname).not.toHaveAttribute('aria-invalid', 'true'))
  expect(within(dialog).getByRole('listitem')).toHaveTextContent(/^Nickname: .* → “(📞){255}”$/u)
})

test('a nickname that is too long is refused in words, and nothing is sent', async () => {
  const { user, dialog, onClose } = await renderDialog('+14155550123')
  const requests = recordRequests()
  const nickname = within(dialog).getByRole('textbox', { name: 'Nickname' })

  await user.clear(nickname)
  await user.click(nickname)
  await user.paste('x'.repeat(256))
  const error = await within(dialog).findByText('Nickname can be at most 255 characters; this one has 256.')
  expect(nickname).toHaveAttribute('aria-invalid', 'true')
  expect(nickname).toHaveAccessibleDescription(error.textContent)
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))

  expect(await writesOf(requests)).toEqual([])
  expect(onClose).not.toHaveBeenCalled()
})
