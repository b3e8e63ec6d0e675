import { expect, test, type Locator, type Page } from '@playwright/test'
import { axeViolations } from './support/axe'
import { layoutProblems } from './support/layout'
import { openEditDialog, openPhoneNumbersPage, PAGE_LOAD_MS } from './support/phone-numbers'

/**
 * The widths the page is made for: desktop and laptop screens, a tablet, a narrow window beside a
 * ticket tool at 200 % zoom (a 1280 × 800 window is then 640 × 400 CSS pixels) and a phone.
 */
const SCREENS = [
  { name: '1440 px', viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 },
  { name: '1280 px', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  { name: '1024 px', viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1 },
  { name: '768 px', viewport: { width: 768, height: 1024 }, deviceScaleFactor: 1 },
  { name: '1280 px at 200 % zoom', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
  { name: '390 px', viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 },
]

const PAGE_CHECK = {
  scope: 'body',
  oneLine: '.button, .sort-button, .status, .number-main, .numbers-table time, .numbers-table th',
  apart: '[role="columnheader"]',
  containers: '[role="cell"], [role="columnheader"]',
}

const DIALOG_CHECK = {
  scope: '[role="dialog"]',
  oneLine: '.button, .select-trigger, label, legend',
  apart: 'fieldset, .field',
  containers: 'fieldset, .field, .summary, .notice',
}

// Each test runs two axe scans and walks every character on the page: seconds on a small CI machine.
test.describe.configure({ timeout: 60_000 })

for (const screen of SCREENS) {
  test.describe(`at ${screen.name}`, () => {
    test.use({ viewport: screen.viewport, deviceScaleFactor: screen.deviceScaleFactor })

    test('the table fits: no sideways scrolling, overlap, clipped or small controls, or words broken', async ({
      page,
    }) => {
      await openPhoneNumbersPage(page)
      expect(await layoutProblems(page, PAGE_CHECK)).toEqual([])
      expect(await axeViolations(page)).toEqual([])
    })

    test('the edit dialog fits: it stays on screen, scrolls inside, and Save and Cancel are in reach', async ({
      page,
    }) => {
      await openPhoneNumbersPage(page)
      const dialog = await openEditDialog(page, 'Main Support Line')
      await expectWithinScreen(page, dialog)
      expect(await layoutProblems(page, DIALOG_CHECK)).toEqual([])
      for (const name of ['Save', 'Cancel']) {
        const button = dialog.getByRole('button', { name, exact: true })
        await button.scrollIntoViewIfNeeded()
        await expectWithinScreen(page, button)
        await expect(button).toBeInViewport()
      }
      expect(await axeViolations(page)).toEqual([])
    })
  })
}

test.describe('long unbroken text', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test('a 255-character nickname and a 255-character label wrap in the dialog and the toast, and take two lines each in the table', async ({
    page,
  }) => {
    const nickname = 'N'.repeat(255)
    await openPhoneNumbersPage(page, '/?reset')
    const dialog = await openEditDialog(page, 'Main Support Line')
    await dialog.getByRole('textbox', { name: 'Nickname' }).fill(nickname)
    await dialog.getByRole('textbox', { name: 'Label' }).fill('L'.repeat(255))
    await expect(dialog.getByRole('listitem').first()).toContainText('NNNN')
    // Nothing inside the dialog is wider than the dialog: no sideways scrolling.
    expect(await dialog.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0)
    await dialog.getByRole('button', { name: 'Save', exact: true }).click()
    await expect(dialog).toHaveCount(0)
    const toast = page.locator('.toast').filter({ hasText: 'Saved' })
    await expect(toast).toBeVisible()
    await expectWithinScreen(page, toast)
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    // In the table the nickname and the label take two lines each, not a screen: the rest is in a tooltip.
    const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: `Edit ${nickname}` }) })
    for (const text of [nickname, `Label: ${'L'.repeat(255)}`]) {
      const line = row.getByTitle(text.replace('Label: ', ''), { exact: true })
      const { height, lineHeight } = await line.evaluate((element) => ({
        height: element.getBoundingClientRect().height,
        lineHeight: parseFloat(getComputedStyle(element).lineHeight),
      }))
      expect(height, text.slice(0, 12)).toBeLessThanOrEqual(2 * lineHeight + 1)
      await expect(line).toHaveText(text)
    }
  })
})

test.describe('the first frame that shows rows, at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } })

  test('is styled as the app is, though the app has not loaded yet: its stylesheets come with the HTML', async ({
    page,
  }) => {
    // The boot script draws the first rows before React and the app load (src/app/first-paint/). The
    // app's script and stylesheet are held back here, so the rows stay the first paint's, styled by
    // the HTML's stylesheets alone; a frame is drawn only once those are in, so what this frame shows
    // is what the user first sees.
    await page.route(/\/assets\/mount-[\w-]+\.(js|css)$/, () => {})
    await page.addInitScript(() => {
      const checkboxSelector = '.numbers-table tbody tr input[type="checkbox"]'
      new MutationObserver((_changes, observer) => {
        if (!document.querySelector(checkboxSelector)) return
        observer.disconnect()
        requestAnimationFrame(() => {
          // Found again: the first paint draws again when the agents answer after the rows.
          const { width, height } = document.querySelector(checkboxSelector)!.getBoundingClientRect()
          const { scrollWidth, clientWidth } = document.documentElement
          Object.assign(window, {
            firstRowsFrame: {
              firstPaint: document.querySelector('main')?.hasAttribute('inert') ?? false,
              checkbox: `${width} × ${height}`,
              sideways: Math.max(0, scrollWidth - clientWidth),
            },
          })
        })
      }).observe(document, { childList: true, subtree: true })
    })
    await page.goto('/')
    const firstRowsFrame = () => page.evaluate(() => (window as { firstRowsFrame?: unknown }).firstRowsFrame)
    await expect.poll(firstRowsFrame, { timeout: PAGE_LOAD_MS }).not.toBeUndefined()
    // The row's checkbox is 24 × 24 px, as styled (13 × 13 unstyled), and the page does not scroll sideways.
    expect(await firstRowsFrame()).toEqual({ firstPaint: true, checkbox: '24 × 24', sideways: 0 })
  })
})

/** What each animation frame showed of the table, from the page's own requestAnimationFrame. */
interface RowsFrame {
  firstRow: string
  /** Rows on screen drawn. */
  drawnInView: number
  /** Rows on screen whose content was skipped: a blank row where the user looks. */
  skippedInView: number
  /** Rows off screen whose content was skipped (src/features/phone-numbers/hooks/use-rows-in-view-first.ts). */
  skippedOutOfView: number
}

const PLACES = ['at the top', 'scrolled to the middle of the table', 'scrolled to the pager'] as const

for (const screen of [SCREENS[1]!, SCREENS[5]!]) {
  test.describe(`another page of rows at ${screen.name}`, () => {
    test.use({ viewport: screen.viewport, deviceScaleFactor: screen.deviceScaleFactor })

    for (const where of PLACES) {
      test(`${where}: every row in view is drawn in the first frame that shows the page, the rest a task later`, async ({
        page,
      }) => {
        await openPhoneNumbersPage(page, '/?numbers=1000')
        const next = page.getByRole('button', { name: 'Next page' })
        const rows = page.locator('.numbers-table tbody tr')
        if (where === 'scrolled to the middle of the table') await rows.nth(20).evaluate((row) => row.scrollIntoView())
        if (where === 'scrolled to the pager') await next.scrollIntoViewIfNeeded()
        const firstRow = await rows.first().textContent()
        await page.evaluate(() => {
          const frames: RowsFrame[] = []
          Object.assign(window, { rowsFrames: frames })
          const record = () => {
            const all = [...document.querySelectorAll<HTMLTableRowElement>('.numbers-table tbody tr')]
            const frame = { firstRow: all[0]?.textContent ?? '', drawnInView: 0, skippedInView: 0, skippedOutOfView: 0 }
            for (const row of all) {
              const skipped = getComputedStyle(row).contentVisibility === 'hidden'
              const { top, bottom } = row.getBoundingClientRect()
              const inView = bottom > 0 && top < window.innerHeight
              if (inView) frame[skipped ? 'skippedInView' : 'drawnInView']++
              else if (skipped) frame.skippedOutOfView++
            }
            frames.push(frame)
            if (frames.length < 3000) requestAnimationFrame(record)
          }
          requestAnimationFrame(record)
        })
        // A click that does not scroll: the view stays where the user left it. A click while the app
        // still replaced its first controls went nowhere once in CI: click again while page 1 shows.
        const summary = page.getByText(/^1,000 numbers · showing/)
        await expect(async () => {
          if ((await summary.textContent())?.endsWith('showing 1–50')) await next.dispatchEvent('click')
          await expect(summary).not.toHaveText(/showing 1–50$/, { timeout: 1000 })
        }).toPass()
        // Until the new page's rows have been drawn in a few frames, all of them.
        const newPageFrames = async () => {
          const frames = await page.evaluate(() => (window as unknown as { rowsFrames: RowsFrame[] }).rowsFrames)
          const shown = frames.at(-1)?.firstRow
          return shown === firstRow ? [] : frames.filter((frame) => frame.firstRow === shown)
        }
        await expect
          .poll(async () => {
            const frames = await newPageFrames()
            return frames.length > 2 && frames.at(-1)!.skippedOutOfView === 0
          })
          .toBe(true)
        const frames = await newPageFrames()
        // In every frame of the new page, the rows in view are drawn, none skipped …
        expect(frames.filter((frame) => frame.skippedInView > 0 || frame.drawnInView === 0)).toEqual([])
        // … the first left rows off screen for later (the design at work), and the last none.
        expect(frames[0]!.skippedOutOfView).toBeGreaterThan(0)
      })
    }
  })
}

async function expectWithinScreen(page: Page, locator: Locator): Promise<void> {
  const box = await locator.boundingBox()
  const screen = page.viewportSize()
  expect(box, 'the element is laid out').not.toBeNull()
  expect(screen).not.toBeNull()
  if (!box || !screen) return
  expect(box.x).toBeGreaterThanOrEqual(0)
  expect(box.y).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width).toBeLessThanOrEqual(screen.width)
  expect(box.y + box.height).toBeLessThanOrEqual(screen.height)
}
