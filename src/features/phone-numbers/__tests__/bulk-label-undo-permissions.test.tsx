import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { server, testBackend } from '@/mocks/node'
import { givenKey, givenNumber, storedNumber } from '@/testing/builders'
import { cellsOf, findRow } from '@/testing/numbers-table'
import { recordRequests, writesOf } from '@/testing/record-requests'
import { renderApp } from '@/testing/render-app'
import { choose, findBulkDialog, findSelectionRegion } from '@/testing/user-actions'

/** While set, a job's planning waits for it (planning 100,000 numbers takes many slices, and Cancel may come in one). */
let planningHeld: Promise<void> | null = null
vi.mock('@/features/phone-numbers/jobs/plan-in-slices', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/features/phone-numbers/jobs/plan-in-slices')>()
  return {
    ...original,
    planRowsInSlices: async (...args: Parameters<typeof original.planRowsInSlices>) => {
      await planningHeld
      return original.planRowsInSlices(...args)
    },
  }
})
afterEach(() => (planningHeld = null))

/** Holds the next job's planning until the returned function is called. */
function holdPlanning(): () => void {
  let release!: () => void
  planningHeld = new Promise<void>((resolve) => (release = resolve))
  return release
}

const badGateway = () =>
  new HttpResponse('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } })

async function tick(user: ReturnType<typeof renderApp>['user'], ...names: string[]) {
  for (const name of names) await user.click(await screen.findByRole('checkbox', { name: `Select ${name}` }))
}

/**
 * Two numbers labelled `new` as a job whose PATCH for the second is refused once (400): the dialog with
 * the outcome "1 changed, 0 unchanged, 1 not changed" and Retry failed.
 */
async function labelTwoOneRefused(nicknames: [string, string]) {
  const first = givenNumber({ nickname: nicknames[0], label: 'old' })
  const second = givenNumber({ nickname: nicknames[1], label: 'old' })
  const { user } = renderApp()
  await tick(user, ...nicknames)
  server.use(
    http.patch(
      `*/v1/phone-numbers/${second.id}`,
      () => HttpResponse.json({ error: { code: 'unavailable', message: 'Try again later.' } }, { status: 400 }),
      { once: true },
    ),
  )
  await user.click(within(await findSelectionRegion()).getByRole('button', { name: 'Set label…' }))
  const dialog = await findBulkDialog('Set label of 2 numbers')
  await user.type(await within(dialog).findByRole('textbox', { name: 'Label' }), 'new')
  await user.click(within(dialog).getByRole('button', { name: 'Apply' }))
  expect(await within(dialog).findByText(/^Changes applied: 1 changed, 0 unchanged, 1 not changed/)).toBeVisible()
  return { user, dialog, first, second }
}

test('Set label…: one PATCH per number, conditional and with the reason in words; the rows show the label', async () => {
  const numbers = [
    givenNumber({ nickname: 'Desk A', label: 'old' }),
    givenNumber({ nickname: 'Desk B' }),
    givenNumber({ nickname: 'Desk C', label: 'clinic-east' }),
  ]
  const { user } = renderApp()
  await tick(user, 'Desk A', 'Desk B', 'Desk C')
  expect(within(await findSelectionRegion()).getByText('3 selected')).toBeInTheDocument()
  const requests = recordRequests()
  await user.click(within(await findSelectionRegion()).getByRole('button', { name: 'Set label…' }))
  const dialog = await findBulkDialog('Set label of 3 numbers')
  await user.type(await within(dialog).findByRole('textbox', { name: 'Label' }), '  clinic-east ')
  expect(
    await within(dialog).findByText('Sets the label of 2 numbers to “clinic-east”. 1 already has it.'),
  ).toBeInTheDocument()
  await user.click(within(dialog).getByRole('button', { name: 'Apply' }))

  expect(await within(dialog).findByText('Changes applied: 2 changed, 1 unchanged.')).toBeInTheDocument()
  const patches = (await writesOf(requests)).filter((w) => w.method === 'PATCH')
  expect(patches.map((p) => p.body)).toEqual([
    { label: 'clinic-east', expected_updated_at: numbers[0]!.updated_at },
    { label: 'clinic-east', expected_updated_at: numbers[1]!.updated_at },
  ])
  for (const number of numbers) expect(storedNumber(number).label).toBe('clinic-east')
  const event = testBackend.workspace.listEvents(new URLSearchParams({ phone_number_id: numbers[1]!.id })).data[0]!
  expect(event.reason).toBe('Bulk change: label → clinic-east')
  await user.click(within(dialog).getByRole('button', { name: 'Close' }))
  await waitFor(async () =>
    expect(cellsOf(await findRow(numbers[1]!)).nickname).toHaveTextContent('Label: clinic-east'),
  )
})

test('Undo of a bulk routing change runs as a job and puts every number back', async () => {
  const a = givenNumber({ nickname: 'Undo A', inbound: 'agv_front_desk_2' })
  const b = givenNumber({ nickname: 'Undo B', inbound: null })
  const { user } = renderApp()
  await tick(user, 'Undo A', 'Undo B')
  await user.click(within(await findSelectionRegion()).getByRole('button', { name: 'Change routing…' }))
  const dialog = await findBulkDialog('Change routing of 2 numbers')
  await within(dialog).findByRole('button', { name: 'Apply' })
  await choose(user, 'Agent', 'Appointment Reminders')
  await choose(user, 'Version', 'v2')
  await user.click(within(dialog).getByRole('button', { name: 'Apply' }))
  expect(await within(dialog).findByText('Changes applied: 2 changed, 0 unchanged.')).toBeInTheDocument()
  expect(storedNumber(a).inbound_agent_version_id).toBe('agv_reminders_2')

  await user.click(within(dialog).getByRole('button', { name: 'Undo' }))
  expect(await within(dialog).findByText('Undo finished: 2 changed, 0 unchanged.')).toBeInTheDocument()
  expect(storedNumber(a).inbound_agent_version_id).toBe('agv_front_desk_2')
  expect(storedNumber(b).inbound_agent_version_id).toBeNull()
  const event = testBackend.workspace.listEvents(new URLSearchParams({ phone_number_id: a.id })).data[0]!
  expect(event.reason).toBe('Undo: Bulk change: inbound → Appointment Reminders v2')
  expect(within(dialog).queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument()
})

test('Undo after Retry failed puts back only the labels: a rename made meanwhile by someone else stays', async () => {
  // B's first PATCH is refused; before Retry failed, another admin renames B.
  const { user, dialog, first: a, second: b } = await labelTwoOneRefused(['Retry A', 'Retry B'])
  testBackend.workspace.changeAsAnotherAdmin(b.id, { nickname: 'Their B' })
  await user.click(within(dialog).getByRole('button', { name: 'Retry failed' }))
  await waitFor(() => expect(storedNumber(b).label).toBe('new'))
  await user.click(await within(dialog).findByRole('button', { name: 'Undo' }))

  await waitFor(() => expect(storedNumber(b).label).toBe('old'))
  expect(storedNumber(a)).toMatchObject({ nickname: 'Retry A', label: 'old' })
  expect(storedNumber(b).nickname).toBe('Their B')
})

test('Cancel while Retry failed reads its numbers again: the outcome stands as it was, with Retry failed and Undo', async () => {
  const { user, dialog, second: b } = await labelTwoOneRefused(['Keep A', 'Keep B'])
  // The retry's read of B waits until the test lets it go: Cancel comes first.
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  server.use(
    http.get('*/v1/phone-numbers', async ({ request }) => {
      if (new URL(request.url).searchParams.get('ids') === null) return undefined
      await released
      return undefined
    }),
  )
  await user.click(within(dialog).getByRole('button', { name: 'Retry failed' }))
  await user.click(await within(dialog).findByRole('button', { name: 'Cancel' }))
  release()
  // Cancelled before the retry sent anything: the outcome before it stands, as it was headed.
  expect(
    await within(dialog).findByText(
      /^Retry cancelled: nothing was sent\. Changes applied: 1 changed, 0 unchanged, 1 not changed/,
    ),
  ).toBeVisible()
  expect(within(dialog).getByRole('button', { name: 'Retry failed' })).toBeInTheDocument()
  expect(within(dialog).getByRole('button', { name: 'Undo' })).toBeInTheDocument()
  expect(storedNumber(b).label).toBe('old')
})

test('Cancel while Undo reads again a number whose answer was lost: nothing is sent, and the outcome stands with Undo', async () => {
  const first = givenNumber({ nickname: 'Lost A', label: 'old' })
  const second = givenNumber({ nickname: 'Lost B', label: 'old' })
  const { user } = renderApp()
  await tick(user, 'Lost A', 'Lost B')
  // B's label is applied and its answer lost (a proxy's 502), and so is the job's read of it again: the job
  // cannot tell whether it went through. Undo's own read of B waits until the test lets it go.
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let readsById: 'fail' | 'wait' = 'fail'
  server.use(
    http.patch(
      `*/v1/phone-numbers/${second.id}`,
      async ({ request }) => {
        testBackend.workspace.patchPhoneNumber(second.id, await request.json(), { actor: 'demo-admin' })
        return badGateway()
      },
      { once: true },
    ),
  )
  await user.click(within(await findSelectionRegion()).getByRole('button', { name: 'Set label…' }))
  const dialog = await findBulkDialog('Set label of 2 numbers')
  await user.type(await within(dialog).findByRole('textbox', { name: 'Label' }), 'new')
  server.use(
    http.get('*/v1/phone-numbers', async ({ request }) => {
      if (new URL(request.url).searchParams.get('ids') === null) return undefined
      if (readsById === 'fail') return badGateway()
      await released
      return undefined
    }),
  )
  await user.click(within(dialog).getByRole('button', { name: 'Apply' }))
  const headline = (await within(dialog).findByText(/^Changes applied: 1 changed, 0 unchanged, 1 not changed/))
    .textContent
  readsById = 'wait'
  const requests = recordRequests()
  await user.click(within(dialog).getByRole('button', { name: 'Undo' }))
  await user.click(await within(dialog).findByRole('button', { name: 'Cancel' }))
  release()
  expect(await within(dialog).findByText(`Undo cancelled: nothing was sent. ${headline}`)).toBeVisible()
  expect(within(dialog).getByRole('button', { name: 'Undo' })).toBeInTheDocument()
  expect(await writesOf(requests)).toEqual([])
  expect(storedNumber(first).label).toBe('new')
  expect(storedNumber(second).label).toBe('new')
})

test.each([
  ['Undo', 'Undo cancelled: nothing was sent.'],
  ['Retry failed', 'Retry cancelled: nothing was sent.'],
])(
  'Cancel while %s is still planning: nothing is sent, and the outcome stands with its buttons',
  async (button, note) => {
    const { user, dialog, first, second } = await labelTwoOneRefused(['Plan A', 'Plan B'])
    const headline = within(dialog).getByText(/^Changes applied:/).textContent
    const requests = recordRequests()
    const release = holdPlanning()
    await user.click(within(dialog).getByRole('button', { name: button }))
    await user.click(await within(dialog).findByRole('button', { name: 'Cancel' }))
    release()
    expect(await within(dialog).findByText(`${note} ${headline}`)).toBeVisible()
    expect(within(dialog).getByRole('button', { name: 'Undo' })).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Retry failed' })).toBeInTheDocument()
    expect(await writesOf(requests)).toEqual([])
    expect(storedNumber(first).label).toBe('new')
    expect(storedNumber(second).label).toBe('old')
  },
)

test('a support key may set labels but not change routing; a read-only key only selects', async () => {
  givenNumber({ nickname: 'Support row' })
  givenKey(['numbers:read', 'numbers:write', 'agents:read'])
  const { user, unmount } = renderApp()
  await tick(user, 'Support row')
  expect(within(await findSelectionRegion()).getByRole('button', { name: 'Set label…' })).toBeInTheDocument()
  expect(within(await findSelectionRegion()).queryByRole('button', { name: 'Change routing…' })).not.toBeInTheDocument()
  unmount()

  givenKey(['numbers:read', 'agents:read'], 'sk_read_only')
  const second = renderApp()
  await tick(second.user, 'Support row')
  const region = await findSelectionRegion()
  expect(within(region).queryByRole('button', { name: 'Set label…' })).not.toBeInTheDocument()
  expect(within(region).queryByRole('button', { name: 'Change routing…' })).not.toBeInTheDocument()
  await second.user.click(within(region).getByRole('button', { name: 'Clear selection' }))
  expect(screen.queryByRole('region', { name: 'Selection' })).not.toBeInTheDocument()
})
