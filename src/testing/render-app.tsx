import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { App } from '@/app/app'

/** Renders the whole app, as a user would see it, on the demo backend (msw/node). */
export function renderApp() {
  const user = userEvent.setup()
  const result = render(<App />)
  return { user, ...result }
}

/** The table row that holds the number formatted for people (`+1 415 555 0123`). */
export async function findRow(formatted: string, timeout?: number): Promise<HTMLElement> {
  const cell = await screen.findByText(formatted, { selector: '.number-main' }, timeout ? { timeout } : undefined)
  return cell.closest('tr')!
}

export function cellsOf(row: HTMLElement) {
  // hidden: true, because an open modal dialog hides the table from the accessibility tree.
  const cells = within(row).getAllByRole('cell', { hidden: true })
  return { number: cells[0]!, nickname: cells[1]!, inbound: cells[2]!, outbound: cells[3]!, status: cells[4]! }
}
