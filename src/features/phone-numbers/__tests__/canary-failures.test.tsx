import { within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { FaultInjector, NO_FAULTS, type FaultKind } from '@/mocks/faults'
import { server, testBackend } from '@/mocks/node'
import { anotherAdminChanges, storedNumber } from '@/testing/builders'
import { writesOf } from '@/testing/record-requests'
import { cellsOf, findRow } from '@/testing/numbers-table'
import { editNewNumber, saveAndWaitForClose } from '@/testing/user-actions'

/** Opens a number holding Front Desk v2 inbound and adds a canary at 25 % (Front Desk v3, proposed). */
async function addCanaryAt25() {
  const opened = await editNewNumber({ nickname: 'Front Office', inbound: 'agv_front_desk_2' })
  const { user, dialog } = opened
  await user.click(within(dialog).getByRole('button', { name: 'Add canary' }))
  const share = within(dialog).getByRole('spinbutton', { name: 'Canary share' })
  await user.clear(share)
  await user.type(share, '25')
  return { ...opened, share }
}

/** The next PUT of a canary is answered with this error. */
function refuseCanaryOnce(status: number, code: string, message: string) {
  server.use(
    http.put(
      '*/v1/phone-numbers/:id/inbound-canary',
      () => HttpResponse.json({ error: { code, message } }, { status }),
      {
        once: true,
      },
    ),
  )
}

/** The canary the dialog holds: what the user chose stays after a refusal. */
function expectCanaryKept(dialog: HTMLElement, share: HTMLElement) {
  expect(within(dialog).getByRole('combobox', { name: 'Canary agent' })).toHaveTextContent('Front Desk')
  expect(within(dialog).getByRole('combobox', { name: 'Canary version' })).toHaveTextContent('v3')
  expect(share).toHaveValue(25)
}

test('another admin’s change meanwhile: the canary is refused (409), explained, kept in the form, and saved over the new state', async () => {
  const { user, number, requests, dialog, share } = await addCanaryAt25()
  const theirs = anotherAdminChanges(number, { nickname: 'Reception' })
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))

  const alert = await within(dialog).findByRole('alert')
  expect(alert).toHaveTextContent(
    'Someone else changed this number after you opened it: nothing of theirs was overwritten.',
  )
  expect(alert).toHaveTextContent('Nickname changed to “Reception” since you opened this number.')
  expect(alert).toHaveTextContent('Not applied: Canary → Front Desk v3 at 25 %.')
  expectCanaryKept(dialog, share)
  expect(storedNumber(number)).toEqual(theirs)

  await saveAndWaitForClose(user, dialog)
  const writes = await writesOf(requests)
  expect(writes.map((w) => w.body)).toEqual([
    { agent_version_id: 'agv_front_desk_3', percent: 25, expected_updated_at: number.updated_at },
    { agent_version_id: 'agv_front_desk_3', percent: 25, expected_updated_at: theirs.updated_at },
  ])
  expect(storedNumber(number)).toMatchObject({
    nickname: 'Reception',
    inbound_canary: { agent_version_id: 'agv_front_desk_3', percent: 25 },
  })
})

test('a 403 says in words that the key may not do it, and keeps the input', async () => {
  const { user, dialog, share } = await addCanaryAt25()
  refuseCanaryOnce(403, 'insufficient_scope', 'This API key lacks the agents:manage scope.')
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  expect(await within(dialog).findByRole('alert')).toHaveTextContent(
    'Canary → Front Desk v3 at 25 % failed and was not applied: your key is not allowed to make this change (the server said: “This API key lacks the agents:manage scope.”).',
  )
  expectCanaryKept(dialog, share)
})

test('version_not_published says the canary must be published, keeps the input, and reads the agents again', async () => {
  const { user, requests, dialog, share } = await addCanaryAt25()
  refuseCanaryOnce(400, 'version_not_published', 'Version agv_front_desk_3 is a draft.')
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  expect(await within(dialog).findByRole('alert')).toHaveTextContent(
    'failed and was not applied: the version is a draft, and only a published version can be a canary; saving again publishes it first',
  )
  expectCanaryKept(dialog, share)
  // The agents the plan was made from were wrong about that version: they are read again.
  await vi.waitFor(() => expect(requests.some((r) => r.method === 'GET' && r.path === '/v1/agents')).toBe(true))
})

test('agent_archived says the agent is archived, and keeps the input', async () => {
  const { user, dialog, share } = await addCanaryAt25()
  refuseCanaryOnce(400, 'agent_archived', 'Agent Front Desk is archived.')
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  expect(await within(dialog).findByRole('alert')).toHaveTextContent(
    'failed and was not applied: its agent is archived, so its versions can no longer be deployed, published or made a canary (the server said: “Agent Front Desk is archived.”).',
  )
  expectCanaryKept(dialog, share)
})

/** Only the next canary call fails, with this kind of fault. */
function failCanaryOnce(kind: FaultKind) {
  testBackend.faults = new FaultInjector({ ...NO_FAULTS, rate: 1, kinds: [kind], endpoints: ['canary'] })
  server.events.on('response:mocked', function off({ request }) {
    if (!request.url.includes('/inbound-canary')) return
    testBackend.faults = null
    server.events.removeListener('response:mocked', off)
  })
}

afterEach(() => {
  testBackend.faults = null
})

test('a canary PUT applied before its 500 is found applied: the save is a success', async () => {
  const { user, number, dialog } = await addCanaryAt25()
  failCanaryOnce('apply')
  await saveAndWaitForClose(user, dialog)
  expect(storedNumber(number).inbound_canary).toEqual({ agent_version_id: 'agv_front_desk_3', percent: 25 })
  expect(cellsOf(await findRow(number)).inbound).toHaveTextContent('Front Desk · v2 + v3 25 %')
})

test('a canary PUT answered 500 and not applied is never called a “no”, and Save sends it again', async () => {
  const { user, number, requests, dialog, share } = await addCanaryAt25()
  failCanaryOnce('500')
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  const alert = await within(dialog).findByRole('alert')
  expect(alert).toHaveTextContent('Canary → Front Desk v3 at 25 %: Injected fault: the server answered 500.')
  expect(alert).toHaveTextContent('It may or may not have been applied.')
  expectCanaryKept(dialog, share)
  await saveAndWaitForClose(user, dialog)
  expect((await writesOf(requests)).map((w) => w.method)).toEqual(['PUT', 'PUT'])
  expect(storedNumber(number).inbound_canary).toEqual({ agent_version_id: 'agv_front_desk_3', percent: 25 })
})
