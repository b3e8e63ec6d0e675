import { onlineManager } from '@tanstack/react-query'
import { act, screen, waitFor, within } from '@testing-library/react'
import { storedNumber } from '@/testing/builders'
import { writesOf } from '@/testing/record-requests'
import { choose, editNewNumber } from '@/testing/user-actions'

afterEach(() => onlineManager.setOnline(true))

test('offline: a banner shows, a save waits, and it is sent when the connection returns', async () => {
  const { user, number, requests, dialog } = await editNewNumber({ nickname: 'Front Office' })
  await choose(user, 'Outbound agent', 'Outbound Sales')
  act(() => onlineManager.setOnline(false))
  expect(screen.getByText(/You are offline. What you see may be out of date/)).toBeInTheDocument()
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  expect(await within(dialog).findByText(/The save will be sent when the connection returns/)).toBeInTheDocument()
  expect(await writesOf(requests)).toEqual([])
  act(() => onlineManager.setOnline(true))
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  expect(await writesOf(requests)).toHaveLength(1)
  expect(storedNumber(number).outbound_agent_version_id).toBe('agv_sales_3')
  expect(screen.queryByText(/You are offline/)).not.toBeInTheDocument()
})
