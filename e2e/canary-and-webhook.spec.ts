import { expect, test, type Locator, type Page } from '@playwright/test'
import { axeViolations } from './support/axe'
import { layoutProblems } from './support/layout'
import {
  APPOINTMENT_LINE,
  cellsOf,
  choose,
  MAIN_SUPPORT_LINE,
  type ModelNumber,
  modelNumber,
  modelVersion,
  openEditDialog,
  openPhoneNumbersPage,
  recordWrites,
  rowOf,
  saveAndWaitForClose,
  TOLL_FREE,
} from './support/phone-numbers'

const HOOK = 'https://hooks.acme-health.example/main-support'

interface ModelCanaryAndWebhook extends ModelNumber {
  inbound_canary: { agent_version_id: string; percent: number } | null
  inbound_webhook_url: string | null
}

/** The number as the demo backend holds it, with its canary and webhook URL. */
const onServer = async (page: Page, e164: string) => (await modelNumber(page, e164)) as ModelCanaryAndWebhook

const summaryOf = (dialog: Locator) => dialog.getByRole('region', { name: 'What Save will do' }).getByRole('listitem')

test('add a canary with a draft version, then promote it: each checked on the server', async ({ page }) => {
  await openPhoneNumbersPage(page)
  const writes = recordWrites(page)
  let dialog = await openEditDialog(page, APPOINTMENT_LINE.title)
  await dialog.getByRole('button', { name: 'Add canary', exact: true }).click()
  await expect(dialog.getByRole('combobox', { name: 'Canary agent', exact: true })).toBeFocused()
  await choose(page, dialog, 'Canary version', 'v3 · draft')
  await dialog.getByRole('spinbutton', { name: 'Canary share' }).fill('20')
  await expect(dialog.getByText('After saving: Appointment Reminders v3 answers 20 % of inbound calls.')).toBeVisible()
  await expect(summaryOf(dialog)).toHaveText(['Canary: Appointment Reminders v3 at 20 % (publishes v3)'])
  await saveAndWaitForClose(page, dialog)

  expect(writes.map((w) => [w.method, w.path])).toEqual([
    ['POST', '/v1/agents/agt_reminders/versions/agv_reminders_3/publish'],
    ['PUT', expect.stringMatching(/^\/v1\/phone-numbers\/[^/]+\/inbound-canary$/)],
  ])
  expect((await onServer(page, APPOINTMENT_LINE.e164)).inbound_canary).toEqual({
    agent_version_id: 'agv_reminders_3',
    percent: 20,
  })
  expect((await modelVersion(page, 'agt_reminders', 'agv_reminders_3')).published).toBe(true)
  await expect(cellsOf(rowOf(page, APPOINTMENT_LINE.title)).inbound).toHaveText(
    'Appointment Reminders · v2 + v3 20 % · v3 available',
  )

  dialog = await openEditDialog(page, APPOINTMENT_LINE.title)
  await expect(dialog.getByText('Appointment Reminders v3 answers 20 % of inbound calls')).toBeVisible()
  await dialog.getByRole('button', { name: 'Promote canary', exact: true }).click()
  await expect(summaryOf(dialog)).toHaveText([
    'Inbound: Appointment Reminders v2 → Appointment Reminders v3',
    'Canary promoted: Appointment Reminders v3 takes all inbound calls',
  ])
  await saveAndWaitForClose(page, dialog)
  expect(await onServer(page, APPOINTMENT_LINE.e164)).toMatchObject({
    inbound_agent_version_id: 'agv_reminders_3',
    outbound_agent_version_id: 'agv_reminders_2',
    inbound_canary: null,
  })
  expect(writes).toHaveLength(3)
  await expect(cellsOf(rowOf(page, APPOINTMENT_LINE.title)).inbound).toHaveText('Appointment Reminders · v3')
})

test('remove a canary: one DELETE, checked on the server', async ({ page }) => {
  await openPhoneNumbersPage(page)
  const writes = recordWrites(page)
  await expect(cellsOf(rowOf(page, TOLL_FREE.title)).inbound).toHaveText('Front Desk · v2 + v3 10 % · v3 available')
  const dialog = await openEditDialog(page, TOLL_FREE.title)
  await dialog.getByRole('button', { name: 'Remove canary', exact: true }).click()
  await expect(dialog.getByRole('button', { name: 'Add canary', exact: true })).toBeFocused()
  await saveAndWaitForClose(page, dialog)
  expect(writes.map((w) => w.method)).toEqual(['DELETE'])
  expect((await onServer(page, TOLL_FREE.e164)).inbound_canary).toBeNull()
  await expect(cellsOf(rowOf(page, TOLL_FREE.title)).inbound).toHaveText('Front Desk · v2 · v3 available')
})

test('set and clear the webhook URL: each one PATCH, checked on the server', async ({ page }) => {
  await openPhoneNumbersPage(page)
  const writes = recordWrites(page)
  let dialog = await openEditDialog(page, MAIN_SUPPORT_LINE.title)
  const field = dialog.getByRole('textbox', { name: 'Inbound webhook URL' })
  await field.fill('http://hooks.example/x')
  await expect(field).toHaveAccessibleDescription(
    'Inbound webhook URL must be a full https:// address, such as https://hooks.example.com/inbound.',
  )
  await field.fill(HOOK)
  await expect(summaryOf(dialog)).toHaveText([`Webhook: set to ${HOOK}`])
  await saveAndWaitForClose(page, dialog)
  expect((await onServer(page, MAIN_SUPPORT_LINE.e164)).inbound_webhook_url).toBe(HOOK)

  dialog = await openEditDialog(page, MAIN_SUPPORT_LINE.title)
  await dialog.getByRole('textbox', { name: 'Inbound webhook URL' }).fill('')
  await expect(summaryOf(dialog)).toHaveText([`Webhook: cleared (was ${HOOK})`])
  await saveAndWaitForClose(page, dialog)
  expect((await onServer(page, MAIN_SUPPORT_LINE.e164)).inbound_webhook_url).toBeNull()
  expect(writes.map((w) => [w.method, (w.body as { inbound_webhook_url?: unknown }).inbound_webhook_url])).toEqual([
    ['PATCH', HOOK],
    ['PATCH', null],
  ])
})

test('the support persona sees the canary and the webhook URL read-only, with the reasons', async ({ page }) => {
  await openPhoneNumbersPage(page)
  await page.getByLabel('Demo persona').selectOption('demo_support')
  const dialog = await openEditDialog(page, TOLL_FREE.title)
  await expect(dialog.getByText('Front Desk v3 answers 10 % of inbound calls')).toBeVisible()
  const routing = 'Your key can rename numbers but not change routing.'
  for (const name of ['Canary agent', 'Canary version']) {
    const picker = dialog.getByRole('combobox', { name, exact: true })
    await expect(picker).toBeDisabled()
    await expect(picker).toHaveAccessibleDescription(routing)
  }
  await expect(dialog.getByRole('spinbutton', { name: 'Canary share' })).not.toBeEditable()
  for (const name of ['Add canary', 'Promote canary', 'Remove canary']) {
    await expect(dialog.getByRole('button', { name, exact: true })).toHaveCount(0)
  }
  const webhook = dialog.getByRole('textbox', { name: 'Inbound webhook URL' })
  await expect(webhook).not.toBeEditable()
  await expect(webhook).toHaveAccessibleDescription(/Your key cannot change the webhook URL/)
  expect(await axeViolations(page)).toEqual([])
})

// An axe scan and a walk over every character of the dialog take seconds on a small machine.
test.describe.configure({ timeout: 60_000 })

for (const screen of [
  { name: '1280 px', viewport: { width: 1280, height: 800 } },
  { name: '390 px', viewport: { width: 390, height: 844 } },
]) {
  test.describe(`at ${screen.name}`, () => {
    test.use({ viewport: screen.viewport })

    test('the dialog with a canary fits, has no axe violations, and is photographed', async ({ page }, testInfo) => {
      await openPhoneNumbersPage(page)
      const dialog = await openEditDialog(page, TOLL_FREE.title)
      await choose(page, dialog, 'Canary version', 'v1')
      await dialog.getByRole('spinbutton', { name: 'Canary share' }).fill('150')
      await expect(dialog.getByText(/Canary share must be a whole number/)).toBeVisible()
      await dialog.getByRole('spinbutton', { name: 'Canary share' }).fill('25')
      await expect(summaryOf(dialog)).toHaveText(['Canary: Front Desk v3 at 10 % → Front Desk v1 at 25 %'])
      expect(
        await layoutProblems(page, {
          scope: '[role="dialog"]',
          oneLine: '.button, .select-trigger, label, legend',
          apart: 'fieldset, .field',
          containers: 'fieldset, .field, .summary, .notice',
        }),
      ).toEqual([])
      expect(await dialog.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0)
      expect(await axeViolations(page)).toEqual([])
      // For a person to look at: the dialog as it opens, and scrolled to its end.
      await page.screenshot({ path: testInfo.outputPath(`canary-dialog-${screen.viewport.width}.png`) })
      await dialog.evaluate((element) => element.scrollTo({ top: element.scrollHeight }))
      await page.screenshot({ path: testInfo.outputPath(`canary-dialog-${screen.viewport.width}-end.png`) })
    })
  })
}
