import { screen, waitFor, within } from '@testing-library/react'
import { givenKey, givenNumber, storedNumber } from '@/testing/builders'
import { cellsOf, findRow } from '@/testing/numbers-table'
import { recordRequests, writesOf } from '@/testing/record-requests'
import { renderApp } from '@/testing/render-app'

async function openImport() {
  const rendered = renderApp()
  await rendered.user.click(await screen.findByRole('button', { name: 'Import CSV' }))
  const dialog = await screen.findByRole('dialog', { name: 'Import CSV' })
  return { ...rendered, dialog }
}

const csvFile = (text: string, name = 'renames.csv') => new File([text], name, { type: 'text/csv' })

test('the preview lists only what would change and every line it cannot use; Apply sends one PATCH per change', async () => {
  const renamed = givenNumber({ nickname: 'Front Office', label: 'cc-1' })
  const cleared = givenNumber({ nickname: 'Old IVR', label: 'keep' })
  const same = givenNumber({ nickname: 'Same', label: 'same' })
  const requests = recordRequests()
  const { user, dialog } = await openImport()
  const national = `(${renamed.phone_number.slice(2, 5)}) ${renamed.phone_number.slice(5, 8)}-${renamed.phone_number.slice(8)}`
  const file = [
    '\uFEFFphone_number;nickname;label',
    `${national};"Front\r\nDesk";cc-1`,
    `'${cleared.phone_number};;keep`,
    `${same.phone_number};Same;same`,
    '+16285559999;Ghost;x',
    'call me;Nobody;x',
    `${same.phone_number};Twice;x`,
    `${cleared.phone_number};ok;${'x'.repeat(256)}`,
    `${renamed.phone_number};<img src=x onerror=alert(1)>`,
  ].join('\r\n')
  await user.upload(within(dialog).getByLabelText('CSV file'), csvFile(file))

  expect(await within(dialog).findByText(/2 changes · 1 line already matches · 5 lines cannot be used/)).toBeVisible()
  const changes = within(within(dialog).getByRole('region', { name: 'Changes' }).querySelector('tbody')!).getAllByRole(
    'row',
  )
  expect(changes).toHaveLength(2)
  expect(changes[0]).toHaveTextContent(/^2.*Front Office → Front\s*Desk\s*unchanged$/)
  expect(changes[1]).toHaveTextContent(/^4.*Old IVR → none \(cleared\)\s*unchanged$/)
  const problems = within(within(dialog).getByRole('region', { name: 'Lines that cannot be used' })).getAllByRole(
    'listitem',
  )
  expect(problems.map((p) => p.textContent)).toEqual([
    'Line 6: Unknown number: +1 628 555 9999 is not in this workspace.',
    'Line 7: Not a phone number: “call me”.',
    expect.stringMatching(/^Line 8: Duplicate number: .* is on line 5 already \(that line is used\)\.$/) as string,
    'Line 9: Label too long: 256 characters, at most 255.',
    'Line 10: This line has 2 cells; the first line has 3.',
  ])
  // Markup in a cell is text, never markup.
  expect(document.querySelector('img')).toBeNull()
  expect((await writesOf(requests)).length).toBe(0)

  await user.click(within(dialog).getByRole('button', { name: 'Apply 2 changes' }))
  expect(await within(dialog).findByText(/^Changes applied: 2 changed/)).toBeVisible()
  expect(await writesOf(requests)).toEqual([
    {
      method: 'PATCH',
      path: `/v1/phone-numbers/${renamed.id}`,
      body: { nickname: 'Front\r\nDesk', expected_updated_at: renamed.updated_at },
    },
    {
      method: 'PATCH',
      path: `/v1/phone-numbers/${cleared.id}`,
      body: { nickname: null, expected_updated_at: cleared.updated_at },
    },
  ])
  expect(storedNumber(cleared)).toMatchObject({ nickname: null, label: 'keep' })
  expect(storedNumber(same)).toMatchObject({ nickname: 'Same', label: 'same' })
  await user.click(within(dialog).getByRole('button', { name: 'Close' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  expect(cellsOf(await findRow({ ...cleared, nickname: null })).nickname).toHaveTextContent('No nickname')
})

test('an applied import can be undone from its outcome', async () => {
  const number = givenNumber({ nickname: 'Before', label: 'L' })
  const { user, dialog } = await openImport()
  await user.upload(within(dialog).getByLabelText('CSV file'), csvFile(`id,nickname\n${number.id},After\n`))
  await user.click(await within(dialog).findByRole('button', { name: 'Apply 1 change' }))
  expect(await within(dialog).findByText(/^Changes applied: 1 changed/)).toBeVisible()
  expect(storedNumber(number).nickname).toBe('After')
  await user.click(within(dialog).getByRole('button', { name: 'Undo' }))
  await waitFor(() => expect(storedNumber(number)).toMatchObject({ nickname: 'Before', label: 'L' }))
})

test('a file the import cannot use says why, and another file can be chosen', async () => {
  const { user, dialog } = await openImport()
  const junk = new Uint8Array(4096).map((_, i) => (i * 31) % 256)
  await user.upload(within(dialog).getByLabelText('CSV file'), new File([junk], 'photo.csv'))
  expect(await within(dialog).findByRole('alert')).toHaveTextContent(/photo\.csv cannot be imported\. Not a CSV/)
  await user.upload(within(dialog).getByLabelText('CSV file'), csvFile('name,nickname\nx,y\n', 'names.csv'))
  expect(await within(dialog).findByRole('alert')).toHaveTextContent(
    'names.csv cannot be imported. No key column: the first line must name a phone_number or id column.',
  )
})

test('a support key may import; a read-only key is not offered Import CSV', async () => {
  givenKey(['numbers:read', 'numbers:write', 'agents:read'])
  const { unmount } = renderApp()
  expect(await screen.findByRole('button', { name: 'Import CSV' })).toBeInTheDocument()
  unmount()
  givenKey(['numbers:read', 'agents:read'], 'sk_test_readonly')
  renderApp()
  expect(await screen.findByRole('button', { name: 'Export CSV' })).toBeInTheDocument()
  expect(screen.queryByRole('button', { name: 'Import CSV' })).not.toBeInTheDocument()
})

test('closing the dialog gives focus back to Import CSV (it is not a Dialog.Trigger)', async () => {
  givenNumber({ nickname: 'Front Office' })
  const { user } = renderApp()
  const importButton = await screen.findByRole('button', { name: 'Import CSV' })
  importButton.focus()
  await user.keyboard('{Enter}')
  const dialog = await screen.findByRole('dialog', { name: 'Import CSV' })
  await waitFor(() => expect(dialog).toContainElement(document.activeElement as HTMLElement))
  await user.keyboard('{Escape}')
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
  await waitFor(() => expect(screen.getByRole('button', { name: 'Import CSV' })).toHaveFocus())
})
