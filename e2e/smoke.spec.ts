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
