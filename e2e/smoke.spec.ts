import { expect, test } from '@playwright/test'

test('the built demo app loads with no console errors', async ({ page }) => {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'Phone numbers' })).toBeVisible()
  // The Number cell shows the number formatted for people (the E.164 form is findable by search).
  await expect(page.getByRole('cell', { name: /^\+1 415 555 0123\b/ })).toBeVisible()
  expect(problems).toEqual([])
})

test('a part whose code cannot load says so in its place, the rows stay usable, and Retry loads it', async ({
  page,
  context,
}) => {
  // The dialog's code, as after a release that removed the chunk this page asks for, until it is back.
  let chunkGone = true
  // The context's route, so that it sees the request whoever sends it.
  await context.route(/\/assets\/edit-number-dialog-[^/]+\.js$/, (route) =>
    chunkGone ? route.abort() : route.continue(),
  )
  await page.goto('/')
  await page
    .getByRole('button', { name: /^Edit / })
    .first()
    .click()
  const alert = page.getByRole('alert').filter({ hasText: 'The edit dialog could not load' })
  await expect(alert).toBeVisible()
  await expect(page.getByRole('cell', { name: /^\+1 415 555 0123\b/ })).toBeVisible()
  chunkGone = false
  await alert.getByRole('button', { name: 'Retry' }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await expect(alert).toBeHidden()
})
