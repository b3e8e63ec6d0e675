import { expect, type Locator, type Page } from '@playwright/test'
import type { ChaosWindow } from './chaos-model'

/** The Edit dialog as the chaos test drives it: random options, Save's outcome, Cancel, the page's Retry banners. */

/** After Save, the dialog must close or show an alert within this. */
export const OUTCOME_TIMEOUT_MS = 8_000

/** Counts alerts inserted inside the dialog, so a Save's outcome is told from the previous attempt's alert. */
export async function countDialogAlerts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as ChaosWindow
    w.__chaos = { alerts: 0 }
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue
          const alerts = node.matches('[role="alert"]') ? [node] : Array.from(node.querySelectorAll('[role="alert"]'))
          if (alerts.some((alert) => alert.closest('[role="dialog"]'))) w.__chaos.alerts++
        }
      }
    }).observe(document.body, { childList: true, subtree: true })
  })
}

/** Whether the dialog's Save is enabled, and how many dialog alerts were counted so far (read together). */
export async function readSaveState(page: Page): Promise<{ enabled: boolean; alerts: number }> {
  return page.evaluate(() => {
    const save = Array.from(document.querySelectorAll('[role="dialog"] button')).find((b) => b.textContent === 'Save')
    return {
      enabled: save instanceof HTMLButtonElement && !save.disabled,
      alerts: (window as unknown as ChaosWindow).__chaos.alerts,
    }
  })
}

/** 'closed' (saved), or the texts of the alerts the dialog shows (a failure or a conflict). */
export async function waitForOutcome(page: Page, alertsBefore: number): Promise<'closed' | string[]> {
  const handle = await page.waitForFunction(
    (before) => {
      const dialog = document.querySelector('[role="dialog"]')
      if (!dialog) return 'closed'
      if ((window as unknown as ChaosWindow).__chaos.alerts <= before) return false
      return Array.from(dialog.querySelectorAll('[role="alert"]'), (alert) => alert.textContent ?? '')
    },
    alertsBefore,
    { timeout: OUTCOME_TIMEOUT_MS },
  )
  return (await handle.jsonValue()) as 'closed' | string[]
}

/** Whether the list's error state or the agents banner is shown (each has a Retry button). */
export async function readErrorsShown(page: Page): Promise<{ list: boolean; agents: boolean }> {
  return page.evaluate(() => {
    const texts = Array.from(document.querySelectorAll('[role="alert"]'))
      .filter((alert) => !alert.closest('[role="dialog"]'))
      .map((alert) => alert.textContent ?? '')
    return {
      list: texts.some((text) => text.includes('The numbers could not be loaded')),
      agents: texts.some((text) => text.includes('Agent names could not be loaded')),
    }
  })
}

/**
 * Opens a Radix Select and clicks the option `choose` names among the others than the selected one;
 * when it names none, closes the listbox with Escape. Returns the option clicked, or null.
 */
export async function chooseRandomly(
  page: Page,
  dialog: Locator,
  combobox: string,
  choose: (others: string[]) => string | null,
): Promise<string | null> {
  await dialog.getByRole('combobox', { name: combobox, exact: true }).click()
  // The open listbox's options by name (the ✓ of the selected one is aria-hidden, so it is left out).
  const listed = await page.waitForFunction(
    () => {
      const options = Array.from(document.querySelectorAll('[role="listbox"] [role="option"]'))
      if (options.length === 0) return null
      return options.map((option) => {
        const copy = option.cloneNode(true) as Element
        copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove())
        return { name: (copy.textContent ?? '').trim(), selected: option.getAttribute('aria-selected') === 'true' }
      })
    },
    undefined,
    { timeout: 5_000 },
  )
  const options = (await listed.jsonValue())!
  const name = choose(options.filter((option) => !option.selected).map((option) => option.name))
  if (name === null) {
    await page.keyboard.press('Escape')
    return null
  }
  // Radix closes the listbox as the option is clicked; the next click would wait for it anyway.
  await page
    .getByRole('listbox')
    .getByRole('option')
    .nth(options.findIndex((option) => option.name === name))
    .click()
  return name
}

/** Clicks the button; false when it is (or just became) disabled instead. */
export async function clickUnlessDisabled(button: Locator): Promise<boolean> {
  try {
    await button.click({ timeout: 2_000 })
    return true
  } catch (error) {
    if (await button.isEnabled()) throw error
    return false
  }
}

/** Cancel, and Discard changes when the dialog asks (it does when something was changed and not saved). */
export async function cancel(page: Page, dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click()
  await page.waitForFunction(
    () => document.querySelector('[role="dialog"]') === null || document.querySelector('[role="alertdialog"]') !== null,
  )
  const discard = dialog.getByRole('button', { name: 'Discard changes', exact: true })
  if ((await discard.count()) > 0) await discard.click()
  await expect(page.getByRole('dialog')).toBeHidden()
}
