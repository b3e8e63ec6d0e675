import Papa from 'papaparse'
import { inertCell, type CsvCell } from '@/lib/csv-file'

/**
 * Lines of RFC 4180 text (quoted where needed, CRLF after every line, the last included) so that
 * files written in slices are the concatenation of their slices. Every cell is made inert first.
 */
export function csvLines(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  if (rows.length === 0) return ''
  const cells = rows.map((row) => header.map((column, index) => inertCell(row[index], column)))
  return Papa.unparse(cells, { newline: '\r\n', quotes: false, escapeFormulae: false, header: false }) + '\r\n'
}

/** The header line alone (column names are the page's own, written as given). */
export function csvHeaderLine(header: readonly string[]): string {
  return Papa.unparse([header.slice()], { newline: '\r\n', header: false }) + '\r\n'
}

/** A whole CSV file's text: the header line, then one line per row. */
export function csvText(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return csvHeaderLine(header) + csvLines(header, rows)
}
