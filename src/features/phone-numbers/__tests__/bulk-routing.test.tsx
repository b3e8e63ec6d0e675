import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { resetTestBackend, server, testBackend } from '@/mocks/node'
import { givenNumber, storedNumber } from '@/testing/builders'
import { catchDownloads } from '@/testing/downloads'
import { recordRequests, writesOf } from '@/testing/record-requests'
import { renderApp } from '@/testing/render-app'
import { choose, findBulkDialog, findSelectionRegion } from '@/testing/user-actions'

/** Selecting many numbers and changing their routing as a job (PAGE.md "Selecting many numbers", "Changing routing of many numbers"). */

async function selectAllMatching(user: ReturnType<typeof renderApp>['user'], total: string) {
  await user.click(await screen.findByRole('checkbox', { name: 'Select all on this page' }))
  await user.click(within(await findSelectionRegion()).getByRole('button', { name: `Select all ${total} matching` }))
  expect(within(await findSelectionRegion()).getByText(`${total} selected`)).toBeInTheDocument()
}

test('select all matching, deploy a version inbound: one publish per 1,000 numbers, the preview counts first, the outcome after', async () => {
  const workspace = resetTestBackend({ numbers: 1_200 })
  const holding = workspace.allNumbers().filter((n) => n.inbound_agent_version_id === 'agv_front_desk_2').length
  const requests = recordRequests()
  const { user } = renderApp()
  expect(await screen.findByText('1,200 numbers · showing 1–50')).toBeInTheDocument()
  await selectAllMatching(user, '1,200')

  await user.click(within(await findSelectionRegion()).getByRole('button', { name: 'Change routing…' }))
  const dialog = await findBulkDialog('Change routing of 1,200 numbers')
  const apply = await within(dialog).findByRole('button', { name: 'Apply' })
  expect(apply).toBeDisabled()
  expect(within(dialog).getByRole('radio', { name: 'Inbound' })).toBeChecked()
  expect(within(dialog).getByRole('spinbutton', { name: 'Roll out to' })).toHaveValue(100)
  await choose(user, 'Agent', 'Front Desk')
  await choose(user, 'Version', 'v2')
  const toChange = 1_200 - holding
  expect(
    await within(dialog).findByText(
      `Deploys Front Desk v2 to the inbound side of ${toChange.toLocaleString('en-US')} numbers. ${holding} already hold it.`,
    ),
  ).toBeInTheDocument()
  const before = requests.length
  await user.click(apply)

  expect(
    await within(dialog).findByText(
      `Changes applied: ${toChange.toLocaleString('en-US')} changed, ${holding} unchanged.`,
      {
        exact: false,
      },
      { timeout: 20_000 },
    ),
  ).toBeInTheDocument()
  for (const number of testBackend.workspace.allNumbers())
    expect(number.inbound_agent_version_id).toBe('agv_front_desk_2')
  const publishes = (await writesOf(requests.slice(before))).filter((w) => w.method === 'POST')
  expect(publishes).toHaveLength(Math.ceil(toChange / 1_000))
  expect(publishes[0]).toMatchObject({
    path: '/v1/agents/agt_front_desk/versions/agv_front_desk_2/publish',
    body: { direction: 'inbound' },
  })
  expect(Object.keys((publishes[0]!.body as { expected_updated_at: object }).expected_updated_at)).toHaveLength(1_000)
  const event = testBackend.workspace.listEvents(new URLSearchParams({ limit: '1' })).data[0]!
  expect(event.reason).toBe('Bulk change: inbound → Front Desk v2')
  // The rows on screen show the new state without a refetch per call.
  await waitFor(() => expect(screen.getAllByText(/Front Desk · v2/).length).toBeGreaterThanOrEqual(50))
})

test('a search change clears the selection and says so; paging keeps it', async () => {
  resetTestBackend({ numbers: 120 })
  const { user } = renderApp()
  expect(await screen.findByText('120 numbers · showing 1–50')).toBeInTheDocument()
  const boxes = screen.getAllByRole('checkbox', { name: /^Select (?!all)/ })
  await user.click(boxes[0]!)
  await user.keyboard('{Shift>}')
  await user.click(boxes[4]!)
  await user.keyboard('{/Shift}')
  expect(within(await findSelectionRegion()).getByText('5 selected')).toBeInTheDocument()
  await user.click(screen.getByRole('button', { name: 'Next page' }))
  expect(await screen.findByText('120 numbers · showing 51–100')).toBeInTheDocument()
  expect(within(await findSelectionRegion()).getByText('5 selected')).toBeInTheDocument()
  await user.type(screen.getByRole('searchbox'), 'clinic')
  expect(await screen.findByText('Selection cleared: the search or filters changed.')).toBeInTheDocument()
  expect(screen.queryByRole('region', { name: 'Selection' })).not.toBeInTheDocument()
})

test('cancelled after part of a number’s change went through: Undo is offered and puts that part back', async () => {
  const number = givenNumber({ nickname: 'Half line', inbound: 'agv_front_desk_3', outbound: 'agv_reminders_2' })
  const { user } = renderApp()
  await user.click(await screen.findByRole('checkbox', { name: 'Select Half line' }))
  await user.click(within(await findSelectionRegion()).getByRole('button', { name: 'Change routing…' }))
  const dialog = await findBulkDialog('Change routing of 1 number')
  await within(dialog).findByRole('button', { name: 'Apply' })
  await user.click(within(dialog).getByRole('radio', { name: 'Both' }))
  await choose(user, 'Agent', 'None')
  // Clearing both sides takes two unassign calls; the first is answered only once Cancel was pressed.
  let answer!: () => void
  const cancelled = new Promise<void>((resolve) => (answer = resolve))
  server.use(
    http.post(
      '*/v1/agents/:agentId/versions/:versionId/publish',
      async ({ request, params }) => {
        const body = await request.json()
        await cancelled
        return HttpResponse.json(testBackend.workspace.publish(String(params.agentId), String(params.versionId), body))
      },
      { once: true },
    ),
  )
  await user.click(within(dialog).getByRole('button', { name: 'Apply' }))
  await user.click(await within(dialog).findByRole('button', { name: 'Cancel' }))
  answer()

  expect(await within(dialog).findByText(/^Cancelled part-way: 0 changed, 0 unchanged, 1 not changed/)).toBeVisible()
  expect(await within(dialog).findByText(/Part of the change was applied before\./)).toBeInTheDocument()
  const files = catchDownloads()
  await user.click(within(dialog).getByRole('button', { name: 'Download results (CSV)' }))
  await waitFor(() => expect(files).toHaveLength(1))
  expect(files[0]!.name).toMatch(/^routing-change-results-.*\.csv$/)
  expect(await files[0]!.text).toBe(
    'phone_number,id,result,reason\r\n' +
      `${number.phone_number},${number.id},not sent,Not sent: the job stopped. Part of the change was applied before.\r\n`,
  )
  await user.click(within(dialog).getByRole('button', { name: 'Undo' }))
  await waitFor(() =>
    expect(storedNumber(number)).toMatchObject({
      inbound_agent_version_id: 'agv_front_desk_3',
      outbound_agent_version_id: 'agv_reminders_2',
    }),
  )
})
