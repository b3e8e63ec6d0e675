import { HOSTILE } from '../real-server/hostile'
import { cellsOf, expectSelected, openEditDialog, rowOf } from '../support/phone-numbers'
import { connect, expect, resetApi, test, TEST_KEYS } from '../support/real-api'

test.beforeEach(async ({ request }) => {
  await resetApi(request, { hostile: true })
})

test('markup in nicknames, labels, agent and workspace names shows as text and never runs', async ({ page }) => {
  const problems: string[] = []
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) problems.push(`console: ${message.text()}`)
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      ;((window as unknown as { __cspViolations?: string[] }).__cspViolations ??= []).push(
        `${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      )
    })
  })

  await connect(page, TEST_KEYS.admin)
  await expect(page.getByRole('banner').locator('.workspace-name')).toHaveText(HOSTILE.workspaceName)

  const scriptRow = cellsOf(rowOf(page, HOSTILE.scriptNickname))
  await expect(scriptRow.nickname).toHaveText(`${HOSTILE.scriptNickname}Label: cc-4410`)
  await expect(scriptRow.inbound).toHaveText(`${HOSTILE.imgAgentName} · v3`)
  const imgRow = cellsOf(rowOf(page, HOSTILE.imgNickname))
  await expect(imgRow.nickname).toHaveText(`${HOSTILE.imgNickname}Label: ${HOSTILE.svgLabel}`)
  await expect(imgRow.inbound).toHaveText(`${HOSTILE.scriptAgentName} · v3`)
  await expect(imgRow.outbound).toHaveText(`${HOSTILE.scriptAgentName} · v3`)

  // The dialog: title, fields, pickers and the options list.
  const dialog = await openEditDialog(page, HOSTILE.imgNickname)
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(`+1 415 555 0148 · ${HOSTILE.imgNickname}`)
  await expect(dialog.getByRole('textbox', { name: 'Nickname' })).toHaveValue(HOSTILE.imgNickname)
  await expect(dialog.getByRole('textbox', { name: 'Label' })).toHaveValue(HOSTILE.svgLabel)
  await expectSelected(dialog.getByRole('combobox', { name: 'Inbound agent' }), HOSTILE.scriptAgentName)
  await dialog.getByRole('combobox', { name: 'Inbound agent' }).click()
  await expect(page.getByRole('option', { name: HOSTILE.imgAgentName, exact: true })).toBeVisible()
  await expect(page.getByRole('option', { name: HOSTILE.scriptAgentName, exact: true })).toBeVisible()
  await page.getByRole('option', { name: HOSTILE.imgAgentName, exact: true }).click()
  await expect(dialog.getByRole('listitem')).toHaveText([
    `Inbound: ${HOSTILE.scriptAgentName} v3 → ${HOSTILE.imgAgentName} v3`,
  ])
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click()
  await dialog.getByRole('button', { name: 'Discard changes', exact: true }).click()
  await expect(page.getByRole('dialog')).toBeHidden()

  // Nothing ran and nothing was even attempted: no markup became elements, no CSP violation, no error.
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined()
  expect(
    await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []),
  ).toEqual([])
  await expect(page.locator('img, svg[onload], b[onmouseover]')).toHaveCount(0)
  // The one inline script is the build's own, in the head (src/app/inline-boot.ts); none came from the content.
  expect(
    await page
      .locator('script')
      .evaluateAll((scripts) => scripts.filter((s) => !s.hasAttribute('src')).map((s) => s.parentElement?.tagName)),
  ).toEqual(['HEAD'])
  expect(problems).toEqual([])

  // Again on a reload with the key: the first paint (src/app/first-paint/) draws the same content from the
  // early answers before React loads, as markup it escapes itself. The app's chunk is held until it has.
  let releaseApp = () => {}
  const appHeld = new Promise<void>((resolve) => (releaseApp = resolve))
  await page.route(/\/assets\/mount-[\w-]+\.js$/, async (route) => {
    await appHeld
    await route.continue()
  })
  await page.reload()
  const firstPaint = page.locator('main.page[inert]')
  const paintedRow = firstPaint
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: `Edit ${HOSTILE.scriptNickname}`, exact: true }) })
  await expect(cellsOf(paintedRow).nickname).toHaveText(`${HOSTILE.scriptNickname}Label: cc-4410`)
  await expect(page.locator('img, svg[onload], b[onmouseover]')).toHaveCount(0)
  releaseApp()
  await expect(firstPaint).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined()
  expect(
    await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []),
  ).toEqual([])
  await expect(page.locator('img, svg[onload], b[onmouseover]')).toHaveCount(0)
  expect(problems).toEqual([])
})
