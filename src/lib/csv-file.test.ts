import Papa from 'papaparse'
import { csvBlob, csvFileName, downloadBlob, inertCell } from '@/lib/csv-file'
import { csvLines, csvText } from '@/lib/csv-text'

const header = ['id', 'phone_number', 'nickname', 'label']

test('RFC 4180: quotes only where needed, doubles quotes, CRLF after every line', () => {
  const text = csvText(header, [
    ['phn_1', '+14155550123', 'Main, "Support"', 'two\nlines'],
    ['phn_2', '+442079460123', null, undefined],
  ])
  expect(text).toBe(
    'id,phone_number,nickname,label\r\n' +
      'phn_1,+14155550123,"Main, ""Support""","two\nlines"\r\n' +
      'phn_2,+442079460123,,\r\n',
  )
})

test('text written in slices is the concatenation of its slices', () => {
  const rows = [
    ['phn_1', '+14155550123', 'A', 'x'],
    ['phn_2', '+14155550124', 'B', 'y'],
    ['phn_3', '+14155550125', 'C', 'z'],
  ]
  expect(csvText(header, rows.slice(0, 1)) + csvLines(header, rows.slice(1))).toBe(csvText(header, rows))
  expect(csvLines(header, [])).toBe('')
})

test('cells that would run as formulas are made inert; the phone number of + and digits is not', () => {
  expect(inertCell('=HYPERLINK("http://evil.example")', 'nickname')).toBe('\'=HYPERLINK("http://evil.example")')
  expect(inertCell('+1+1', 'nickname')).toBe("'+1+1")
  expect(inertCell('-2', 'label')).toBe("'-2")
  expect(inertCell('@SUM(A1)', 'label')).toBe("'@SUM(A1)")
  expect(inertCell('\tcmd', 'label')).toBe("'\tcmd")
  expect(inertCell('+14155550123', 'phone_number')).toBe('+14155550123')
  // Only + and digits are exempt, and only in the phone number column.
  expect(inertCell('+1415=cmd', 'phone_number')).toBe("'+1415=cmd")
  expect(inertCell('+14155550123', 'nickname')).toBe("'+14155550123")
  expect(inertCell('Front Desk = v2', 'nickname')).toBe('Front Desk = v2')
  expect(inertCell(null)).toBe('')
  expect(inertCell(3)).toBe('3')
})

test('a spreadsheet reading the file back gets every value, inert ones with their prefix', () => {
  const nasty = ['=1+1', 'a "quoted"\r\nline', ' padded ', 'semi;colon', '<img src=x onerror=alert(1)>']
  const text = csvText(
    ['nickname'],
    nasty.map((value) => [value]),
  )
  const parsed = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true })
  expect(parsed.errors).toEqual([])
  expect(parsed.data.slice(1).map((row) => row[0])).toEqual(["'=1+1", ...nasty.slice(1)])
})

test('the file name says what and when, in local time', () => {
  expect(csvFileName('Phone numbers: status active', new Date(2026, 11, 1, 14, 5))).toBe(
    'phone-numbers-status-active-2026-12-01-1405.csv',
  )
  expect(csvFileName('***', new Date(2026, 0, 2, 3, 4))).toBe('export-2026-01-02-0304.csv')
})

test('downloadBlob of a csvBlob hands the browser a UTF-8 file with a byte order mark, under the given name', async () => {
  const blobs: Blob[] = []
  const createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob)
    return 'blob:test/1'
  })
  const revokeObjectURL = vi.fn()
  // A subclass, so the real URL (shared with the other logic tests of this worker) keeps no stub.
  vi.stubGlobal('URL', Object.assign(class extends URL {}, { createObjectURL, revokeObjectURL }))
  const clicked: { name: string; href: string }[] = []
  // Restored after the test (restoreMocks), as the stubbed URL is (unstubGlobals).
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ name: this.download, href: this.href })
  })
  downloadBlob('numbers.csv', csvBlob(['id\r\nphn_1\r\n']))
  expect(clicked).toEqual([{ name: 'numbers.csv', href: 'blob:test/1' }])
  expect(blobs[0]?.type).toBe('text/csv;charset=utf-8')
  const bytes = new Uint8Array(await blobs[0]!.arrayBuffer())
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  expect(new TextDecoder().decode(bytes.slice(3))).toBe('id\r\nphn_1\r\n')
  expect(document.querySelector('a[download]')).toBeNull()
})
