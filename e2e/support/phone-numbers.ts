import { expect, type Locator, type Page, type Request } from '@playwright/test'
import { parsePhoneNumberFromString } from 'libphonenumber-js/min'
import { demoBackend } from './demo-backend'

/** What the tests read from the demo backend's model (a subset of the API's PhoneNumber). */
export interface ModelNumber {
  id: string
  phone_number: string
  nickname: string | null
  label: string | null
  inbound_agent_version_id: string | null
  outbound_agent_version_id: string | null
  updated_at: string
}

interface ModelVersion {
  id: string
  version: number
  published: boolean
}

/** What "another admin" changes behind the page's back. */
export interface OtherAdminChange {
  inbound_agent_version_id?: string | null
  outbound_agent_version_id?: string | null
  nickname?: string | null
  label?: string | null
}

/** A seeded number (src/mocks/seed.ts, also served by e2e/real-server): inbound Front Desk v3, outbound None, label cc-4410. */
export const MAIN_SUPPORT_LINE = { e164: '+14155550123', title: 'Main Support Line' }
/** Appointment Reminders v2 on both sides, no canary. */
export const APPOINTMENT_LINE = { e164: '+14155550172', title: 'Appointment Line' }
/** Front Desk v2 inbound with a canary of v3 at 10 %, and a webhook URL. */
export const TOLL_FREE = { e164: '+18005550199', title: 'Toll-free Support' }

/** What {@link routeToBillingWithDraftCanary} leaves on Appointment Line. */
export const BILLING_WITH_DRAFT_CANARY = {
  inbound_agent_version_id: 'agv_billing_3',
  outbound_agent_version_id: null,
  inbound_canary: { agent_version_id: 'agv_billing_4', percent: 15 },
}

/** Saves a change of every routing field of Appointment Line: inbound to Billing Assistant v3, outbound cleared, a canary of the draft v4 at 15 %. */
export async function routeToBillingWithDraftCanary(page: Page): Promise<void> {
  const dialog = await openEditDialog(page, APPOINTMENT_LINE.title)
  await choose(page, dialog, 'Inbound agent', 'Billing Assistant')
  await choose(page, dialog, 'Outbound agent', 'None')
  await dialog.getByRole('button', { name: 'Add canary', exact: true }).click()
  await choose(page, dialog, 'Canary version', 'v4 · draft')
  await dialog.getByRole('spinbutton', { name: 'Canary share' }).fill('15')
  await saveAndWaitForClose(page, dialog)
}

/** `+14155550123` → `+1 415 555 0123`, as the page shows it. */
export function formatNumber(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164
}

/** Opens the page (at `path`, e.g. with demo settings) and waits until the rows and the agent names (the catalog) are shown. */
export const PAGE_LOAD_MS = 15_000

export async function openPhoneNumbersPage(page: Page, path = '/'): Promise<void> {
  await page.goto(path)
  // A cold load (the demo's service worker installs, a fresh browser compiles the app) is the slowest
  // step on a busy 2-core machine: it gets a page load's time, not an assertion's.
  await expect(page.getByRole('heading', { name: 'Phone numbers', level: 1 })).toBeVisible({ timeout: PAGE_LOAD_MS })
  // The first curated row shows its inbound agent by name only once the agents list has loaded.
  await expect(cellsOf(rowOf(page, MAIN_SUPPORT_LINE.title)).inbound).toHaveText('Front Desk · v3', {
    timeout: PAGE_LOAD_MS,
  })
}

/** The table row whose Edit button is named after this nickname (or formatted number, when it has none). */
export function rowOf(page: Page, title: string): Locator {
  return page.getByRole('row').filter({ has: editButtonOf(page, title) })
}

export function editButtonOf(page: Page, title: string): Locator {
  return page.getByRole('button', { name: `Edit ${title}`, exact: true })
}

export function cellsOf(row: Locator) {
  const cells = row.getByRole('cell')
  // The first cell holds the row's checkbox.
  return {
    number: cells.nth(1),
    nickname: cells.nth(2),
    inbound: cells.nth(3),
    outbound: cells.nth(4),
    status: cells.nth(5),
  }
}

/** Clicks the row's Edit button and returns the dialog, checked to be titled with the number. */
export async function openEditDialog(page: Page, title: string): Promise<Locator> {
  await editButtonOf(page, title).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  return dialog
}

/** Chooses a Radix Select option the way a mouse user does: the combobox, then the option. */
export async function choose(page: Page, dialog: Locator, combobox: string, option: string): Promise<void> {
  await dialog.getByRole('combobox', { name: combobox, exact: true }).click()
  // The listbox is portalled to <body>, outside the dialog.
  await page.getByRole('option', { name: option, exact: true }).click()
  await expect(page.getByRole('listbox')).toBeHidden()
  await expectSelected(dialog.getByRole('combobox', { name: combobox, exact: true }), option)
}

/** The open Select's options, exactly these in this order, by accessible name (the ✓ indicator is aria-hidden). */
export async function expectOptions(page: Page, names: string[]): Promise<void> {
  const lines = names.map((name) => `  - option ${JSON.stringify(name)}`)
  await expect(page.getByRole('listbox')).toMatchAriaSnapshot(
    ['- listbox:', '  - /children: equal', ...lines].join('\n'),
  )
}

/** What a Radix Select shows as chosen, read from the accessibility tree (its ▾ icon is aria-hidden). */
export async function expectSelected(combobox: Locator, text: string): Promise<void> {
  await expect(combobox).toMatchAriaSnapshot(`- combobox: ${JSON.stringify(text)}`)
}

export async function saveAndWaitForClose(page: Page, dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
}

export interface RecordedWrite {
  method: string
  path: string
  body: unknown
}

/** Records every API request that is not a GET (publish and PATCH), in the order the page sent them. */
export function recordWrites(page: Page): RecordedWrite[] {
  const writes: RecordedWrite[] = []
  page.on('request', (request: Request) => {
    const url = new URL(request.url())
    if (request.method() === 'GET' || !url.pathname.startsWith('/v1/')) return
    writes.push({ method: request.method(), path: url.pathname, body: request.postDataJSON() as unknown })
  })
  return writes
}

/** The number as the demo backend's model holds it now. */
export async function modelNumber(page: Page, e164: string): Promise<ModelNumber> {
  const found = await demoBackend(page, 'numberByE164', e164)
  if (!found) throw new Error(`The model has no number ${e164}`)
  return found
}

/** What "another admin" changes on the Main Support Line in the lost-update tests, in the demo and on a real server. */
export const REMINDERS_CHANGE: OtherAdminChange = {
  outbound_agent_version_id: 'agv_reminders_2',
  nickname: 'Reminders Line',
}

/**
 * The edit dialog after its Save met REMINDERS_CHANGE (409): it says what the other admin changed,
 * shows their nickname, and leaves only the user's inbound change to save.
 */
export async function expectRemindersChangeExplained(dialog: Locator): Promise<void> {
  const alert = dialog.getByRole('alert')
  await expect(alert).toContainText(
    'Someone else changed this number after you opened it: nothing of theirs was overwritten.',
  )
  await expect(alert).toContainText(/Changed by another-admin at \d\d:\d\d:\d\d UTC\./)
  await expect(alert).toContainText('Outbound changed to Appointment Reminders v2 since you opened this number.')
  await expect(alert).toContainText('Nickname changed to “Reminders Line” since you opened this number.')
  await expect(dialog.getByRole('textbox', { name: 'Nickname' })).toHaveValue('Reminders Line')
  await expect(dialog.getByRole('listitem')).toHaveText(['Inbound: Front Desk v3 → Billing Assistant v3'])
}

/** Another admin changes the number in the demo backend, not through the page (src/mocks/browser/test-hooks.ts). */
export async function anotherAdminChanges(page: Page, e164: string, change: OtherAdminChange): Promise<ModelNumber> {
  return demoBackend(page, 'anotherAdmin', e164, { ...change })
}

export async function modelVersion(page: Page, agentId: string, versionId: string): Promise<ModelVersion> {
  const { data: agents } = await demoBackend(page, 'listAgents')
  const found = agents.find((a) => a.id === agentId)?.versions.find((v) => v.id === versionId)
  if (!found) throw new Error(`The model has no version ${versionId} of ${agentId}`)
  return found
}
