import { expect, test } from '@playwright/test'
import { axeViolations } from './support/axe'
import { selectionRegion } from './support/bulk'
import { openPhoneNumbersPage } from './support/phone-numbers'

// Four axe runs over the whole page: about 10 s each on a busy 2-core machine.
test.describe.configure({ timeout: 180_000 })

const LABEL = 'east-wing'

test('Set label…: axe clean on the form, the preview, the progress and the outcome (Cancel while the server asks to wait: every number not sent)', async ({
  page,
}) => {
  // The demo's own fault injection, from the URL: every PATCH is answered 429 "retry in 2 minutes" (the
  // page waits at most 10 s and asks again), so the job stays in progress until Cancel, however slow the machine.
  await openPhoneNumbersPage(page, '/?numbers=300&latency=0&faults=rate:1,kinds:429,endpoints:patch,retryAfter:120')
  await page.getByRole('checkbox', { name: 'Select all on this page' }).check()
  await expect(selectionRegion(page).getByText('50 selected')).toBeVisible()
  await selectionRegion(page).getByRole('button', { name: 'Set label…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Set label of 50 numbers' })

  // The form, once the selected numbers are read: empty, it clears the label, and the preview says so.
  const field = dialog.getByRole('textbox', { name: 'Label' })
  await expect(field).toBeVisible({ timeout: 15_000 })
  await expect(dialog.getByText(/^Clears the label of [\d,]+ numbers?\./)).toBeVisible()
  expect(await axeViolations(page)).toEqual([])

  // The preview of a label.
  await field.fill(LABEL)
  await expect(dialog.getByText(`Sets the label of 50 numbers to “${LABEL}”.`)).toBeVisible()
  expect(await axeViolations(page)).toEqual([])

  // The progress.
  await dialog.getByRole('button', { name: 'Apply' }).click()
  await expect(dialog.getByRole('progressbar', { name: 'Applying changes' })).toBeVisible()
  await expect(dialog.getByText('Applying changes: 0 of 50 numbers')).toBeVisible()
  expect(await axeViolations(page)).toEqual([])

  // The outcome: every number listed as not sent, with Retry failed.
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog.getByText(/^Cancelled part-way: /)).toHaveText(
    'Cancelled part-way: 0 changed, 0 unchanged, 50 not changed:',
    {
      timeout: 30_000,
    },
  )
  const listed = dialog.getByRole('list', { name: 'Numbers not changed' }).getByRole('listitem')
  await expect(listed).toHaveCount(50)
  for (const line of await listed.allTextContents()) expect(line).toContain('Not sent: the job stopped (Cancelled).')
  await expect(dialog.getByRole('button', { name: 'Retry failed' })).toBeVisible()
  expect(await axeViolations(page)).toEqual([])
})
