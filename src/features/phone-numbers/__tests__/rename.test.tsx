import { screen, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { server } from '@/mocks/node'
import { givenNumber } from '@/testing/builders'
import { cellsOf, findRow } from '@/testing/numbers-table'
import { recordRequests, writesOf } from '@/testing/record-requests'
import { renderApp } from '@/testing/render-app'
import { choose, openEdit, saveAndWaitForClose } from '@/testing/user-actions'

test('renaming and clearing a nickname send one PATCH each with only the changed field', async () => {
  const number = givenNumber({ nickname: 'Front Office', label: 'cc-4410' })
  const { user } = renderApp()
  await findRow(number)
  const requests = recordRequests()
  let dialog = await openEdit(user, number)
  const nickname = within(dialog).getByRole('textbox', { name: 'Nickname' })
  await user.clear(nickname)
  await user.type(nickname, '  Front Line  ')
  await saveAndWaitForClose(user, dialog)
  expect(cellsOf(await findRow(number)).nickname).toHaveTextContent('Front Line')

  dialog = await openEdit(user, { ...number, nickname: 'Front Line' })
  await user.clear(within(dialog).getByRole('textbox', { name: 'Nickname' }))
  await saveAndWaitForClose(user, dialog)
  expect(cellsOf(await findRow(number)).nickname).toHaveTextContent('No nickname')

  expect(await writesOf(requests)).toEqual([
    { method: 'PATCH', path: `/v1/phone-numbers/${number.id}`, body: { nickname: 'Front Line' } },
    { method: 'PATCH', path: `/v1/phone-numbers/${number.id}`, body: { nickname: null } },
  ])
})

test('a 256-character nickname is refused before anything is sent', async () => {
  const number = givenNumber({ nickname: 'Front Office' })
  const { user } = renderApp()
  await findRow(number)
  const requests = recordRequests()
  const dialog = await openEdit(user, number)
  const nickname = within(dialog).getByRole('textbox', { name: 'Nickname' })
  await user.clear(nickname)
  await user.click(nickname)
  await user.paste('x'.repeat(256))
  expect(
    await within(dialog).findByText('Nickname can be at most 255 characters; this one has 256.'),
  ).toBeInTheDocument()
  expect(nickname).toHaveAttribute('aria-invalid', 'true')
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  expect(screen.getByRole('dialog')).toBeInTheDocument()
  expect(await writesOf(requests)).toEqual([])
})

test('Save is disabled until something changes, and Cancel closes without a request', async () => {
  const number = givenNumber({ nickname: 'Front Office', inbound: 'agv_front_desk_3' })
  const { user } = renderApp()
  await findRow(number)
  const requests = recordRequests()
  const dialog = await openEdit(user, number)
  expect(within(dialog).getByRole('button', { name: 'Save' })).toBeDisabled()
  await choose(user, 'Outbound agent', 'Survey Caller')
  expect(within(dialog).getByRole('button', { name: 'Save' })).toBeEnabled()
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  expect(await writesOf(requests)).toEqual([])
  expect(cellsOf(await findRow(number)).outbound).toHaveTextContent('None')
})

test("the server's field errors appear under the field, in its own words", async () => {
  const number = givenNumber({ nickname: 'Front Office', label: 'cc-4410' })
  const { user } = renderApp()
  const dialog = await openEdit(user, number)
  const label = within(dialog).getByRole('textbox', { name: 'Label' })
  await user.clear(label)
  await user.type(label, 'cc-1')
  server.use(
    http.patch(
      '*/v1/phone-numbers/:id',
      () =>
        HttpResponse.json(
          {
            error: {
              code: 'validation_failed',
              message: 'label is reserved',
              details: [{ field: 'label', message: 'this label is reserved' }],
            },
          },
          { status: 400 },
        ),
      { once: true },
    ),
  )
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  expect(await within(dialog).findByText('this label is reserved')).toBeInTheDocument()
  expect(within(dialog).getByRole('alert')).toHaveTextContent(
    'label change failed and was not applied: label is reserved',
  )
  expect(label).toHaveValue('cc-1')
})
