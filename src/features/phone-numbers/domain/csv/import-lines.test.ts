import {
  importColumns,
  readImportLine,
  shorten,
  type ImportColumns,
} from '@/features/phone-numbers/domain/csv/import-lines'
import { phoneKey } from '@/features/phone-numbers/domain/csv/phone-key'

const columns = (header: string[]) => importColumns(header) as ImportColumns
const read = (header: string[], cells: string[], line = 2) =>
  readImportLine(cells, line, columns(header), header.length, ['GB', 'US'])

test('phone numbers as people type them, in E.164', () => {
  const countries = ['US', 'GB']
  expect(phoneKey('+1 (415) 555-0123', countries)).toBe('+14155550123')
  expect(phoneKey("'+14155550123", countries)).toBe('+14155550123')
  expect(phoneKey('415.555.0123', countries)).toBe('+14155550123')
  expect(phoneKey('14155550123', countries)).toBe('+14155550123')
  expect(phoneKey('020 7946 0123', countries)).toBe('+442079460123')
  expect(phoneKey('0044 20 7946 0123', countries)).toBe('+442079460123')
  expect(phoneKey('442079460123', countries)).toBe('+442079460123')
  expect(phoneKey('=1+2', countries)).toBeNull()
  expect(phoneKey('call me', countries)).toBeNull()
  expect(phoneKey('+1 555', countries)).toBeNull()
  // E.164 as written, though libphonenumber's metadata calls it invalid (the demo's generated London numbers):
  // the workspace decides whether it holds it.
  expect(phoneKey('+44 20 123 4567', countries)).toBe('+44201234567')
  expect(phoneKey('0044 20 123 4567', countries)).toBe('+44201234567')
  expect(phoneKey('44201234567', countries)).toBe('+44201234567')
})

test('columns by name, as people write them; a file without a key or anything to change is refused', () => {
  expect(importColumns(['\uFEFFPhone Number', 'Nickname'])).toEqual({ id: null, phone: 0, nickname: 1, label: null })
  expect(importColumns(['id', 'phone_number', 'status', 'LABEL'])).toEqual({
    id: 0,
    phone: 1,
    nickname: null,
    label: 3,
  })
  expect(importColumns(['name', 'nickname'])).toEqual({ problem: expect.stringMatching(/^No key column/) as string })
  expect(importColumns(['phone_number', 'status'])).toEqual({
    problem: expect.stringMatching(/^Nothing to change/) as string,
  })
})

test('a missing column leaves the field alone, an empty cell clears it, text as the edit dialog saves it', () => {
  expect(read(['phone_number', 'nickname'], ['+14155550123', '  Main\u200B Line  '])).toEqual({
    line: 2,
    key: { kind: 'phone', e164: '+14155550123' },
    nickname: 'Main Line',
  })
  expect(read(['phone_number', 'nickname', 'label'], ['+14155550123', '', ' '])).toEqual({
    line: 2,
    key: { kind: 'phone', e164: '+14155550123' },
    nickname: null,
    label: null,
  })
  // NFC: a decomposed é is stored composed.
  expect(read(['id', 'label'], ['phn_1', 'Cafe\u0301'])).toMatchObject({
    key: { kind: 'id', id: 'phn_1' },
    label: 'Café',
  })
})

test('the id wins over the phone number; the phone number is used when the id cell is empty', () => {
  const header = ['id', 'phone_number', 'nickname']
  expect(read(header, ['phn_1', '+14155550123', 'A'])).toMatchObject({ key: { kind: 'id', id: 'phn_1' } })
  expect(read(header, ['', '+14155550123', 'A'])).toMatchObject({ key: { kind: 'phone', e164: '+14155550123' } })
})

test('formula prefixes: an exported cell comes back as it was; a typed formula is kept as text, never run', () => {
  expect(read(['id', 'nickname'], ['phn_1', "'=SUM(A1)"])).toMatchObject({ nickname: '=SUM(A1)' })
  expect(read(['id', 'nickname'], ['phn_1', '=SUM(A1)'])).toMatchObject({ nickname: '=SUM(A1)' })
  expect(read(['id', 'nickname'], ['phn_1', "O'Brien"])).toMatchObject({ nickname: "O'Brien" })
  expect(read(['id', 'nickname'], ['phn_1', '<img src=x onerror=alert(1)>'])).toMatchObject({
    nickname: '<img src=x onerror=alert(1)>',
  })
})

test('unusable lines say why, with their line number', () => {
  expect(read(['phone_number', 'nickname'], ['not a number', 'A'], 7)).toEqual({
    line: 7,
    reason: 'Not a phone number: “not a number”.',
  })
  expect(read(['phone_number', 'nickname'], ['', 'A'])).toEqual({
    line: 2,
    reason: 'No phone number or id on this line.',
  })
  expect(read(['phone_number', 'nickname'], ['+14155550123'])).toEqual({
    line: 2,
    reason: 'This line has 1 cell; the first line has 2.',
  })
  expect(read(['phone_number', 'label'], ['+14155550123', 'x'.repeat(256)])).toEqual({
    line: 2,
    reason: 'Label too long: 256 characters, at most 255.',
  })
  expect(read(['phone_number', 'label'], ['+14155550123', 'x'.repeat(255)])).toMatchObject({ label: 'x'.repeat(255) })
})

test('a cell quoted in a reason is cut at 40 characters, never inside an emoji', () => {
  expect(shorten('x'.repeat(41))).toBe(`${'x'.repeat(40)}…`)
  expect(shorten(`x${'😀'.repeat(45)}`)).toBe(`x${'😀'.repeat(39)}…`)
  expect(shorten('😀'.repeat(40))).toBe('😀'.repeat(40))
})
