import type { Locator, Page } from '@playwright/test'
import Papa from 'papaparse'
import { axeViolations } from '../support/axe'
import { EXPORT_HEADER_LINE, expectedExportRow, exportCsvOfView, serverAgents, serverView } from '../support/csv-files'
import { APPOINTMENT_LINE, MAIN_SUPPORT_LINE, TOLL_FREE } from '../support/phone-numbers'
import {
  anotherAdminOnServer,
  connect,
  expect,
  recordApiRequests,
  resetApi,
  serverNumber,
  test,
  TEST_KEYS,
  writesIn,
} from '../support/real-api'

/** A seeded number with nickname Billing Line and label cc-4420 (src/mocks/fixtures/curated-numbers.ts). */
const BILLING_LINE = '+14155550148'
/** London Reception, label uk-ops; in national format 020 7946 0123. */
const LONDON_RECEPTION = '+442079460123'

test('on a real server, Export CSV of a filtered view of 2,000+ numbers holds every number of the server’s list, agents by name, quoted', async ({
  page,
  request,
}) => {
  // 6,000 numbers seeded, 30 pages exported and every row compared: slow on a busy 2-core machine.
  test.setTimeout(120_000)
  await resetApi(request, { numbers: 6_000 })
  // Cells that need quoting or would run in a spreadsheet, set on the server by another client.
  await anotherAdminOnServer(request, MAIN_SUPPORT_LINE.e164, { nickname: 'Reception, "East" wing' })
  await anotherAdminOnServer(request, BILLING_LINE, {
    nickname: 'Night line\nafter 18:00',
    label: '=HYPERLINK("http://evil.example")',
  })
  await anotherAdminOnServer(request, APPOINTMENT_LINE.e164, { nickname: '@here', label: '-5 %' })
  const view = { status: 'active', sort: 'nickname', order: 'desc' }
  const expected = await serverView(request, view)
  expect(expected.length).toBeGreaterThan(2_000)
  const agents = await serverAgents(request)

  await connect(page, TEST_KEYS.admin)
  await page.goto(`/?${new URLSearchParams(view)}`)
  await expect(page.getByText(`${expected.length.toLocaleString('en-US')} numbers · showing 1–50`)).toBeVisible()
  const text = await exportCsvOfView(page, expected.length)
  expect(text.startsWith(`\uFEFF${EXPORT_HEADER_LINE}\r\n`)).toBe(true)
  expect(text.endsWith('\r\n')).toBe(true)
  // RFC 4180 as written: quotes doubled inside quoted cells, a line break kept inside its quotes, `'` before a formula.
  const line = (e164: string) => text.split('\r\n').find((l) => l.includes(`,${e164},`)) ?? ''
  expect(line(MAIN_SUPPORT_LINE.e164)).toContain(`,${MAIN_SUPPORT_LINE.e164},"Reception, ""East"" wing",cc-4410,`)
  expect(line(BILLING_LINE)).toContain(
    `,${BILLING_LINE},"Night line\nafter 18:00","'=HYPERLINK(""http://evil.example"")",`,
  )
  expect(line(APPOINTMENT_LINE.e164)).toContain(`,${APPOINTMENT_LINE.e164},'@here,'-5 %,active,`)

  const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data
  // Compared by count and first difference: a diff of two 5,000-item arrays would take minutes to print.
  expect(rows).toHaveLength(expected.length)
  const firstDifference = rows.findIndex(
    (row, index) => JSON.stringify(row) !== JSON.stringify(expectedExportRow(expected[index]!, agents)),
  )
  const difference = (index: number) => ({
    file: rows[index],
    expected: expectedExportRow(expected[index]!, agents),
    server: expected[index],
  })
  expect(firstDifference === -1 ? null : difference(firstDifference)).toBe(null)
  // The comparison covered what it must: agents by name and version number, archived agents and canaries among them.
  expect(
    rows.filter((row) => row.inbound_agent === 'Front Desk' && /^\d+$/.test(row.inbound_version!)).length,
  ).toBeGreaterThan(100)
  expect(rows.some((row) => row.inbound_agent === 'Legacy IVR (archived)')).toBe(true)
  expect(rows.some((row) => /^[A-Z].* v\d+ \d+%$/.test(row.canary!))).toBe(true)
})

const cellsOfRow = (row: Locator) => row.getByRole('cell')

/** Opens Import CSV and gives it a file (lines joined with CRLF); returns the dialog, where the preview follows. */
async function importFile(page: Page, name: string, lines: string[]): Promise<Locator> {
  await page.getByRole('button', { name: 'Import CSV' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import CSV' })
  await dialog
    .getByLabel('CSV file')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n') + '\r\n') })
  return dialog
}

test('on a real server, Import CSV previews only the changing lines and every unusable one, then Apply sends only those changes', async ({
  page,
  request,
}) => {
  // Two axe runs over the open dialog.
  test.slow()
  const before = await serverView(request, {})
  const sent = recordApiRequests(page)
  await connect(page, TEST_KEYS.admin)
  const dialog = await importFile(page, 'renames.csv', [
    'phone_number,nickname,label',
    /* 2 */ '+1 (415) 555-0123,"Reception, East",cc-4410',
    /* 3 */ `'${BILLING_LINE},Billing Line,cc-4420`,
    /* 4 */ '020 7946 0123,London Front Desk,',
    /* 5 */ '+16285550199,Nobody,x',
    /* 6 */ 'not a number,x,y',
    /* 7 */ `${TOLL_FREE.e164},${'x'.repeat(300)},`,
    /* 8 */ '+1 415 555 0123,Again,',
    /* 9 */ `${APPOINTMENT_LINE.e164},Appointments,"=cmd|' /C calc'!A0"`,
    // No nickname and label uk-ops already: an empty cell that clears what is already empty.
    /* 10 */ '0044 20 7946 0456,,uk-ops',
  ])

  await expect(dialog.getByText('3 changes · 2 lines already match · 4 lines cannot be used')).toBeVisible()
  const changes = dialog.getByRole('region', { name: 'Changes' }).locator('tbody tr')
  await expect(changes).toHaveCount(3)
  await expect(cellsOfRow(changes.nth(0))).toHaveText([
    '2',
    '+1 415 555 0123',
    'Main Support Line → Reception, East',
    'unchanged',
  ])
  await expect(cellsOfRow(changes.nth(1))).toHaveText([
    '4',
    '+44 20 7946 0123',
    'London Reception → London Front Desk',
    'uk-ops → none (cleared)',
  ])
  await expect(cellsOfRow(changes.nth(2))).toHaveText([
    '9',
    '+1 415 555 0172',
    'Appointment Line → Appointments',
    "cc-4410 → =cmd|' /C calc'!A0",
  ])
  await expect(dialog.getByRole('region', { name: 'Lines that cannot be used' }).getByRole('listitem')).toHaveText([
    'Line 5: Unknown number: +1 628 555 0199 is not in this workspace.',
    'Line 6: Not a phone number: “not a number”.',
    'Line 7: Nickname too long: 300 characters, at most 255.',
    'Line 8: Duplicate number: +1 415 555 0123 is on line 2 already (that line is used).',
  ])
  expect(await axeViolations(page)).toEqual([])
  expect(writesIn(sent), 'nothing is sent before Apply').toEqual([])

  await dialog.getByRole('button', { name: 'Apply 3 changes' }).click()
  await expect(dialog.getByText(/^Changes applied: 3 changed, 0 unchanged\.$/)).toBeVisible({ timeout: 15_000 })
  expect(await axeViolations(page)).toEqual([])

  // One PATCH per changing number, each with only what changes and conditional on what the preview read.
  const byPhone = new Map(before.map((n) => [n.phone_number, n]))
  const wanted = new Map([
    [MAIN_SUPPORT_LINE.e164, { nickname: 'Reception, East' }],
    [LONDON_RECEPTION, { nickname: 'London Front Desk', label: null }],
    [APPOINTMENT_LINE.e164, { nickname: 'Appointments', label: "=cmd|' /C calc'!A0" }],
  ])
  const expectedWrites = [...wanted].map(([e164, fields]) => {
    const number = byPhone.get(e164)!
    return {
      method: 'PATCH',
      path: `/v1/phone-numbers/${number.id}`,
      body: { ...fields, expected_updated_at: number.updated_at },
    }
  })
  const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path)
  expect(writesIn(sent).sort(byPath)).toEqual(expectedWrites.sort(byPath))

  // The server, number by number: the three changed, every other exactly as before (updated_at too): the
  // unchanged lines' numbers (Billing Line, and +44 20 7946 0456 without a nickname) and the bad lines' were not written.
  const after = await serverView(request, {})
  expect(after).toHaveLength(before.length)
  for (const number of after) {
    const old = byPhone.get(number.phone_number)!
    const fields = wanted.get(number.phone_number)
    if (!fields) {
      expect(number).toEqual(old)
      continue
    }
    const { updated_at: updatedAt, ...now } = number
    const { updated_at: updatedBefore, ...was } = old
    expect(now).toEqual({ ...was, ...fields })
    expect(updatedAt > updatedBefore).toBe(true)
  }
})

test('on a real server, a support key imports nicknames but is offered no routing action', async ({
  page,
  request,
}) => {
  await connect(page, TEST_KEYS.support)
  const dialog = await importFile(page, 'support.csv', ['phone_number,nickname', `${MAIN_SUPPORT_LINE.e164},Help Desk`])
  await dialog.getByRole('button', { name: 'Apply 1 change' }).click()
  await expect(dialog.getByText(/^Changes applied: 1 changed, 0 unchanged\.$/)).toBeVisible()
  expect((await serverNumber(request, MAIN_SUPPORT_LINE.e164)).nickname).toBe('Help Desk')
  await dialog.getByRole('button', { name: 'Close' }).click()

  // A selection offers a label, not routing.
  await page.getByRole('checkbox', { name: 'Select Appointment Line' }).check()
  const selection = page.getByRole('region', { name: 'Selection' })
  await expect(selection.getByRole('button', { name: 'Set label…' })).toBeVisible()
  await expect(selection.getByRole('button', { name: 'Change routing…' })).toHaveCount(0)
  // The agent usage region shows its counts (agents:read), without Move vN numbers….
  await page.goto('/?agent=agt_front_desk')
  const usage = page.getByRole('region', { name: 'Front Desk usage' })
  await expect(usage.getByRole('listitem').first()).toContainText(/v\d+ · [\d,]+ inbound/)
  await expect(page.getByRole('button', { name: /^Move .* numbers…$/ })).toHaveCount(0)
})
