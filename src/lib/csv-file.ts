/**
 * CSV files the page writes: cells made inert, file names, the download. The text itself is written by
 * Papa Parse (lib/csv-text.ts), loaded only when a file is written.
 */

/** What a cell may hold; `null` and `undefined` are written as an empty cell. */
export type CsvCell = string | number | boolean | null | undefined

/**
 * Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection"); tab and
 * carriage return are on OWASP's list too, as some spreadsheets strip them and read on.
 */
const FORMULA_START = /^[=+\-@\t\r]/

/** An E.164 number (`+` and digits only) cannot run as a formula, and `'+1415…` would not be one. */
const E164 = /^\+[0-9]+$/

/** The column whose `+` and digits are left as they are, whatever file writes it. */
export const PHONE_NUMBER_COLUMN = 'phone_number'

/** The prefix that makes a cell inert: spreadsheets show what follows as text. */
export const INERT_PREFIX = "'"

/** A cell as a spreadsheet may open it safely: `=SUM(A1)` → `'=SUM(A1)`, except a phone number. */
export function inertCell(value: CsvCell, column?: string): string {
  if (value === null || value === undefined) return ''
  const text = String(value)
  if (!FORMULA_START.test(text)) return text
  if (column === PHONE_NUMBER_COLUMN && E164.test(text)) return text
  return INERT_PREFIX + text
}

/**
 * A file name that says what and when, in the user's local time: `csvFileName('phone numbers active')`
 * → `phone-numbers-active-2026-12-01-1405.csv`.
 */
export function csvFileName(subject: string, at: Date = new Date()): string {
  const slug =
    subject
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'export'
  const two = (n: number) => String(n).padStart(2, '0')
  const date = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`
  return `${slug}-${date}-${two(at.getHours())}${two(at.getMinutes())}.csv`
}

const CSV_TYPE = 'text/csv;charset=utf-8'

/**
 * A CSV file's content as a Blob, a byte order mark first so that spreadsheets read it as UTF-8
 * (nicknames in any script); CSV readers, ours included, skip it. Parts may be Blobs already
 * written (a long export folds its text into one as it goes).
 */
export function csvBlob(parts: readonly (string | Blob)[]): Blob {
  return new Blob(['\uFEFF', ...parts], { type: CSV_TYPE })
}

/** Hands a Blob to the browser as a download named `name`. */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.style.display = 'none'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started from the click; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
