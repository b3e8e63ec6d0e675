import { quoted } from '@/lib/bidi'
import { phoneKey } from '@/features/phone-numbers/domain/csv/phone-key'
import { normalizeText } from '@/features/phone-numbers/domain/desired-state'
import { INERT_PREFIX } from '@/lib/csv-file'
import { formatCount } from '@/lib/format-count'
import { MAX_TEXT_LENGTH, characterCount, firstCharacters } from '@/types/api'

/**
 * The lines of an import file, read one by one (pure): which number each names (by `id`, or by
 * `phone_number` in any format people type) and what it wants for nickname and label. A column that
 * is missing leaves that field alone; an empty cell clears it. Every line that cannot be used says why.
 */

/** A line of the file (1 = the header line) that cannot be used, and why, in words. */
export interface ImportProblem {
  line: number
  reason: string
}

export type ImportKey = { kind: 'id'; id: string } | { kind: 'phone'; e164: string }

export interface ImportLine {
  line: number
  key: ImportKey
  /** Absent: the file has no such column (left alone); null: the cell is empty (cleared). */
  nickname?: string | null
  label?: string | null
}

export interface ImportColumns {
  id: number | null
  phone: number | null
  nickname: number | null
  label: number | null
}

/** Header names as people write them: `Phone Number`, `phone-number`, `PHONE_NUMBER`. */
function columnName(cell: string): string {
  return cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
}

const PHONE_COLUMNS = new Set(['phone_number', 'phone', 'number'])

/** Where the columns the import reads are, or why the file cannot be used at all. */
export function importColumns(header: readonly string[]): ImportColumns | { problem: string } {
  const names = header.map(columnName)
  const find = (accept: (name: string) => boolean) => {
    const index = names.findIndex(accept)
    return index === -1 ? null : index
  }
  const columns: ImportColumns = {
    id: find((name) => name === 'id'),
    phone: find((name) => PHONE_COLUMNS.has(name)),
    nickname: find((name) => name === 'nickname'),
    label: find((name) => name === 'label'),
  }
  if (columns.id === null && columns.phone === null) {
    return { problem: 'No key column: the first line must name a phone_number or id column.' }
  }
  if (columns.nickname === null && columns.label === null) {
    return { problem: 'Nothing to change: the first line names neither a nickname nor a label column.' }
  }
  return columns
}

/** A cell as the import takes it: an exported file's inert prefix (`'=…`) removed, so a file goes round unchanged. */
function cellText(cell: string): string {
  return cell.startsWith(INERT_PREFIX) && /^[=+\-@\t\r]/.test(cell.slice(1)) ? cell.slice(1) : cell
}

function textField(
  name: string,
  cells: readonly string[],
  index: number | null,
): { value?: string | null } | { problem: string } {
  if (index === null) return {}
  const value = normalizeText(cellText(cells[index] ?? ''))
  const length = characterCount(value ?? '')
  if (length > MAX_TEXT_LENGTH) {
    return {
      problem: `${name} too long: ${formatCount(length)} characters, at most ${MAX_TEXT_LENGTH}.`,
    }
  }
  return { value }
}

/** One line of the file (not the header): what it asks, or why it cannot be used. */
export function readImportLine(
  cells: readonly string[],
  line: number,
  columns: ImportColumns,
  width: number,
  countries: readonly string[],
): ImportLine | ImportProblem {
  if (cells.length !== width) {
    return {
      line,
      reason: `This line has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'}; the first line has ${width}.`,
    }
  }
  const id = columns.id === null ? '' : cells[columns.id]!.trim()
  const phoneText = columns.phone === null ? '' : cells[columns.phone]!.trim()
  let key: ImportKey
  if (id !== '') key = { kind: 'id', id }
  else if (phoneText !== '') {
    const e164 = phoneKey(phoneText, countries)
    if (e164 === null) return { line, reason: `Not a phone number: ${quoted(shorten(phoneText))}.` }
    key = { kind: 'phone', e164 }
  } else return { line, reason: 'No phone number or id on this line.' }

  const nickname = textField('Nickname', cells, columns.nickname)
  if ('problem' in nickname) return { line, reason: nickname.problem }
  const label = textField('Label', cells, columns.label)
  if ('problem' in label) return { line, reason: label.problem }
  const read: ImportLine = { line, key }
  if ('value' in nickname) read.nickname = nickname.value
  if ('value' in label) read.label = label.value
  return read
}

/** A cell quoted in a reason: hostile or huge text is cut, never run (React renders it as text). */
export function shorten(text: string, max = 40): string {
  return characterCount(text) > max ? `${firstCharacters(text, max)}…` : text
}
