import { screen, waitFor, within } from '@testing-library/react'
import { parsePhoneNumberFromString } from 'libphonenumber-js/min'
import type { PhoneNumber } from '@/types/api'

/** Lookups in the numbers table by what a user reads: the number as shown, and the column headers. */

/** `+14155550123` → `+1 415 555 0123`, as the table shows it. */
export const formatted = (e164: string): string => parsePhoneNumberFromString(e164)?.formatInternational() ?? e164

/** What the row's Edit button and the dialog call a number: its nickname, else the number as shown. */
export const titleOf = (number: PhoneNumber): string => number.nickname ?? formatted(number.phone_number)

/** The table row of a number (a record, or its E.164 form), once it is shown. */
export function findRow(number: PhoneNumber | string, timeout?: number): Promise<HTMLElement> {
  const text = formatted(typeof number === 'string' ? number : number.phone_number)
  return waitFor(
    () => {
      const row = screen
        .queryAllByText(text)
        .map((element) => element.closest('tr'))
        .find((row) => row?.parentElement?.tagName === 'TBODY')
      if (!row) throw new Error(`No row shows ${text}`)
      return row
    },
    timeout ? { timeout } : undefined,
  )
}

/** A row's cells by column header. */
export function cellsOf(row: HTMLElement) {
  const table = row.closest('table')!
  const cells = (row as HTMLTableRowElement).cells
  const cell = (name: string) => cells[columnIndex(table, name)]!
  return {
    number: cell('Number'),
    nickname: cell('Nickname'),
    inbound: cell('Inbound'),
    outbound: cell('Outbound'),
    status: cell('Status'),
  }
}

function columnIndex(table: HTMLTableElement, name: string): number {
  // hidden: true, because an open modal dialog hides the table from the accessibility tree.
  const headers = within(table.tHead!).getAllByRole('columnheader', { hidden: true })
  const index = headers.findIndex((header) => header.textContent?.startsWith(name))
  if (index < 0) throw new Error(`No column ${name}`)
  return index
}

/** The numbers the table lists now, in order, as shown. Cheap enough to poll with 200 rows. */
export function listedNumbers(): string[] {
  const table = document.querySelector('table')
  if (!table) return []
  const column = columnIndex(table, 'Number')
  return [...table.tBodies[0]!.rows]
    .filter((row) => row.getAttribute('aria-hidden') !== 'true') // skeleton rows
    .map((row) => /^\+[\d ]*\d/.exec(row.cells[column]?.textContent ?? '')?.[0] ?? '')
}

/** Waits until the table lists numbers (not the skeleton). */
export const waitForRows = () => waitFor(() => expect(listedNumbers()).not.toEqual([]))
