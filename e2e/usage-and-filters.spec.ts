import { expect, test, type Locator, type Page } from '@playwright/test'
import { axeViolations } from './support/axe'
import { demoBackend } from './support/demo-backend'
import { layoutProblems } from './support/layout'
import { formatNumber, openPhoneNumbersPage } from './support/phone-numbers'

/** The numbers the demo backend holds with this inbound version (and a canary, when asked), as the table shows them. */
async function numbersHolding(page: Page, versionId: string, withCanary = false): Promise<string[]> {
  return (await demoBackend(page, 'allNumbers'))
    .filter((n) => n.inbound_agent_version_id === versionId && (!withCanary || n.inbound_canary !== null))
    .map((n) => formatNumber(n.phone_number))
}

/** The region's lines the server's counts call for, newest version first. */
async function expectedUsageLines(page: Page, agentId: string): Promise<string[]> {
  const agent = (await demoBackend(page, 'listAgents')).data.find((a) => a.id === agentId)!
  return (await demoBackend(page, 'agentUsage', agentId)).data
    .map((u) => {
      const v = agent.versions.find((version) => version.id === u.version_id)!
      const name = `v${v.version}${v.published ? '' : ' (draft)'}`
      return `${name} · ${u.inbound} inbound · ${u.outbound} outbound · ${u.canary} canary`
    })
    .reverse()
}

const listedNumbers = (page: Page) => page.locator('.numbers-table tbody .number-main')
const usageRegion = (page: Page, agent: string) => page.getByRole('region', { name: `${agent} usage` })
const usageLines = (region: Locator) => region.locator('.usage-counts')
const searchParam = (page: Page, name: string) => new URL(page.url()).searchParams.get(name)

/** Presses Tab (no mouse) until the target has focus; fails if it is not reached in `max` presses. */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Not reached by Tab in ${max} presses`)
}

test('filter by inbound version and Has canary: the table lists exactly the server’s matching numbers', async ({
  page,
}) => {
  await openPhoneNumbersPage(page)
  await page.getByRole('combobox', { name: 'Agent', exact: true }).selectOption({ label: 'Front Desk' })
  await page.getByRole('combobox', { name: 'Inbound version' }).selectOption({ label: 'Front Desk v2' })
  const onV2 = await numbersHolding(page, 'agv_front_desk_2')
  expect(onV2.length).toBeGreaterThan(1)
  await expect(listedNumbers(page)).toHaveText(onV2)
  expect(searchParam(page, 'inbound')).toBe('agv_front_desk_2')

  await page.getByRole('checkbox', { name: 'Has canary' }).check()
  const withCanary = await numbersHolding(page, 'agv_front_desk_2', true)
  expect(withCanary.length).toBeGreaterThan(0)
  expect(withCanary.length).toBeLessThan(onV2.length)
  await expect(listedNumbers(page)).toHaveText(withCanary)
  expect(searchParam(page, 'canary')).toBe('true')
  // The view survives a reload: it lives in the URL.
  await page.reload()
  await expect(listedNumbers(page)).toHaveText(withCanary)
  await expect(page.getByRole('checkbox', { name: 'Has canary' })).toBeChecked()
})

test('the usage region’s counts are the server’s; a count link filters the table; axe finds nothing', async ({
  page,
}) => {
  await openPhoneNumbersPage(page, '/?agent=agt_front_desk')
  const region = usageRegion(page, 'Front Desk')
  await expect(usageLines(region)).toHaveText(await expectedUsageLines(page, 'agt_front_desk'))
  await expect(region.getByRole('list', { name: /^Recent changes, newest first/ })).toBeVisible()
  expect(await axeViolations(page)).toEqual([])

  const onV2 = await numbersHolding(page, 'agv_front_desk_2')
  const v2 = region.getByRole('listitem').filter({ has: page.getByText(/^v2 · /) })
  await v2.getByRole('link', { name: `${onV2.length} inbound` }).click()
  await expect(listedNumbers(page)).toHaveText(onV2)
  expect(searchParam(page, 'inbound')).toBe('agv_front_desk_2')
  await expect(page.getByRole('combobox', { name: 'Inbound version' })).toHaveValue('agv_front_desk_2')
  // Back returns to the agent's whole view.
  await page.goBack()
  await expect.poll(() => searchParam(page, 'inbound')).toBeNull()
})

test('keyboard only: Has canary, a count link and Move v1 numbers…', async ({ page }) => {
  await openPhoneNumbersPage(page, '/?agent=agt_front_desk')
  const region = usageRegion(page, 'Front Desk')
  await expect(usageLines(region).first()).toBeVisible()
  await page.getByRole('searchbox', { name: 'Search numbers' }).focus()

  const canary = page.getByRole('checkbox', { name: 'Has canary' })
  await tabTo(page, canary)
  await page.keyboard.press('Space')
  await expect(canary).toBeChecked()
  await expect.poll(() => searchParam(page, 'canary')).toBe('true')

  const onV2 = await numbersHolding(page, 'agv_front_desk_2')
  const v2 = region.getByRole('listitem').filter({ has: page.getByText(/^v2 · /) })
  await tabTo(page, v2.getByRole('link', { name: `${onV2.length} inbound` }))
  await page.keyboard.press('Enter')
  await expect(listedNumbers(page)).toHaveText(onV2)
  // The link's view is the version's numbers, not narrowed by the checkbox set before.
  expect(searchParam(page, 'canary')).toBeNull()
  await expect(canary).not.toBeChecked()

  // Move v1 numbers… opens the routing dialog for exactly them, v3 proposed; Apply moves them on the server.
  const onV1 = await numbersHolding(page, 'agv_front_desk_1')
  expect(onV1.length).toBeGreaterThan(0)
  await page.getByRole('searchbox', { name: 'Search numbers' }).focus()
  await tabTo(page, region.getByRole('button', { name: 'Move v1 numbers…' }))
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: `Change routing of ${onV1.length} numbers` })
  await expect(dialog.getByRole('radio', { name: 'Inbound' })).toBeChecked()
  await expect(dialog.getByRole('combobox', { name: 'Version' })).toHaveText(/v3/)
  await expect(dialog.getByText(`Deploys Front Desk v3 to the inbound side of ${onV1.length} numbers.`)).toBeVisible()
  const apply = dialog.getByRole('button', { name: 'Apply' })
  await tabTo(page, apply)
  await page.keyboard.press('Enter')
  await expect(dialog.getByText(`Changes applied: ${onV1.length} changed, 0 unchanged.`)).toBeVisible()
  expect(await numbersHolding(page, 'agv_front_desk_1')).toEqual([])
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(usageLines(region)).toHaveText(await expectedUsageLines(page, 'agt_front_desk'))
})

/** The toolbar's filters and the usage region at a desktop, a zoomed narrow window and a phone. */
const SCREENS = [
  { name: '1280 px', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  { name: '1280 px at 200 % zoom', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
  { name: '390 px', viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 },
]

const USAGE_CHECK = {
  scope: 'body',
  oneLine: '.button, .status, .number-main, .usage-count, .history-number, .filters label',
  apart: '.filters .field, .usage-row',
  containers: '.usage-row, .history-event',
}

for (const screen of SCREENS) {
  test(`at ${screen.name} the filters and the usage region fit, with nothing clipped or too small`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ viewport: screen.viewport, deviceScaleFactor: screen.deviceScaleFactor })
    try {
      const page = await context.newPage()
      await openPhoneNumbersPage(page, '/?agent=agt_front_desk&inbound=agv_front_desk_3')
      await expect(usageLines(usageRegion(page, 'Front Desk')).first()).toBeVisible()
      await expect(page.getByRole('list', { name: /^Recent changes, newest first/ })).toBeVisible()
      expect(await layoutProblems(page, USAGE_CHECK)).toEqual([])
      expect(await axeViolations(page)).toEqual([])
    } finally {
      await context.close()
    }
  })
}
