import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { server, testBackend } from '@/mocks/node'
import { storedNumber } from '@/testing/builders'
import { cellsOf, findRow } from '@/testing/numbers-table'
import { writesOf } from '@/testing/record-requests'
import { choose, editNewNumber, retype, saveAndWaitForClose } from '@/testing/user-actions'
import type { PhoneNumber } from '@/types/api'

const newestEvent = (number: PhoneNumber) =>
  testBackend.workspace.listEvents(new URLSearchParams({ phone_number_id: number.id })).data[0]!

/** The next PATCH is applied, then another admin makes `theirs`, and the PATCH's answer is lost (a proxy's 502). */
function patchAppliedThenAnswerLost(number: PhoneNumber, theirs: Record<string, unknown>) {
  server.use(
    http.patch(
      '*/v1/phone-numbers/:id',
      async ({ request, params }) => {
        testBackend.workspace.patchPhoneNumber(String(params.id), await request.json(), { actor: 'demo-admin' })
        testBackend.workspace.changeAsAnotherAdmin(number.id, theirs)
        return new HttpResponse('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } })
      },
      { once: true },
    ),
  )
}

async function undoFromNotice(user: Awaited<ReturnType<typeof editNewNumber>>['user']) {
  const notice = await screen.findByText(/^Saved /)
  const toast = notice.closest('.toast') as HTMLElement
  await user.click(within(toast).getByRole('button', { name: 'Undo' }))
}

test('a rename undone: the old name is back, sent conditional on the save’s result, with the reason in the history', async () => {
  const { user, number, requests, dialog } = await editNewNumber({ nickname: 'Front Office', label: 'cc-1' })
  await retype(user, dialog, 'Nickname', 'Front Line')
  await saveAndWaitForClose(user, dialog)
  const saved = storedNumber(number)
  await undoFromNotice(user)

  expect(await screen.findByText('Undone: Front Office is back as it was.')).toBeInTheDocument()
  expect(cellsOf(await findRow(number)).nickname).toHaveTextContent('Front Office')
  expect(storedNumber(number)).toMatchObject({ nickname: 'Front Office', label: 'cc-1' })
  expect((await writesOf(requests)).slice(1)).toEqual([
    {
      method: 'PATCH',
      path: `/v1/phone-numbers/${number.id}`,
      body: { nickname: 'Front Office', expected_updated_at: saved.updated_at },
    },
  ])
  expect(newestEvent(number)).toMatchObject({
    actor: 'demo-admin',
    reason: 'Undo: Front Office: Nickname: Front Office → Front Line',
    changes: [{ field: 'nickname', from: 'Front Line', to: 'Front Office' }],
  })
})

test('both sides changed, the canary promoted on the way: undo puts slots and canary back, and says a published draft stays', async () => {
  const canary = { agent_version_id: 'agv_front_desk_3', percent: 20 }
  const { user, number, dialog } = await editNewNumber({
    nickname: 'Clinic',
    inbound: 'agv_front_desk_2',
    outbound: 'agv_sales_1',
    canary,
  })
  // Promote canary puts the canary's version inbound (choosing that version in the picker instead is
  // refused: a canary equal to the inbound version); outbound to a draft publishes it.
  await user.click(within(dialog).getByRole('button', { name: 'Promote canary' }))
  await choose(user, 'Outbound agent', 'Appointment Reminders')
  await choose(user, 'Outbound version', 'v3 · draft')
  await saveAndWaitForClose(user, dialog)
  expect(storedNumber(number)).toMatchObject({
    inbound_agent_version_id: 'agv_front_desk_3',
    outbound_agent_version_id: 'agv_reminders_3',
    inbound_canary: null,
  })
  await undoFromNotice(user)

  expect(await screen.findByText('Undone: Clinic is back as it was.')).toBeInTheDocument()
  expect(screen.getByText('Appointment Reminders v3 stays published: publishing cannot be undone.')).toBeInTheDocument()
  expect(storedNumber(number)).toMatchObject({
    inbound_agent_version_id: 'agv_front_desk_2',
    outbound_agent_version_id: 'agv_sales_1',
    inbound_canary: canary,
    nickname: 'Clinic',
  })
})

test('undo after another admin changed the number: their change stays, and the page says so', async () => {
  const { user, number, dialog } = await editNewNumber({ nickname: 'Desk', label: 'old' })
  await retype(user, dialog, 'Label', 'new')
  await saveAndWaitForClose(user, dialog)
  testBackend.workspace.changeAsAnotherAdmin(number.id, { nickname: 'Their desk' })
  await undoFromNotice(user)

  const alert = await screen.findByRole('alert')
  expect(alert).toHaveTextContent('Not undone: someone else changed Desk after your save. Their change stays.')
  expect(storedNumber(number)).toMatchObject({ nickname: 'Their desk', label: 'new' })
  // The undo read the number again: the row shows their change.
  await waitFor(async () => expect(cellsOf(await findRow(number)).nickname).toHaveTextContent('Their desk'))
})

test('a save whose answer was lost while another admin changed the number: Undo puts back only what the save changed', async () => {
  const { user, number, dialog } = await editNewNumber({ nickname: 'Desk', label: 'old' })
  await retype(user, dialog, 'Nickname', 'Front Desk')
  // The server applies the rename, another admin then sets the label, and the rename's answer is lost (a proxy's 502).
  patchAppliedThenAnswerLost(number, { label: 'Q3' })
  await saveAndWaitForClose(user, dialog)
  expect(storedNumber(number)).toMatchObject({ nickname: 'Front Desk', label: 'Q3' })
  await undoFromNotice(user)

  expect(await screen.findByText('Undone: Desk is back as it was.')).toBeInTheDocument()
  // The rename is undone; the label the other admin set is theirs, and stays.
  expect(storedNumber(number)).toMatchObject({ nickname: 'Desk', label: 'Q3' })
})

test('a save whose last answer was lost after another admin moved a side it had set: Undo leaves their side alone', async () => {
  const { user, number, dialog } = await editNewNumber({ nickname: 'Desk', outbound: 'agv_sales_1' })
  await choose(user, 'Outbound version', 'v2')
  await retype(user, dialog, 'Nickname', 'Front Desk')
  // The deploy goes through; the rename is applied, another admin then moves the outbound side the save
  // had set, and the rename's answer is lost. The save finds its rename there and ends as saved.
  patchAppliedThenAnswerLost(number, { outbound_agent_version_id: 'agv_sales_3' })
  await saveAndWaitForClose(user, dialog)
  expect(storedNumber(number)).toMatchObject({ nickname: 'Front Desk', outbound_agent_version_id: 'agv_sales_3' })
  // The notice says what the save did, and that the outbound side is someone else's since.
  expect(
    await screen.findByText('Outbound changed to Outbound Sales v3 by someone else after your save: Undo leaves it.'),
  ).toBeInTheDocument()
  await undoFromNotice(user)

  expect(await screen.findByText('Undone: Desk is back as it was.')).toBeInTheDocument()
  // The rename is undone; the outbound side is the other admin's now, and stays.
  expect(storedNumber(number)).toMatchObject({ nickname: 'Desk', outbound_agent_version_id: 'agv_sales_3' })
})

test('Ctrl+Z undoes the save while its confirmation shows, from the row the focus went back to; not in a field', async () => {
  const { user, number, dialog, requests } = await editNewNumber({ nickname: 'Front Office', label: 'cc-1' })
  await retype(user, dialog, 'Nickname', 'Front Line')
  await saveAndWaitForClose(user, dialog)
  expect(await screen.findByRole('button', { name: 'Undo' })).toHaveAttribute('aria-keyshortcuts', 'Control+Z Meta+Z')

  const search = screen.getByRole('searchbox', { name: 'Search numbers' })
  search.focus()
  await user.keyboard('{Control>}z{/Control}')
  // The field's own undo: the confirmation still offers Undo, and nothing was sent after the save.
  expect(screen.getByRole('button', { name: 'Undo' })).toBeEnabled()
  expect(await writesOf(requests)).toHaveLength(1)
  expect(storedNumber(number)).toMatchObject({ nickname: 'Front Line' })

  screen.getByRole('button', { name: 'Edit Front Line' }).focus()
  await user.keyboard('{Control>}z{/Control}')
  expect(await screen.findByText('Undone: Front Office is back as it was.')).toBeInTheDocument()
  expect(storedNumber(number)).toMatchObject({ nickname: 'Front Office' })
  // The save and one undo: the Ctrl+Z in the search field was the field's own.
  expect((await writesOf(requests)).map((write) => (write.body as { nickname?: string }).nickname)).toEqual([
    'Front Line',
    'Front Office',
  ])
})
