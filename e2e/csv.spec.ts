import { expect, test } from '@playwright/test'
import Papa from 'papaparse'
import { axeViolations } from './support/axe'
import { exportCsvOfView } from './support/csv-files'
import { demoBackend, modelView } from './support/demo-backend'
import { MAIN_SUPPORT_LINE, modelNumber, openPhoneNumbersPage, recordWrites } from './support/phone-numbers'

test('Export CSV of a filtered view of 2,000+ numbers: every number of the view, once, in its order', async ({
  page,
}) => {
  // Seeding, 30 pages and the comparison with the model: slow on a busy 2-core machine.
  test.slow()
  await page.goto('/?numbers=6000&latency=0&status=active&sort=nickname&order=desc')
  const summary = page.getByText(/^[\d,]+ numbers · showing 1–50$/)
  await expect(summary).toBeVisible({ timeout: 15_000 })
  const expected = (await modelView(page, { status: 'active', sort: 'nickname', order: 'desc' })).map((n) => n.id)
  expect(expected.length).toBeGreaterThan(2000)

  const text = await exportCsvOfView(page, expected.length)
  expect(text.startsWith('\uFEFFid,phone_number,nickname,label,status,')).toBe(true)
  expect(text.endsWith('\r\n')).toBe(true)
  const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data
  // Compared by count and first difference: a diff of two 5,000-item arrays would take minutes to print.
  expect(rows).toHaveLength(expected.length)
  expect(rows.findIndex((row, index) => row.id !== expected[index])).toBe(-1)
  expect(new Set(rows.map((row) => row.status))).toEqual(new Set(['active']))
  // Agents by name and version number, never a raw id where the catalog knows it.
  expect(rows.some((row) => row.inbound_agent !== '' && /^\d+$/.test(row.inbound_version!))).toBe(true)
  expect(rows.every((row) => !row.inbound_version!.startsWith('agv_'))).toBe(true)
  // No cell (but an E.164 phone number) starts with a character a spreadsheet would run.
  // One assertion over every cell: an expect per cell (100,000 of them) would make the test crawl.
  const runnable = rows.flatMap((row) =>
    Object.entries(row).filter(([column, value]) => column !== 'phone_number' && /^[=+\-@]/.test(value)),
  )
  expect(runnable).toEqual([])
})

const goodLine = (e164: string, nickname: string, label: string) => `${e164};${nickname};${label}`

test('Import CSV: the preview lists changes and unusable lines, Apply changes the server, axe finds nothing', async ({
  page,
}) => {
  // Two axe runs over the open dialog.
  test.slow()
  await openPhoneNumbersPage(page)
  const [first, second, third] = (await demoBackend(page, 'allNumbers')).slice(1, 4)
  const file = [
    'phone_number;nickname;label',
    goodLine(`'${MAIN_SUPPORT_LINE.e164}`, 'Support (imported)', '=cc-4410'),
    goodLine(first!.phone_number, first!.nickname ?? '', first!.label ?? ''),
    goodLine(second!.phone_number, '<script>alert(1)</script>', ''),
    goodLine('+16285550199', 'Nobody', 'x'),
    goodLine('not a number', 'x', 'y'),
    goodLine(third!.phone_number, 'x'.repeat(300), ''),
    goodLine(second!.phone_number, 'Again', ''),
  ].join('\r\n')
  const writes = recordWrites(page)

  await page.getByRole('button', { name: 'Import CSV' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import CSV' })
  await dialog
    .getByLabel('CSV file')
    .setInputFiles({ name: 'renames.csv', mimeType: 'text/csv', buffer: Buffer.from(file) })
  await expect(dialog.getByText('2 changes · 1 line already matches · 4 lines cannot be used')).toBeVisible()
  const changes = dialog.getByRole('region', { name: 'Changes' }).locator('tbody tr')
  await expect(changes).toHaveCount(2)
  await expect(changes.nth(0)).toContainText('Main Support Line → Support (imported)')
  await expect(changes.nth(0)).toContainText('cc-4410 → =cc-4410')
  await expect(changes.nth(1)).toContainText('<script>alert(1)</script>')
  const problems = dialog.getByRole('region', { name: 'Lines that cannot be used' }).getByRole('listitem')
  await expect(problems).toHaveText([
    'Line 5: Unknown number: +1 628 555 0199 is not in this workspace.',
    'Line 6: Not a phone number: “not a number”.',
    'Line 7: Nickname too long: 300 characters, at most 255.',
    /^Line 8: Duplicate number: .* is on line 4 already \(that line is used\)\.$/,
  ])
  expect(await axeViolations(page)).toEqual([])
  expect(writes).toEqual([])

  await dialog.getByRole('button', { name: 'Apply 2 changes' }).click()
  await expect(dialog.getByText(/^Changes applied: 2 changed, 0 unchanged\.$/)).toBeVisible()
  expect(await modelNumber(page, MAIN_SUPPORT_LINE.e164)).toMatchObject({
    nickname: 'Support (imported)',
    label: '=cc-4410',
  })
  expect(await modelNumber(page, second!.phone_number)).toMatchObject({
    nickname: '<script>alert(1)</script>',
    label: null,
  })
  expect(await modelNumber(page, first!.phone_number)).toMatchObject({ nickname: first!.nickname, label: first!.label })
  expect(writes.map((w) => w.method)).toEqual(['PATCH', 'PATCH'])
  expect(await axeViolations(page)).toEqual([])
})

test('the support persona can import nicknames but is offered no routing actions', async ({ page }) => {
  await openPhoneNumbersPage(page)
  await page.getByLabel('Demo persona').selectOption('demo_support')
  await page.getByRole('button', { name: 'Import CSV' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import CSV' })
  await dialog.getByLabel('CSV file').setInputFiles({
    name: 'support.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`phone_number,nickname\n${MAIN_SUPPORT_LINE.e164},Help Desk\n`),
  })
  await dialog.getByRole('button', { name: 'Apply 1 change' }).click()
  await expect(dialog.getByText(/^Changes applied: 1 changed/)).toBeVisible()
  expect((await modelNumber(page, MAIN_SUPPORT_LINE.e164)).nickname).toBe('Help Desk')
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByRole('button', { name: /^Change routing/ })).toHaveCount(0)
  await expect(page.getByRole('button', { name: /Move .* numbers/ })).toHaveCount(0)
})
