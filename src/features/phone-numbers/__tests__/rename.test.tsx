import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { server } from '@/mocks/node'
import { givenNumber, storedNumber } from '@/testing/builders'
import { cellsOf, findRow, formatted } from '@/testing/numbers-table'
import { writesOf } from '@/testing/record-requests'
import { renderApp } from '@/testing/render-app'
import { choose, editNewNumber, openEdit, retype, saveAndWaitForClose } from '@/testing/user-actions'

test('renaming and clearing a nickname send one PATCH each with only the changed field', async () => {
  const { user, number, requests, dialog } = await editNewNumber({ nickname: 'Front Office', label: 'cc-4410' })
  await retype(user, dialog, 'Nickname', '  Front Line  ')
  expect(within(dialog).getByRole('listitem')).toHaveTextContent('Nickname: “Front Office” → “Front Line”')
  await saveAndWaitForClose(user, dialog)
  expect(cellsOf(await findRow(number)).nickname).toHaveTextContent('Front Line')
  const renamedAt = storedNumber(number).updated_at

  const renamed = await openEdit(user, { ...number, nickname: 'Front Line' })
  await user.clear(within(renamed).getByRole('textbox', { name: 'Nickname' }))
  expect(within(renamed).getByRole('listitem')).toHaveTextContent('Nickname: “Front Line” → cleared')
  await saveAndWaitForClose(user, renamed)
  const row = await findRow(number)
  expect(cellsOf(row).nickname).toHaveTextContent('No nickname')
  expect(cellsOf(row).nickname).toHaveTextContent('Label: cc-4410')
  // Without a nickname the row is named by its number as shown.
  expect(within(row).getByRole('button', { name: `Edit ${formatted(number.phone_number)}` })).toBeInTheDocument()
  expect(storedNumber(number)).toMatchObject({ nickname: null, label: 'cc-4410' })

  expect(await writesOf(requests)).toEqual([
    {
      method: 'PATCH',
      path: `/v1/phone-numbers/${number.id}`,
      body: { nickname: 'Front Line', expected_updated_at: number.updated_at },
    },
    // The second save is conditional on the number as the first left it.
    {
      method: 'PATCH',
      path: `/v1/phone-numbers/${number.id}`,
      body: { nickname: null, expected_updated_at: renamedAt },
    },
  ])
})

test('a 256-character nickname is refused before anything is sent', async () => {
  const { user, number, requests, dialog } = await editNewNumber({ nickname: 'Front Office' })
  const nickname = within(dialog).getByRole('textbox', { name: 'Nickname' })
  await user.clear(nickname)
  await user.click(nickname)
  await user.paste('x'.repeat(256))
  expect(
    await within(dialog).findByText('Nickname can be at most 255 characters; this one has 256.'),
  ).toBeInTheDocument()
  expect(nickname).toHaveAttribute('aria-invalid', 'true')
  expect(nickname).toHaveAccessibleDescription('Nickname can be at most 255 characters; this one has 256.')
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  expect(screen.getByRole('dialog')).toBeInTheDocument()
  expect(nickname).toHaveValue('x'.repeat(256))

  // 255 is allowed again.
  await user.type(nickname, '{Backspace}')
  await waitFor(() => expect(nickname).not.toHaveAttribute('aria-invalid', 'true'))
  expect(within(dialog).queryByText(/Nickname can be at most 255 characters/)).not.toBeInTheDocument()
  expect(await writesOf(requests)).toEqual([])
  expect(storedNumber(number).nickname).toBe('Front Office')
})

test('Save is disabled until something changes, and Cancel asks, then closes without a request', async () => {
  const { user, number, requests, dialog } = await editNewNumber({
    nickname: 'Front Office',
    inbound: 'agv_front_desk_3',
  })
  expect(within(dialog).getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true')
  await choose(user, 'Outbound agent', 'Survey Caller')
  expect(within(dialog).getByRole('button', { name: 'Save' })).not.toHaveAttribute('aria-disabled')
  // Unsaved changes are not dropped without asking.
  await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
  const question = within(dialog).getByRole('alertdialog', { name: /Discard your changes\?/ })
  expect(within(question).getByRole('button', { name: 'Keep editing' })).toHaveFocus()
  await user.click(within(question).getByRole('button', { name: 'Discard changes' }))
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  expect(await writesOf(requests)).toEqual([])
  expect(cellsOf(await findRow(number)).outbound).toHaveTextContent('None')

  // Reopening starts from the number as it is, not from the cancelled choices.
  const reopened = await openEdit(user, number)
  expect(within(reopened).getByRole('combobox', { name: 'Outbound agent' })).toHaveTextContent('None')
  expect(within(reopened).getByRole('textbox', { name: 'Nickname' })).toHaveValue('Front Office')
})

test("the server's field errors appear under the field, in its own words", async () => {
  const number = givenNumber({ nickname: 'Front Office', label: 'cc-4410' })
  const { user } = renderApp()
  const dialog = await openEdit(user, number)
  const label = await retype(user, dialog, 'Label', 'cc-1')
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
    'Label change failed and was not applied: label is reserved',
  )
  expect(label).toHaveValue('cc-1')
})

test('a right-to-left nickname or label keeps its own order in the page’s sentences (isolated); controls are named by it as it is', async () => {
  // Unisolated, "مكتب 2" ending a sentence's subject pulls the digit and the colon after it into its own order.
  const { user, dialog } = await editNewNumber({ nickname: 'مكتب 2', label: 'cc-1' })
  await retype(user, dialog, 'Label', 'عيادة 3')
  expect(within(dialog).getByRole('listitem')).toHaveTextContent('Label: “cc-1” → “\u2068عيادة 3\u2069”')
  await saveAndWaitForClose(user, dialog)
  expect(await screen.findByRole('status')).toHaveTextContent(
    'Saved \u2068مكتب 2\u2069: Label: “cc-1” → “\u2068عيادة 3\u2069”.',
  )
  expect(screen.getByRole('button', { name: 'Edit مكتب 2' })).toBeInTheDocument()
})
