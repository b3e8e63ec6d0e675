import { screen, waitFor, within } from '@testing-library/react'
import Papa from 'papaparse'
import { resetTestBackend, server, testBackend } from '@/mocks/node'
import { givenNumber } from '@/testing/builders'
import { catchDownloads } from '@/testing/downloads'
import { listQueriesOf, recordRequests } from '@/testing/record-requests'
import { renderApp } from '@/testing/render-app'
import { findSelectionRegion } from '@/testing/user-actions'

test('Export CSV writes every page of the view (its search and sort), at the largest page size', async () => {
  for (let i = 0; i < 3; i += 1) givenNumber({ nickname: `Clinic ${i}`, label: i === 0 ? '=cmd|calc' : null })
  window.history.replaceState(null, '', '/?q=clinic&sort=nickname&order=desc')
  const files = catchDownloads()
  const requests = recordRequests()
  const { user } = renderApp()
  await user.click(await screen.findByRole('button', { name: 'Export CSV' }))
  expect(await screen.findByText(/^Exported \d+ numbers\.$/)).toBeVisible()
  await waitFor(() => expect(files).toHaveLength(1))
  expect(files[0]!.name).toMatch(/^phone-numbers-clinic-\d{4}-\d\d-\d\d-\d{4}\.csv$/)

  const rows = Papa.parse<Record<string, string>>(await files[0]!.text, { header: true, skipEmptyLines: true }).data
  const expected = testBackend.workspace.listPhoneNumbers(
    new URLSearchParams({ search: 'clinic', sort: 'nickname', order: 'desc', limit: '200' }),
  )
  expect(rows.map((r) => r.id)).toEqual(expected.data.map((n) => n.id))
  expect(rows.find((r) => r.nickname === 'Clinic 0')?.label).toBe("'=cmd|calc")
  const exportRequests = listQueriesOf(requests).filter((q) => q.limit === '200')
  expect(exportRequests).toEqual([{ page: '1', limit: '200', sort: 'nickname', order: 'desc', search: 'clinic' }])
  window.history.replaceState(null, '', '/')
})

test('the Selection region exports the selected numbers only', async () => {
  const picked = [givenNumber({ nickname: 'Picked A' }), givenNumber({ nickname: 'Picked B' })]
  givenNumber({ nickname: 'Not picked' })
  const files = catchDownloads()
  const { user } = renderApp()
  for (const number of picked)
    await user.click(await screen.findByRole('checkbox', { name: `Select ${number.nickname}` }))
  const region = await findSelectionRegion()
  await user.click(within(region).getByRole('button', { name: 'Export CSV' }))
  await waitFor(() => expect(files).toHaveLength(1))
  expect(files[0]!.name).toMatch(/^phone-numbers-selection-/)
  const rows = Papa.parse<Record<string, string>>(await files[0]!.text, { header: true, skipEmptyLines: true }).data
  expect(rows.map((r) => r.nickname)).toEqual(['Picked A', 'Picked B'])
})

test('an export of a view that other admins keep reordering says that a number may be missing', async () => {
  resetTestBackend({ numbers: 450 })
  window.history.replaceState(null, '', '/?sort=updated_at')
  // At every page the export asks for, another admin renames the view's first number: it moves to the end.
  const renameFirst = ({ request }: { request: Request }) => {
    const url = new URL(request.url)
    if (url.pathname !== '/v1/phone-numbers' || url.searchParams.get('limit') !== '200') return
    const [first] = testBackend.workspace.listPhoneNumbers(new URLSearchParams({ sort: 'updated_at', limit: '1' })).data
    testBackend.workspace.changeAsAnotherAdmin(first!.id, {
      nickname: `Renamed at page ${url.searchParams.get('page')}`,
    })
  }
  server.events.on('request:start', renameFirst)
  onTestFinished(() => server.events.removeListener('request:start', renameFirst))
  const files = catchDownloads()
  const { user } = renderApp()
  await user.click(await screen.findByRole('button', { name: 'Export CSV' }))
  expect(
    await screen.findByText(
      /^Exported 450 numbers\. Other admins kept changing this view while it was exported: a number they moved may be missing\. Export again to be sure\.$/,
    ),
  ).toBeVisible()
  await waitFor(() => expect(files).toHaveLength(1))
  window.history.replaceState(null, '', '/')
})
