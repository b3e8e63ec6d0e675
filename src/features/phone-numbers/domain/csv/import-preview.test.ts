import type { ImportLine } from '@/features/phone-numbers/domain/csv/import-lines'
import { importTargets, previewImport } from '@/features/phone-numbers/domain/csv/import-preview'
import type { PhoneNumber } from '@/types/api'

const number = (id: string, e164: string, nickname: string | null, label: string | null = null) =>
  ({ id, phone_number: e164, nickname, label, updated_at: '2026-01-01T00:00:00.000Z' }) as PhoneNumber

const a = number('phn_a', '+14155550100', 'Alpha', 'L1')
const b = number('phn_b', '+14155550101', null)
const resolved = {
  byId: new Map([a, b].map((n) => [n.id, n])),
  byPhone: new Map([a, b].map((n) => [n.phone_number, n])),
}

test('only lines that change something are listed, old → new; unchanged ones are counted', () => {
  const lines: ImportLine[] = [
    { line: 2, key: { kind: 'phone', e164: a.phone_number }, nickname: 'Alpha', label: null },
    { line: 3, key: { kind: 'id', id: 'phn_b' }, nickname: null },
  ]
  const preview = previewImport(lines, [], resolved)
  expect(preview.changes).toEqual([{ line: 2, number: a, label: { from: 'L1', to: null } }])
  expect(preview.unchanged).toBe(1)
  expect(importTargets(preview.changes)).toEqual([{ number: a, wanted: { label: null } }])
})

test('unknown numbers and duplicates (by phone or by id) are problems, in line order with the file’s own', () => {
  const lines: ImportLine[] = [
    { line: 2, key: { kind: 'phone', e164: b.phone_number }, nickname: 'Bravo' },
    { line: 4, key: { kind: 'phone', e164: '+14155550199' }, nickname: 'Ghost' },
    { line: 5, key: { kind: 'id', id: 'phn_b' }, nickname: 'Other' },
  ]
  const preview = previewImport(lines, [{ line: 3, reason: 'Not a phone number: “x”.' }], resolved)
  expect(preview.changes.map((c) => c.line)).toEqual([2])
  expect(preview.problems).toEqual([
    { line: 3, reason: 'Not a phone number: “x”.' },
    { line: 4, reason: 'Unknown number: +1 415 555 0199 is not in this workspace.' },
    { line: 5, reason: 'Duplicate number: +1 415 555 0101 is on line 2 already (that line is used).' },
  ])
})

test('a line that says what the number holds, stored in a form the page only cleans up, is unchanged', () => {
  const decomposed = number('phn_c', '+14155550102', 'Cafe\u0301 Line', 'a\u200Bb')
  const lines: ImportLine[] = [{ line: 2, key: { kind: 'id', id: 'phn_c' }, nickname: 'Café Line', label: 'ab' }]
  const preview = previewImport(lines, [], { byId: new Map([['phn_c', decomposed]]), byPhone: new Map() })
  expect(preview.changes).toEqual([])
  expect(preview.unchanged).toBe(1)
})
