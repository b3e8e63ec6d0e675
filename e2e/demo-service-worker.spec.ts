import { expect, test, type Page } from '@playwright/test'
import { MAIN_SUPPORT_LINE, openPhoneNumbersPage, PAGE_LOAD_MS, rowOf } from './support/phone-numbers'

/**
 * The demo's service worker (public/demo-service-worker.js) through the browser's own lifecycle: what
 * Vitest's fake scope cannot show.
 */

/** Searches as a user does; the list's answer must come from the demo's service worker. */
async function searchFor(page: Page, text: string): Promise<void> {
  const answered = page.waitForResponse((response) => {
    const url = new URL(response.url())
    return url.pathname === '/v1/phone-numbers' && url.searchParams.get('search') === text
  })
  await page.getByRole('searchbox', { name: 'Search numbers' }).fill(text)
  const response = await answered
  expect(response.fromServiceWorker()).toBe(true)
  expect(response.status()).toBe(200)
}

test('the browser stops the idle service worker: the next request starts it, it asks the tab to link again, and answers', async ({
  page,
  context,
}) => {
  await openPhoneNumbersPage(page)
  await searchFor(page, 'Billing')
  const browser = await context.newCDPSession(page)
  await browser.send('ServiceWorker.enable')
  await browser.send('ServiceWorker.stopAllWorkers')

  await searchFor(page, 'Main Support')
  await expect(rowOf(page, MAIN_SUPPORT_LINE.title)).toBeVisible()
})

test('a hard reload loads the page past the service worker: the page asks it to take control, and is served', async ({
  page,
  context,
}) => {
  await openPhoneNumbersPage(page)
  const browser = await context.newCDPSession(page)
  const loaded = page.waitForEvent('load')
  // As Shift+Reload: the page is not controlled by the service worker until it claims it.
  await browser.send('Page.reload', { ignoreCache: true })
  await loaded
  // A cold load: no HTTP cache, the workspace built again.
  await expect(rowOf(page, MAIN_SUPPORT_LINE.title)).toBeVisible({ timeout: PAGE_LOAD_MS })

  await searchFor(page, 'Main Support')
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toMatch(/\/demo-service-worker\.js$/)
})
