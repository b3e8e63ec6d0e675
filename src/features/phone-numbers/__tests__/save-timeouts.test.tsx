import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { recheckTiming } from '@/features/phone-numbers/api/recheck-number'
import { server, testBackend } from '@/mocks/node'
import { storedNumber } from '@/testing/builders'
import { cellsOf, findRow } from '@/testing/numbers-table'
import { readAt, writesOf } from '@/testing/record-requests'
import { choose, editNewNumber } from '@/testing/user-actions'

const realTimeout = AbortSignal.timeout.bind(AbortSignal)

/**
 * The next publish reaches the server, which applies it only when `applyLate` is called (a slow
 * server, or a proxy that held the request): the page gets no answer within its time limit.
 */
function publishAnsweredTooLate() {
  let arrive!: (applied: boolean) => void
  const late = new Promise<boolean>((resolve) => (arrive = resolve))
  server.use(
    http.post(
      '*/v1/agents/:agentId/versions/:versionId/publish',
      async ({ request, params }) => {
        const body: unknown = await request.json()
        if (!(await late)) return HttpResponse.error()
        const answer = testBackend.workspace.publish(String(params.agentId), String(params.versionId), body)
        return HttpResponse.json(answer)
      },
      { once: true },
    ),
  )
  // A request still held when the test ends never arrives.
  onTestFinished(() => arrive(false))
  return () => arrive(true)
}

/** Chooses Outbound Sales and saves; the publish gets no answer in time (15 s, shortened to `timeoutMs`: the page still says 15 s). */
async function saveOutboundSales(timeoutMs = 300) {
  const edit = await editNewNumber({ nickname: 'Front Office', inbound: 'agv_front_desk_3' })
  await choose(edit.user, 'Outbound agent', 'Outbound Sales')
  // The publish is the next request: only its time limit is shortened.
  vi.spyOn(AbortSignal, 'timeout').mockImplementationOnce(() => realTimeout(timeoutMs))
  await edit.user.click(within(edit.dialog).getByRole('button', { name: 'Save' }))
  return edit
}

test('a write that timed out is not called a “no”: the page says it may have been applied, reads again later, and finds it applied', async () => {
  recheckTiming.delaysMs = [200, 400, 800, 1600]
  const applyLate = publishAnsweredTooLate()
  const { number, dialog } = await saveOutboundSales()

  const alert = await within(dialog).findByRole('alert')
  expect(alert).toHaveTextContent(
    'Outbound → Outbound Sales v3: No answer from the server within 15 s. It may or may not have been applied.',
  )
  expect(alert).toHaveTextContent('When the page read the number again, it had not been applied (yet)')
  expect(alert).toHaveTextContent('Saving again is safe')
  expect(alert).not.toHaveTextContent('was not applied')

  // The server takes the request in after all; the page's later read finds it.
  applyLate()
  expect(await within(dialog).findByText('Read again since: it has been applied.')).toBeInTheDocument()
  expect(cellsOf(await findRow(number)).outbound).toHaveTextContent('Outbound Sales · v3')
  // Nothing is left to send: Save says so, and keeps the focus it had since the failed save (not dropped to the page).
  const save = within(dialog).getByRole('button', { name: 'Save' })
  expect(save).toHaveAttribute('aria-disabled', 'true')
  expect(save).toHaveFocus()
  expect(storedNumber(number).outbound_agent_version_id).toBe('agv_sales_3')
})

test('sending a timed-out write again is safe: the server refuses the second, and the page reports the change as applied', async () => {
  const applyLate = publishAnsweredTooLate()
  const { user, number, requests, dialog } = await saveOutboundSales()
  expect(await within(dialog).findByRole('alert')).toHaveTextContent('It may or may not have been applied.')

  // The first attempt is applied late; the user, not knowing, saves again.
  applyLate()
  await waitFor(() => expect(storedNumber(number).outbound_agent_version_id).toBe('agv_sales_3'))
  const applied = storedNumber(number)
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))

  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  expect(await screen.findByText('Saved Front Office: Outbound: None → Outbound Sales v3.')).toBeInTheDocument()
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  expect(cellsOf(await findRow(number)).outbound).toHaveTextContent('Outbound Sales · v3')
  // Both attempts were conditional on the number as opened: the second was refused, not applied twice.
  const deploy = {
    method: 'POST',
    path: '/v1/agents/agt_sales/versions/agv_sales_3/publish',
    body: { phone_numbers: [number.phone_number], direction: 'outbound', expected_updated_at: readAt(number) },
  }
  expect(await writesOf(requests)).toEqual([deploy, deploy])
  expect(storedNumber(number)).toEqual(applied)
})

test('a timed-out write that never arrives is sent again, and applied once', async () => {
  publishAnsweredTooLate()
  const { user, number, requests, dialog } = await saveOutboundSales()
  expect(await within(dialog).findByRole('alert')).toHaveTextContent('It may or may not have been applied.')
  expect(storedNumber(number).outbound_agent_version_id).toBeNull()

  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  expect(storedNumber(number).outbound_agent_version_id).toBe('agv_sales_3')
  expect(await writesOf(requests)).toHaveLength(2)
})

test('a save whose dialog was closed: its notice says the outcome is unclear, then that it has been applied', async () => {
  recheckTiming.delaysMs = [200, 400, 800, 1600]
  const applyLate = publishAnsweredTooLate()
  // Time enough to close the dialog while the save still waits for its answer.
  const { user, number } = await saveOutboundSales(2_000)
  await user.keyboard('{Escape}')
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())

  const notice = await screen.findByRole('alert')
  expect(notice).toHaveTextContent('Front Office was not saved in full.')
  expect(notice).toHaveTextContent('It may or may not have been applied.')
  applyLate()
  expect(await within(notice).findByText('Read again since: it has been applied.')).toBeInTheDocument()
  expect(cellsOf(await findRow(number)).outbound).toHaveTextContent('Outbound Sales · v3')
})
