import { act, screen, waitFor, within } from '@testing-library/react'
import type { UserEvent } from '@testing-library/user-event'
import { givenNumber, type GivenNumber } from '@/testing/builders'
import { findRow, titleOf } from '@/testing/numbers-table'
import { recordRequests } from '@/testing/record-requests'
import { renderApp } from '@/testing/render-app'
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

/**
 * The whole app with a fresh number (see givenNumber) open in the editor. Requests are recorded
 * from the moment the table shows the number, so the editor's own requests count.
 */
export async function editNewNumber(given: GivenNumber = {}) {
  const number = givenNumber(given)
  const { user, queryClient } = renderApp()
  await findRow(number)
  const requests = recordRequests()
  const dialog = await openEdit(user, number)
  return { user, queryClient, number, requests, dialog }
}

/** Replaces what a text field of the dialog holds, as a user does (select all, type); returns the field. */
export async function retype(user: UserEvent, dialog: HTMLElement, field: string, text: string) {
  const textbox = within(dialog).getByRole('textbox', { name: field })
  await user.clear(textbox)
  await user.type(textbox, text)
  return textbox
}

/** The selection bar, once it shows: its code loads beside the first rows, so a user may see it appear a moment after the first tick. */
export const findSelectionRegion = () => screen.findByRole('region', { name: 'Selection' })

/**
 * A bulk dialog (Change routing…, Set label…) by its title. Its code loads on first use (and Vitest
 * transforms it then), which on a busy 2-core machine can take longer than a lookup's usual wait.
 */
export const findBulkDialog = (name: string | RegExp) => screen.findByRole('dialog', { name }, { timeout: 15_000 })
