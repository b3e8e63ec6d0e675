import { MAX_IMPORT_BYTES, readCsvFile } from '@/features/phone-numbers/jobs/read-csv-file'

const file = (parts: BlobPart[]) => new Blob(parts)

async function records(parts: BlobPart[]) {
  const result = await readCsvFile(file(parts))
  if (!result.ok) throw new Error(result.reason)
  return result.records
}

test('a byte order mark, CRLF, and line numbers that count quoted newlines', async () => {
  const text = '\uFEFFphone_number,nickname\r\n+14155550123,"two\r\nlines"\r\n\r\n+14155550124,"a ""quoted"" name"\r\n'
  expect(await records([text])).toEqual([
    { line: 1, cells: ['phone_number', 'nickname'] },
    { line: 2, cells: ['+14155550123', 'two\r\nlines'] },
    { line: 5, cells: ['+14155550124', 'a "quoted" name'] },
  ])
})

test('semicolons, as spreadsheets in much of Europe save', async () => {
  expect(await records(['phone_number;nickname;label\n+33142685300;Accueil, Paris;fr-1\n'])).toEqual([
    { line: 1, cells: ['phone_number', 'nickname', 'label'] },
    { line: 2, cells: ['+33142685300', 'Accueil, Paris', 'fr-1'] },
  ])
})

test('a large file is parsed in chunks, quoted newlines across chunk ends included, every record once', async () => {
  const lines = ['id,nickname']
  for (let i = 0; i < 20_000; i += 1) lines.push(`phn_${i},"Line ${i}\nsecond part ${'x'.repeat(i % 50)}"`)
  const read = await records([lines.join('\n') + '\n'])
  expect(read).toHaveLength(20_001)
  expect(read[12_345]).toEqual({ line: 2 * 12_345, cells: ['phn_12344', `Line 12344\nsecond part ${'x'.repeat(44)}`] })
  expect(read.at(-1)?.cells[0]).toBe('phn_19999')
})

test('Windows-1252 text (a spreadsheet on Windows) is read as such', async () => {
  const bytes = new Uint8Array([...new TextEncoder().encode('id,nickname\nphn_1,Caf'), 0xe9, 0x0a])
  expect((await records([bytes]))[1]?.cells).toEqual(['phn_1', 'Café'])
})

test('binary junk, an empty file, a file too large and an unclosed quote are refused in words', async () => {
  const junk = new Uint8Array(1024 * 1024)
  for (let i = 0; i < junk.length; i += 1) junk[i] = (i * 7919) % 256
  expect(await readCsvFile(file([junk]))).toEqual({ ok: false, reason: expect.stringMatching(/^Not a CSV/) as string })
  expect(await readCsvFile(file(['\n  \n']))).toEqual({ ok: false, reason: 'Not a CSV: the file is empty.' })
  const huge = { size: MAX_IMPORT_BYTES + 8 * 1024 * 1024 } as Blob
  expect(await readCsvFile(huge)).toEqual({ ok: false, reason: 'File too large: 40.0 MB, at most 32.0 MB.' })
  expect(await readCsvFile(file(['id,nickname\nphn_1,"never closed\nphn_2,x\n']))).toEqual({
    ok: false,
    reason: 'Not a CSV: the quote opened on line 2 is never closed.',
  })
})

test('10 MB of text junk without a line break is refused after a few chunks, not parsed to its end', async () => {
  const junk = 'id,nickname\n' + '=cmd|"/c calc"!A0<script>'.repeat(420_000)
  const started = performance.now()
  expect(await readCsvFile(file([junk]))).toEqual({
    ok: false,
    reason: 'Not a CSV: line 2 is longer than 256 K characters.',
  })
  // Parsing all of it, re-reading the unfinished line each chunk, would take minutes.
  expect(performance.now() - started).toBeLessThan(5_000)
})
