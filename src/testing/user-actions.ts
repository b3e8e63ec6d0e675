import { act, screen, waitFor, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { findRow, titleOf } from '@/testing/numbers-table'
import type { PhoneNumber } from '@/types/api'

/** What a user does on the page, one definition each. */

/** Clicks the row's `Edit …` (or `View …`) button, checked to be named after the number, and returns the dialog. */
export async function openEdit(user: UserEvent, number: PhoneNumber, verb: 'Edit' | 'View' = 'Edit') {
  const row = await findRow(number)
  await user.click(within(row).getByRole('button', { name: `${verb} ${titleOf(number)}` }))
  return screen.findByRole('dialog')
}

/** Chooses an option in a Radix Select: the combobox, then the option (portalled outside the dialog). */
export async function choose(user: UserEvent, combobox: string, option: string) {
  await user.click(screen.getByRole('combobox', { name: combobox }))
  await user.click(await screen.findByRole('option', { name: option }))
}

/** The open Select's options, by accessible name (their text without the check mark). */
export const optionNames = (options: HTMLElement[]) =>
  options.map((o) => document.getElementById(o.getAttribute('aria-labelledby') ?? '')?.textContent ?? o.textContent)

export async function saveAndWaitForClose(user: UserEvent, dialog: HTMLElement) {
  await user.click(within(dialog).getByRole('button', { name: 'Save' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
}

/** The browser's Back or Forward button, waiting for the page to hear of it. */
export function goInHistory(direction: 'back' | 'forward') {
  return act(async () => {
    const moved = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }))
    window.history[direction]()
    await moved
  })
}
