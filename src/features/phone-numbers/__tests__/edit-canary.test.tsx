import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { server, testBackend } from '@/mocks/node'
import { storedNumber } from '@/testing/builders'
import { cellsOf, findRow } from '@/testing/numbers-table'
import { readAt, writesOf } from '@/testing/record-requests'
import { choose, editNewNumber, saveAndWaitForClose } from '@/testing/user-actions'

/** The lines of "What Save will do". */
const summaryOf = (dialog: HTMLElement) =>
  within(within(dialog).getByRole('region', { name: 'What Save will do' }))
    .queryAllByRole('listitem')
    .map((item) => item.textContent)

const canaryPath = (id: string) => `/v1/phone-numbers/${id}/inbound-canary`
const WITH_CANARY = {
  nickname: 'Front Office',
  inbound: 'agv_front_desk_2',
  canary: { agent_version_id: 'agv_front_desk_3', percent: 10 },
}

test('Add canary proposes the inbound agent’s newest other published version at 10 %: one PUT, and the row shows both', async () => {
  const { user, number, requests, dialog } = await editNewNumber({
    nickname: 'Front Office',
    inbound: 'agv_front_desk_2',
  })
  expect(within(dialog).getByText('No canary: every inbound call goes to the inbound version.')).toBeInTheDocument()
  await user.click(within(dialog).getByRole('button', { name: 'Add canary' }))
  // The button is gone: focus moved to the canary's first picker, not to the page.
  expect(within(dialog).getByRole('combobox', { name: 'Canary agent' })).toHaveFocus()
  expect(within(dialog).getByRole('combobox', { name: 'Canary agent' })).toHaveTextContent('Front Desk')
  expect(within(dialog).getByRole('combobox', { name: 'Canary version' })).toHaveTextContent('v3')
  expect(within(dialog).getByRole('spinbutton', { name: 'Canary share' })).toHaveValue(10)
  expect(within(dialog).getByText('After saving: Front Desk v3 answers 10 % of inbound calls.')).toBeInTheDocument()
  expect(summaryOf(dialog)).toEqual(['Canary: Front Desk v3 at 10 %'])
  await saveAndWaitForClose(user, dialog)

  expect(await writesOf(requests)).toEqual([
    {
      method: 'PUT',
      path: canaryPath(number.id),
      body: { agent_version_id: 'agv_front_desk_3', percent: 10, expected_updated_at: number.updated_at },
    },
  ])
  expect(cellsOf(await findRow(number)).inbound).toHaveTextContent('Front Desk · v2 + v3 10 %')
  expect(storedNumber(number).inbound_canary).toEqual({ agent_version_id: 'agv_front_desk_3', percent: 10 })
  await waitFor(() =>
    expect(screen.getByRole('status')).toHaveTextContent('Saved Front Office: Canary: Front Desk v3 at 10 %.'),
  )
})

test('a draft canary version is published first by a publish naming no numbers, and the summary says so', async () => {
  const { user, number, requests, dialog } = await editNewNumber({ nickname: 'Reminders', inbound: 'agv_reminders_2' })
  await user.click(within(dialog).getByRole('button', { name: 'Add canary' }))
  await choose(user, 'Canary version', 'v3 · draft')
  const share = within(dialog).getByRole('spinbutton', { name: 'Canary share' })
  await user.clear(share)
  await user.type(share, '25')
  expect(within(dialog).getByRole('combobox', { name: 'Canary version' })).toHaveAccessibleDescription(
    'v3 is a draft: saving publishes it.',
  )
  expect(summaryOf(dialog)).toEqual(['Canary: Appointment Reminders v3 at 25 % (publishes v3)'])
  await saveAndWaitForClose(user, dialog)

  const published = storedNumber(number)
  expect(await writesOf(requests)).toEqual([
    { method: 'POST', path: '/v1/agents/agt_reminders/versions/agv_reminders_3/publish', body: {} },
    {
      method: 'PUT',
      path: canaryPath(number.id),
      body: { agent_version_id: 'agv_reminders_3', percent: 25, expected_updated_at: number.updated_at },
    },
  ])
  expect(published.inbound_canary).toEqual({ agent_version_id: 'agv_reminders_3', percent: 25 })
  expect(cellsOf(await findRow(number)).inbound).toHaveTextContent('Appointment Reminders · v2 + v3 25 %')
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('(published v3)'))
})

test('a draft publish whose answer is lost while another admin renames the number is unclear, not a conflict', async () => {
  const { user, number, dialog } = await editNewNumber({ nickname: 'Reminders', inbound: 'agv_reminders_2' })
  await user.click(within(dialog).getByRole('button', { name: 'Add canary' }))
  await choose(user, 'Canary version', 'v3 · draft')
  // The server publishes v3, another admin renames the number, and the publish's answer is lost.
  server.use(
    http.post(
      '*/v1/agents/:agentId/versions/:versionId/publish',
      async ({ request, params }) => {
        testBackend.workspace.publish(String(params.agentId), String(params.versionId), await request.json())
        testBackend.workspace.changeAsAnotherAdmin(number.id, { nickname: 'Renamed elsewhere' })
        return new HttpResponse('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } })
      },
      { once: true },
    ),
  )
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))

  const alert = await within(dialog).findByRole('alert')
  expect(alert).toHaveTextContent('It may or may not have been applied.')
  expect(alert).toHaveTextContent(
    'A publish leaves no trace on the number: the page reads the agents again to see whether it went through.',
  )
  // Their rename is not a conflict with a publish, which does not touch the number.
  expect(alert).not.toHaveTextContent('Someone else changed this number')
  expect(storedNumber(number).inbound_canary).toBeNull()
})

test('Promote canary: the inbound side takes its version in one publish, and the canary is gone', async () => {
  const { user, number, requests, dialog } = await editNewNumber(WITH_CANARY)
  expect(cellsOf(await findRow(number)).inbound).toHaveTextContent('Front Desk · v2 + v3 10 %')
  // The canary the number has now, in words.
  expect(within(dialog).getByText('Front Desk v3 answers 10 % of inbound calls')).toBeInTheDocument()
  await user.click(within(dialog).getByRole('button', { name: 'Promote canary' }))
  expect(within(dialog).getByRole('button', { name: 'Add canary' })).toHaveFocus()
  expect(within(dialog).getByRole('combobox', { name: 'Inbound version' })).toHaveTextContent('v3')
  expect(summaryOf(dialog)).toEqual([
    'Inbound: Front Desk v2 → Front Desk v3',
    'Canary promoted: Front Desk v3 takes all inbound calls',
  ])
  await saveAndWaitForClose(user, dialog)

  expect(await writesOf(requests)).toEqual([
    {
      method: 'POST',
      path: '/v1/agents/agt_front_desk/versions/agv_front_desk_3/publish',
      body: { phone_numbers: [number.phone_number], direction: 'inbound', expected_updated_at: readAt(number) },
    },
  ])
  expect(storedNumber(number)).toMatchObject({ inbound_agent_version_id: 'agv_front_desk_3', inbound_canary: null })
  const inbound = cellsOf(await findRow(number)).inbound
  expect(inbound).toHaveTextContent('Front Desk · v3')
  expect(inbound).not.toHaveTextContent('+')
})

test('Remove canary: one DELETE, conditional on the number as read', async () => {
  const { user, number, requests, dialog } = await editNewNumber(WITH_CANARY)
  await user.click(within(dialog).getByRole('button', { name: 'Remove canary' }))
  expect(within(dialog).getByText('Saving removes the canary: every inbound call goes to Front Desk v2.')).toBeVisible()
  expect(summaryOf(dialog)).toEqual(['Canary removed (was Front Desk v3 at 10 %)'])
  await saveAndWaitForClose(user, dialog)

  const query = new URLSearchParams({ expected_updated_at: number.updated_at }).toString()
  expect(requests.filter((r) => r.method !== 'GET').map((r) => [r.method, r.path, r.search])).toEqual([
    ['DELETE', canaryPath(number.id), `?${query}`],
  ])
  expect(storedNumber(number).inbound_canary).toBeNull()
  expect(cellsOf(await findRow(number)).inbound).not.toHaveTextContent('+')
})

test('changing the share is one PUT; replacing the inbound version keeps the canary without a canary call', async () => {
  const { user, number, requests, dialog } = await editNewNumber(WITH_CANARY)
  const share = within(dialog).getByRole('spinbutton', { name: 'Canary share' })
  await user.clear(share)
  await user.type(share, '40')
  // What the number has now, and what it will have.
  expect(within(dialog).getByText('Front Desk v3 answers 10 % of inbound calls')).toBeInTheDocument()
  expect(within(dialog).getByText('After saving: Front Desk v3 answers 40 % of inbound calls.')).toBeInTheDocument()
  await choose(user, 'Inbound version', 'v1')
  expect(summaryOf(dialog)).toEqual(['Inbound: Front Desk v2 → Front Desk v1', 'Canary: Front Desk v3 at 10 % → 40 %'])
  await saveAndWaitForClose(user, dialog)
  const writes = await writesOf(requests)
  expect(writes.map((w) => [w.method, w.path])).toEqual([
    ['POST', '/v1/agents/agt_front_desk/versions/agv_front_desk_1/publish'],
    ['PUT', canaryPath(number.id)],
  ])
  // The PUT is conditional on the number as the publish left it (the history's older event: the publish).
  const [, published] = testBackend.workspace.listEvents(new URLSearchParams({ phone_number_id: number.id })).data
  expect(writes[1]!.body).toEqual({
    agent_version_id: 'agv_front_desk_3',
    percent: 40,
    expected_updated_at: published!.at,
  })
  expect(storedNumber(number)).toMatchObject({
    inbound_agent_version_id: 'agv_front_desk_1',
    inbound_canary: { agent_version_id: 'agv_front_desk_3', percent: 40 },
  })
  expect(cellsOf(await findRow(number)).inbound).toHaveTextContent('Front Desk · v1 + v3 40 %')
})

test('clearing the inbound side takes the canary with it: one unassign, and the dialog says so', async () => {
  const { user, number, requests, dialog } = await editNewNumber(WITH_CANARY)
  await choose(user, 'Inbound agent', 'None')
  expect(within(dialog).getByText('Saving removes the canary with the inbound side.')).toBeInTheDocument()
  expect(within(dialog).queryByRole('button', { name: 'Add canary' })).not.toBeInTheDocument()
  expect(summaryOf(dialog)).toEqual(['Inbound: Front Desk v2 → cleared', 'Canary removed with the inbound side'])
  await saveAndWaitForClose(user, dialog)
  expect((await writesOf(requests)).map((w) => [w.method, w.path])).toEqual([
    ['POST', '/v1/agents/agt_front_desk/versions/agv_front_desk_2/publish'],
  ])
  expect(storedNumber(number)).toMatchObject({ inbound_agent_version_id: null, inbound_canary: null })
})

test('Add canary is offered only while Inbound holds a version', async () => {
  const { user, dialog } = await editNewNumber({ nickname: 'Spare' })
  expect(within(dialog).queryByRole('button', { name: 'Add canary' })).not.toBeInTheDocument()
  expect(within(dialog).getByText('A canary needs an inbound version: choose one to add a canary.')).toBeInTheDocument()
  await choose(user, 'Inbound agent', 'Front Desk')
  expect(within(dialog).getByRole('button', { name: 'Add canary' })).toBeInTheDocument()
})

test('a canary equal to the new inbound version, or a share out of range, is refused in words before anything is sent', async () => {
  const { user, requests, dialog } = await editNewNumber(WITH_CANARY)
  await choose(user, 'Inbound version', 'v3')
  expect(within(dialog).getByRole('alert')).toHaveTextContent(
    'Canary: Front Desk v3 is the inbound version too. Choose another version for the canary, remove it, or promote it.',
  )
  expect(within(dialog).getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true')

  await choose(user, 'Inbound version', 'v2')
  const share = within(dialog).getByRole('spinbutton', { name: 'Canary share' })
  await user.clear(share)
  await user.type(share, '100')
  const error = 'Canary share must be a whole number from 1 to 99 (per cent of inbound calls).'
  expect(await within(dialog).findByText(error)).toBeInTheDocument()
  expect(share).toHaveAccessibleDescription(error)
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  expect(screen.getByRole('dialog')).toBe(dialog)
  expect(share).toHaveValue(100)
  expect(await writesOf(requests)).toEqual([])
})
