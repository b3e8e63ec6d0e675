import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { server } from '@/mocks/node'
import { givenKey, givenNumber, storedNumber } from '@/testing/builders'
import { cellsOf, findRow } from '@/testing/numbers-table'
import { recordRequests, writesOf } from '@/testing/record-requests'
import { renderApp } from '@/testing/render-app'
import { editNewNumber, openEdit, retype, saveAndWaitForClose } from '@/testing/user-actions'

const HOOK = 'https://hooks.acme-health.example/front-office'
const summaryOf = (dialog: HTMLElement) =>
  within(within(dialog).getByRole('region', { name: 'What Save will do' }))
    .queryAllByRole('listitem')
    .map((item) => item.textContent)

test('setting the webhook URL is one PATCH of that field, conditional on the number as read', async () => {
  const { user, number, requests, dialog } = await editNewNumber({ nickname: 'Front Office' })
  await retype(user, dialog, 'Inbound webhook URL', ` ${HOOK} `)
  expect(summaryOf(dialog)).toEqual([`Webhook: set to ${HOOK}`])
  await saveAndWaitForClose(user, dialog)
  expect(await writesOf(requests)).toEqual([
    {
      method: 'PATCH',
      path: `/v1/phone-numbers/${number.id}`,
      body: { inbound_webhook_url: HOOK, expected_updated_at: number.updated_at },
    },
  ])
  expect(storedNumber(number).inbound_webhook_url).toBe(HOOK)
  await waitFor(() =>
    expect(screen.getByRole('status')).toHaveTextContent(`Saved Front Office: Webhook: set to ${HOOK}.`),
  )
})

test('clearing it sends null, and the summary says what it was', async () => {
  const { user, number, requests, dialog } = await editNewNumber({ nickname: 'Front Office', webhook: HOOK })
  expect(within(dialog).getByRole('textbox', { name: 'Inbound webhook URL' })).toHaveValue(HOOK)
  await user.clear(within(dialog).getByRole('textbox', { name: 'Inbound webhook URL' }))
  expect(summaryOf(dialog)).toEqual([`Webhook: cleared (was ${HOOK})`])
  await saveAndWaitForClose(user, dialog)
  expect((await writesOf(requests)).map((w) => w.body)).toEqual([
    { inbound_webhook_url: null, expected_updated_at: number.updated_at },
  ])
  expect(storedNumber(number).inbound_webhook_url).toBeNull()
})

test('a URL that is not https is refused in words before anything is sent, and the input is kept', async () => {
  const { user, requests, dialog } = await editNewNumber({ nickname: 'Front Office' })
  const field = await retype(user, dialog, 'Inbound webhook URL', 'http://hooks.example/x')
  const error = 'Inbound webhook URL must be a full https:// address, such as https://hooks.example.com/inbound.'
  expect(await within(dialog).findByText(error)).toBeInTheDocument()
  expect(field).toHaveAttribute('aria-invalid', 'true')
  expect(field).toHaveAccessibleDescription(error)
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  expect(screen.getByRole('dialog')).toBe(dialog)
  expect(field).toHaveValue('http://hooks.example/x')
  expect(await writesOf(requests)).toEqual([])
})

test('a 403 on the webhook PATCH says so in words and keeps the input', async () => {
  const { user, dialog } = await editNewNumber({ nickname: 'Front Office' })
  const field = await retype(user, dialog, 'Inbound webhook URL', HOOK)
  server.use(
    http.patch(
      '*/v1/phone-numbers/:id',
      () =>
        HttpResponse.json(
          { error: { code: 'insufficient_scope', message: 'This API key lacks the agents:manage scope.' } },
          { status: 403 },
        ),
      { once: true },
    ),
  )
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  expect(await within(dialog).findByRole('alert')).toHaveTextContent(
    'Webhook URL change failed and was not applied: your key is not allowed to make this change',
  )
  expect(field).toHaveValue(HOOK)
})

test('a support key sees the canary and the webhook read-only, with the reason, and renames without naming the webhook', async () => {
  givenKey(['numbers:read', 'numbers:write', 'agents:read'])
  const number = givenNumber({
    nickname: 'Front Office',
    inbound: 'agv_front_desk_2',
    canary: { agent_version_id: 'agv_front_desk_3', percent: 10 },
    webhook: HOOK,
  })
  const { user } = renderApp()
  await findRow(number)
  const requests = recordRequests()
  const dialog = await openEdit(user, number)

  expect(within(dialog).getByText('Front Desk v3 answers 10 % of inbound calls')).toBeInTheDocument()
  expect(within(dialog).getByRole('combobox', { name: 'Canary agent' })).toBeDisabled()
  expect(within(dialog).getByRole('combobox', { name: 'Canary version' })).toBeDisabled()
  expect(within(dialog).getByRole('spinbutton', { name: 'Canary share' })).toHaveAttribute('readonly')
  for (const name of ['Add canary', 'Promote canary', 'Remove canary']) {
    expect(within(dialog).queryByRole('button', { name })).not.toBeInTheDocument()
  }
  const webhook = within(dialog).getByRole('textbox', { name: 'Inbound webhook URL' })
  expect(webhook).toHaveAttribute('readonly')
  expect(webhook).toHaveAccessibleDescription(
    'Called at the start of every inbound call for per-call variables. Your key cannot change the webhook URL: that takes a key that may both change routing and rename numbers.',
  )

  await retype(user, dialog, 'Nickname', 'Reception')
  await saveAndWaitForClose(user, dialog)
  expect((await writesOf(requests)).map((w) => w.body)).toEqual([
    { nickname: 'Reception', expected_updated_at: number.updated_at },
  ])
})

test('a number whose import failed says so in its Status cell and in the dialog, with the carrier’s reason', async () => {
  const reason = 'Address verification failed for this number'
  const { dialog, number } = await editNewNumber({ nickname: 'New Branch', import_error: reason })
  const status = cellsOf(await findRow(number)).status
  expect(status).toHaveTextContent('Import failed')
  expect(status).toHaveTextContent(reason)
  expect(within(dialog).getByText(`Import failed: ${reason}`)).toBeInTheDocument()
  expect(
    within(dialog).getByText('This number takes no calls until the problem is fixed at the carrier.'),
  ).toBeInTheDocument()
})
