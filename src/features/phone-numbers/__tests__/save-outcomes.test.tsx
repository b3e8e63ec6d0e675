import { onlineManager } from '@tanstack/react-query'
import { act, screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { server, testBackend } from '@/mocks/node'
import { anotherAdminChanges, storedNumber } from '@/testing/builders'
import { cellsOf, findRow } from '@/testing/numbers-table'
import { writesOf } from '@/testing/record-requests'
import { choose, editNewNumber, retype } from '@/testing/user-actions'

afterEach(() => onlineManager.setOnline(true))

/** PATCHes wait until `release` is called, then answer as `answer` says (undefined: the demo backend answers). */
function holdPatches(answer?: () => Response) {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  server.use(
    http.patch('*/v1/phone-numbers/:id', async () => {
      await released
      return answer?.()
    }),
  )
  return release
}

test('a save whose dialog was closed mid-way still reports its failure, and Edit again brings the input back', async () => {
  const { user, number, dialog } = await editNewNumber({ nickname: 'Front Office' })
  await retype(user, dialog, 'Nickname', 'Renamed while failing')
  const release = holdPatches(() =>
    HttpResponse.json({ error: { code: 'validation_failed', message: 'Nickname is reserved.' } }, { status: 400 }),
  )
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  await user.keyboard('{Escape}')
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  expect(await screen.findByText('Saving Front Office…')).toBeInTheDocument()

  release()
  const notice = await screen.findByRole('alert')
  expect(notice).toHaveTextContent('Front Office was not saved in full.')
  expect(notice).toHaveTextContent('Nickname change failed and was not applied: Nickname is reserved.')
  await user.click(within(notice).getByRole('button', { name: 'Edit again' }))
  const reopened = await screen.findByRole('dialog')
  expect(within(reopened).getByRole('textbox', { name: 'Nickname' })).toHaveValue('Renamed while failing')
  expect(within(reopened).getByText('Nickname: “Front Office” → “Renamed while failing”')).toBeInTheDocument()
  expect(storedNumber(number).nickname).toBe('Front Office')
})

test('a slow save whose dialog was closed still says Saved', async () => {
  const { user, number, dialog } = await editNewNumber({ nickname: 'Front Office' })
  await retype(user, dialog, 'Nickname', 'Slow but saved')
  const release = holdPatches()
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  await user.keyboard('{Escape}')
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  release()
  expect(
    await screen.findByText('Saved Front Office: Nickname: “Front Office” → “Slow but saved”.'),
  ).toBeInTheDocument()
  expect(cellsOf(await findRow(number)).nickname).toHaveTextContent('Slow but saved')
})

test('a save queued offline stays visible after the dialog closes, and Cancel save means nothing is sent', async () => {
  const { user, number, requests, dialog } = await editNewNumber({ nickname: 'Front Office' })
  await retype(user, dialog, 'Nickname', 'Never sent')
  act(() => onlineManager.setOnline(false))
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  expect(await within(dialog).findByText(/The save will be sent when the connection returns/)).toBeInTheDocument()
  await user.keyboard('{Escape}')
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())

  const waiting = within(
    await screen
      .findByText('Waiting for the connection to save Front Office.')
      .then((text) => text.closest<HTMLElement>('.toast')!),
  )
  // Until it ends, the save's notice cannot be dismissed: its outcome is still to come.
  expect(waiting.queryByRole('button', { name: 'Dismiss' })).not.toBeInTheDocument()
  await user.click(waiting.getByRole('button', { name: 'Cancel save' }))
  // Said at once, while still offline.
  expect(await screen.findByText('The save of Front Office was cancelled: nothing will be sent.')).toBeInTheDocument()
  expect(screen.queryByText(/Waiting for the connection/)).not.toBeInTheDocument()
  act(() => onlineManager.setOnline(true))
  expect(await writesOf(requests)).toEqual([])
  expect(storedNumber(number).nickname).toBe('Front Office')
})

test('in the dialog, a save queued offline can be cancelled and the input stays', async () => {
  const { user, number, requests, dialog } = await editNewNumber({ nickname: 'Front Office' })
  await retype(user, dialog, 'Nickname', 'Kept, not sent')
  act(() => onlineManager.setOnline(false))
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  await user.click(await within(dialog).findByRole('button', { name: 'Cancel save' }))
  expect(within(dialog).getByRole('textbox', { name: 'Nickname' })).toHaveValue('Kept, not sent')
  expect(within(dialog).getByRole('button', { name: 'Save' })).not.toHaveAttribute('aria-disabled')
  act(() => onlineManager.setOnline(true))
  await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Cancel' })).toBeEnabled())
  expect(await writesOf(requests)).toEqual([])
  expect(storedNumber(number).nickname).toBe('Front Office')
})

test('focus stays on Save while the save runs and after it fails, never on the page body', async () => {
  const { user, dialog } = await editNewNumber({ nickname: 'Front Office' })
  const field = await retype(user, dialog, 'Nickname', 'Focus kept')
  const release = holdPatches(() =>
    HttpResponse.json({ error: { code: 'validation_failed', message: 'Nickname is reserved.' } }, { status: 400 }),
  )
  expect(field).toHaveFocus()
  await user.keyboard('{Enter}')
  const save = within(dialog).getByRole('button', { name: 'Saving…' })
  expect(save).toHaveFocus()
  expect(save).toHaveAttribute('aria-disabled', 'true')
  release()
  expect(await within(dialog).findByRole('alert')).toHaveTextContent('Nickname is reserved.')
  expect(within(dialog).getByRole('button', { name: 'Save' })).toHaveFocus()
})

test('Escape with unsaved changes asks first; Keep editing keeps them', async () => {
  const { user, dialog } = await editNewNumber({ nickname: 'Front Office' })
  await choose(user, 'Outbound agent', 'Outbound Sales')
  await user.keyboard('{Escape}')
  await within(dialog).findByRole('alertdialog', { name: /Discard your changes\?/ })
  // Escape again answers the question with Keep editing.
  await user.keyboard('{Escape}')
  await waitFor(() => expect(within(dialog).queryByRole('alertdialog')).not.toBeInTheDocument())
  await user.keyboard('{Escape}')
  const question = await within(dialog).findByRole('alertdialog', { name: /Discard your changes\?/ })
  await user.click(within(question).getByRole('button', { name: 'Keep editing' }))
  expect(screen.getByRole('dialog')).toBeInTheDocument()
  expect(within(dialog).getByRole('combobox', { name: 'Outbound agent' })).toHaveTextContent('Outbound Sales')
})

test('opening the dialog reads the number again, so a change made since the list loaded shows', async () => {
  const { user, number } = await editNewNumber({ nickname: 'Front Office' })
  await user.keyboard('{Escape}')
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  // Another admin renames it; the cached list does not know.
  testBackend.workspace.patchPhoneNumber(number.id, { nickname: 'Renamed elsewhere' })
  await user.click(within(await findRow(number)).getByRole('button', { name: 'Edit Front Office' }))
  const dialog = await screen.findByRole('dialog')
  await waitFor(() =>
    expect(within(dialog).getByRole('textbox', { name: 'Nickname' })).toHaveValue('Renamed elsewhere'),
  )
})

test('a save waiting out a 429 says so on its button', async () => {
  const { user, number, dialog } = await editNewNumber({ nickname: 'Front Office' })
  await retype(user, dialog, 'Nickname', 'After the wait')
  server.use(
    http.patch(
      '*/v1/phone-numbers/:id',
      () =>
        HttpResponse.json(
          { error: { code: 'rate_limited', message: 'Too many requests' } },
          { status: 429, headers: { 'Retry-After': '1' } },
        ),
      { once: true },
    ),
  )
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  expect(await within(dialog).findByRole('button', { name: 'Rate-limited: retrying in 1 s…' })).toBeInTheDocument()
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  expect(storedNumber(number).nickname).toBe('After the wait')
})

/** Front Office renamed to "First", its dialog closed while the PATCH is held, and the number opened again. */
async function editAgainWhileEarlierSaveRuns() {
  const { user, number, dialog, queryClient } = await editNewNumber({ nickname: 'Front Office' })
  await retype(user, dialog, 'Nickname', 'First')
  const release = holdPatches()
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  await user.keyboard('{Escape}')
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())

  await user.click(within(await findRow(number)).getByRole('button', { name: 'Edit Front Office' }))
  const again = await screen.findByRole('dialog')
  return { user, number, again, release, queryClient }
}

test('an earlier save of the number landing while the user edits the same field again is theirs, not "someone else"', async () => {
  const { user, number, again, release } = await editAgainWhileEarlierSaveRuns()
  await retype(user, again, 'Nickname', 'Second')
  release()
  await waitFor(() => expect(within(again).getByRole('button', { name: 'Save' })).not.toHaveAttribute('aria-disabled'))
  expect(storedNumber(number).nickname).toBe('First')
  expect(within(again).queryByText(/Someone else changed this number/)).not.toBeInTheDocument()
  expect(within(again).getByRole('listitem')).toHaveTextContent('Nickname: “First” → “Second”')
})

test('someone else’s change read in by an earlier save’s refusal is said in the dialog opened again, not taken as that save’s', async () => {
  const { user, number, again, release } = await editAgainWhileEarlierSaveRuns()
  anotherAdminChanges(number, { nickname: 'Theirs' })
  await retype(user, again, 'Nickname', 'Second')
  // The held PATCH now meets the other admin's change: 409, and the save reads the number again.
  release()
  expect(
    await within(again).findByText(/Nickname changed to “Theirs” since you opened this number\. You changed it too/),
  ).toBeInTheDocument()
  expect(storedNumber(number).nickname).toBe('Theirs')
})

test('an earlier save that ended without changing the number does not hide a later change by someone else', async () => {
  const { user, number, again, release, queryClient } = await editAgainWhileEarlierSaveRuns()
  await retype(user, again, 'Nickname', 'Second')
  server.use(
    http.patch('*/v1/phone-numbers/:id', () =>
      HttpResponse.json({ error: { code: 'validation_failed', message: 'Nickname is reserved.' } }, { status: 400 }),
    ),
  )
  release()
  await waitFor(() => expect(within(again).getByRole('button', { name: 'Save' })).not.toHaveAttribute('aria-disabled'))
  // Another tab's change, read in when the list is read again.
  anotherAdminChanges(number, { nickname: 'Theirs' })
  await act(() => queryClient.invalidateQueries())
  expect(
    await within(again).findByText(/Nickname changed to “Theirs” since you opened this number/),
  ).toBeInTheDocument()
})

test('leaving or reloading the page with unsaved changes asks first (the browser’s own question)', async () => {
  const { user, dialog } = await editNewNumber({ nickname: 'Front Office' })
  const leave = () => {
    const event = new Event('beforeunload', { cancelable: true })
    window.dispatchEvent(event)
    return event.defaultPrevented
  }
  expect(leave()).toBe(false)
  await retype(user, dialog, 'Nickname', 'Not saved yet')
  expect(leave()).toBe(true)
})

test('a second save of a number waits until its earlier save (from a closed dialog) has ended', async () => {
  const { user, number, again, release } = await editAgainWhileEarlierSaveRuns()
  await retype(user, again, 'Label', 'second')
  expect(within(again).getByText(/An earlier save of this number is still running/)).toBeInTheDocument()
  expect(within(again).getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true')
  release()
  // Once it has ended, the dialog shows the number as saved and only the label is left to send.
  await waitFor(() => expect(within(again).getByRole('button', { name: 'Save' })).not.toHaveAttribute('aria-disabled'))
  expect(within(again).getByRole('listitem')).toHaveTextContent('Label: none → “second”')
  await user.click(within(again).getByRole('button', { name: 'Save' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  expect(storedNumber(number)).toMatchObject({ nickname: 'First', label: 'second' })
})
