import { act, screen, waitFor, within } from '@testing-library/react'
import { http } from 'msw'
import { server } from '@/mocks/node'
import { anotherAdminChanges, givenNumber, storedNumber } from '@/testing/builders'
import { cellsOf, findRow } from '@/testing/numbers-table'
import { readAt, writesOf } from '@/testing/record-requests'
import { CHANGED_WHILE_EDITING } from '@/features/phone-numbers/domain/save-messages'
import { renderApp } from '@/testing/render-app'
import { choose, editNewNumber, openEdit, retype, saveAndWaitForClose } from '@/testing/user-actions'

/** The lines of "What Save will do". */
const summaryOf = (dialog: HTMLElement) =>
  within(within(dialog).getByRole('region', { name: 'What Save will do' }))
    .queryAllByRole('listitem')
    .map((item) => item.textContent)

test('another admin’s change since the dialog opened is not overwritten: the save is refused, explained, and planned again from it', async () => {
  const { user, number, requests, dialog } = await editNewNumber({
    nickname: 'Front Office',
    inbound: 'agv_front_desk_3',
  })
  await choose(user, 'Inbound agent', 'Billing Assistant')
  // While the user edits inbound, another admin changes outbound and the nickname.
  const theirs = anotherAdminChanges(number, {
    outbound_agent_version_id: 'agv_reminders_2',
    nickname: 'Reminders Line',
  })
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))

  const alert = await within(dialog).findByRole('alert')
  expect(alert).toHaveTextContent(
    'Someone else changed this number after you opened it: nothing of theirs was overwritten.',
  )
  // Whose change, from the change history: the other admin's key, and when (today, in UTC).
  expect(alert).toHaveTextContent(/Changed by another-admin at \d\d:\d\d:\d\d UTC\./)
  expect(alert).toHaveTextContent('Outbound changed to Appointment Reminders v2 since you opened this number.')
  expect(alert).toHaveTextContent('Nickname changed to “Reminders Line” since you opened this number.')
  expect(alert).toHaveTextContent('Not applied: Inbound → Billing Assistant v3.')
  // Nothing of theirs was reverted, nothing of ours applied.
  expect(storedNumber(number)).toEqual(theirs)
  // The fields the user did not touch show the new values; the user's choice stays; Save now sends only that.
  expect(within(dialog).getByRole('combobox', { name: 'Outbound agent' })).toHaveTextContent('Appointment Reminders')
  expect(within(dialog).getByRole('textbox', { name: 'Nickname' })).toHaveValue('Reminders Line')
  expect(within(dialog).getByRole('combobox', { name: 'Inbound agent' })).toHaveTextContent('Billing Assistant')
  expect(summaryOf(dialog)).toEqual(['Inbound: Front Desk v3 → Billing Assistant v3'])
  // The row behind the dialog shows what the server holds.
  const row = cellsOf(await findRow(number))
  expect(row.outbound).toHaveTextContent('Appointment Reminders · v2')
  expect(row.nickname).toHaveTextContent('Reminders Line')
  // Focus stayed on Save (it was aria-disabled while saving, never dropped to the page).
  expect(within(dialog).getByRole('button', { name: 'Save' })).toHaveFocus()

  await saveAndWaitForClose(user, dialog)
  expect(storedNumber(number)).toMatchObject({
    inbound_agent_version_id: 'agv_billing_3',
    outbound_agent_version_id: 'agv_reminders_2',
    nickname: 'Reminders Line',
  })
  const deploy = { phone_numbers: [number.phone_number], direction: 'inbound' }
  const path = '/v1/agents/agt_billing/versions/agv_billing_3/publish'
  expect(await writesOf(requests)).toEqual([
    { method: 'POST', path, body: { ...deploy, expected_updated_at: readAt(number) } },
    { method: 'POST', path, body: { ...deploy, expected_updated_at: readAt(theirs) } },
  ])
})

test('a 409 part-way: what was applied stays and is said, what was refused is said with whose change, the rest is sent again', async () => {
  const { user, number, requests, dialog } = await editNewNumber({
    nickname: 'Front Office',
    inbound: 'agv_front_desk_3',
  })
  await choose(user, 'Outbound agent', 'Outbound Sales')
  await retype(user, dialog, 'Nickname', 'Support')
  // Between the publish and the PATCH, another admin sets the label.
  const labelChange = ({ request }: { request: Request }) => {
    if (request.method !== 'PATCH') return
    server.events.removeListener('request:start', labelChange)
    anotherAdminChanges(number, { label: 'theirs' })
  }
  server.events.on('request:start', labelChange)
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))

  const alert = await within(dialog).findByRole('alert')
  expect(alert).toHaveTextContent('Someone else changed this number after you opened it')
  expect(alert).toHaveTextContent('Label changed to “theirs” since you opened this number.')
  // Only theirs: the page's own publish (as demo-admin) is not someone else's change.
  expect(alert).toHaveTextContent(/Changed by another-admin at /)
  expect(alert).not.toHaveTextContent('demo-admin')
  expect(alert).toHaveTextContent('Applied: Outbound → Outbound Sales v3.')
  expect(alert).toHaveTextContent('Not applied: Nickname change.')
  expect(storedNumber(number)).toMatchObject({
    outbound_agent_version_id: 'agv_sales_3',
    nickname: 'Front Office',
    label: 'theirs',
  })
  expect(within(dialog).getByRole('textbox', { name: 'Nickname' })).toHaveValue('Support')
  expect(within(dialog).getByRole('textbox', { name: 'Label' })).toHaveValue('theirs')
  expect(summaryOf(dialog)).toEqual(['Nickname: “Front Office” → “Support”'])

  const afterTheirs = storedNumber(number)
  await saveAndWaitForClose(user, dialog)
  expect(storedNumber(number)).toMatchObject({
    outbound_agent_version_id: 'agv_sales_3',
    nickname: 'Support',
    label: 'theirs',
  })
  const writes = await writesOf(requests)
  expect(writes.map((write) => write.method)).toEqual(['POST', 'PATCH', 'PATCH'])
  expect(writes[2]!.body).toEqual({ nickname: 'Support', expected_updated_at: afterTheirs.updated_at })
})

test('a field both changed: the dialog says so, keeps the user’s choice, and Save puts it in place of theirs only when asked', async () => {
  const number = givenNumber({ nickname: 'Billing Desk', inbound: 'agv_billing_3', outbound: 'agv_billing_3' })
  const { user } = renderApp()
  const dialog = await openEdit(user, number)
  await choose(user, 'Outbound agent', 'None')
  anotherAdminChanges(number, { outbound_agent_version_id: 'agv_sales_1' })
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))

  expect(await within(dialog).findByRole('alert')).toHaveTextContent(
    'Outbound changed to Outbound Sales v1 since you opened this number. You changed it too: Save would put your choice in its place.',
  )
  expect(storedNumber(number).outbound_agent_version_id).toBe('agv_sales_1')
  expect(cellsOf(await findRow(number)).outbound).toHaveTextContent('Outbound Sales · v1')
  // Planned from what is there now: clearing goes through the version that now holds the side.
  expect(summaryOf(dialog)).toEqual(['Outbound: Outbound Sales v1 → cleared'])
  await saveAndWaitForClose(user, dialog)
  expect(storedNumber(number).outbound_agent_version_id).toBeNull()
})

test('a conflict of a save whose dialog was closed: the notice explains, and Edit again brings back only the user’s change', async () => {
  const { user, number, dialog } = await editNewNumber({ nickname: 'Front Office', label: 'cc-1' })
  await retype(user, dialog, 'Label', 'cc-2')
  anotherAdminChanges(number, { nickname: 'Renamed elsewhere' })
  // The PATCH reaches the server only once the dialog is closed (a slow network); the server decides as always.
  let reachServer!: () => void
  const closed = new Promise<void>((resolve) => (reachServer = resolve))
  server.use(http.patch('*/v1/phone-numbers/:id', () => closed.then(() => undefined), { once: true }))
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  await user.keyboard('{Escape}')
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  reachServer()

  const notice = await screen.findByRole('alert')
  expect(notice).toHaveTextContent('Front Office was not saved in full.')
  expect(notice).toHaveTextContent('Nickname changed to “Renamed elsewhere” since you opened this number.')
  await user.click(within(notice).getByRole('button', { name: 'Edit again' }))
  const reopened = await screen.findByRole('dialog')
  expect(within(reopened).getByRole('textbox', { name: 'Nickname' })).toHaveValue('Renamed elsewhere')
  expect(within(reopened).getByRole('textbox', { name: 'Label' })).toHaveValue('cc-2')
  expect(summaryOf(reopened)).toEqual(['Label: “cc-1” → “cc-2”'])
  await saveAndWaitForClose(user, reopened)
  expect(storedNumber(number)).toMatchObject({ nickname: 'Renamed elsewhere', label: 'cc-2' })
})

test('someone else changes a field the user changed while the dialog is open (read in by a refetch): the dialog says so before Save', async () => {
  const { user, number, dialog, queryClient } = await editNewNumber({ nickname: 'Front Office', label: 'cc-1' })
  await retype(user, dialog, 'Nickname', 'Mine')
  // A field the user left alone just follows the server.
  anotherAdminChanges(number, { label: 'cc-2' })
  await act(() => queryClient.invalidateQueries())
  await waitFor(() => expect(within(dialog).getByRole('textbox', { name: 'Label' })).toHaveValue('cc-2'))
  expect(within(dialog).queryByText(CHANGED_WHILE_EDITING)).not.toBeInTheDocument()
  // The live region is there, empty, before it speaks: one inserted with its words already in may not be announced.
  const region = within(dialog).getByRole('status')
  expect(region).toBeEmptyDOMElement()

  anotherAdminChanges(number, { nickname: 'Theirs' })
  await act(() => queryClient.invalidateQueries())
  const notice = (await within(dialog).findByText(CHANGED_WHILE_EDITING)).closest('[role="status"]')!
  expect(notice).toBe(region)
  expect(notice).toHaveTextContent('Someone else changed this number while you were editing it: nothing is saved yet.')
  expect(notice).toHaveTextContent(
    'Nickname changed to “Theirs” since you opened this number. You changed it too: Save would put your choice in its place.',
  )
  expect(within(dialog).getByRole('textbox', { name: 'Nickname' })).toHaveValue('Mine')
  await saveAndWaitForClose(user, dialog)
  expect(storedNumber(number)).toMatchObject({ nickname: 'Mine', label: 'cc-2' })
})
