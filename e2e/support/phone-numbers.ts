import { expect, type Locator, type Page, type Request } from '@playwright/test'
import { parsePhoneNumberFromString } from 'libphonenumber-js/min'

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

/** The slice of `window.__demoBackend` (src/mocks/browser.ts) that the tests use. */
interface DemoBackendWindow {
  __demoBackend: {
    workspace: {
      allNumbers: () => ModelNumber[]
      listAgents: () => { data: { id: string; versions: ModelVersion[] }[] }
    }
    anotherAdmin: (number: string, changes: OtherAdminChange) => unknown
  }
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

/** `+14155550123` → `+1 415 555 0123`, as the page shows it. */
export function formatNumber(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164
}

/** Opens the page (at `path`, e.g. with demo settings) and waits until the rows and the agent names (the catalog) are shown. */
export async function openPhoneNumbersPage(page: Page, path = '/'): Promise<void> {
  await page.goto(path)
  await expect(page.getByRole('heading', { name: 'Phone numbers', level: 1 })).toBeVisible()
  // The first curated row shows its inbound agent by name only once the agents list has loaded.
  await expect(cellsOf(rowOf(page, MAIN_SUPPORT_LINE.title)).inbound).toHaveText('Front Desk · v3')
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
  const found = await page.evaluate(
    (wanted) =>
      (window as unknown as DemoBackendWindow).__demoBackend.workspace
        .allNumbers()
        .find((n) => n.phone_number === wanted) ?? null,
    e164,
  )
  if (!found) throw new Error(`The model has no number ${e164}`)
  return found
}

/** Another admin changes the number in the demo backend, not through the page (src/mocks/browser/test-hooks.ts). */
export async function anotherAdminChanges(page: Page, e164: string, change: OtherAdminChange): Promise<ModelNumber> {
  await page.evaluate(
    ([number, changes]) => (window as unknown as DemoBackendWindow).__demoBackend.anotherAdmin(number, changes),
    [e164, change] as const,
  )
  return modelNumber(page, e164)
}

export async function modelVersion(page: Page, agentId: string, versionId: string): Promise<ModelVersion> {
  const found = await page.evaluate(
    ([agent, version]) =>
      (window as unknown as DemoBackendWindow).__demoBackend.workspace
        .listAgents()
        .data.find((a) => a.id === agent)
        ?.versions.find((v) => v.id === version) ?? null,
    [agentId, versionId] as const,
  )
  if (!found) throw new Error(`The model has no version ${versionId} of ${agentId}`)
  return found
}
