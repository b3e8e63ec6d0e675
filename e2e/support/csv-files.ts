import { readFile } from 'node:fs/promises'
import { expect, type APIRequestContext, type Page } from '@playwright/test'
import type { Agent, PhoneNumber } from '@/types/api'
import { apiGet } from './real-api'

/**
 * What an exported file must hold, written from PAGE.md ("CSV") rather than from the app's own
 * export code, so that a test comparing the two can catch the app getting it wrong.
 */

/** The header line of an exported file (after its byte order mark). */
export const EXPORT_HEADER_LINE =
  'id,phone_number,nickname,label,status,provider,country,type,inbound_agent,inbound_version,' +
  'outbound_agent,outbound_version,canary,webhook_url,import_error,created_at,updated_at'

/** PAGE.md: a cell starting with one of these gets a `'` so that spreadsheets never run it… */
const RUNNABLE_START = /^[=+\-@]/
/** …except the phone number itself: `+` and digits cannot run. */
const E164 = /^\+\d+$/

function inert(column: string, value: string): string {
  if (column === 'phone_number' && E164.test(value)) return value
  return RUNNABLE_START.test(value) ? `'${value}` : value
}

/** `Front Desk` and `3` for a version id; `Legacy IVR (archived)` for an archived agent; the id alone when unknown. */
function slot(versionId: string | null, agents: readonly Agent[]): [string, string] {
  if (versionId === null) return ['', '']
  for (const agent of agents) {
    const version = agent.versions.find((v) => v.id === versionId)
    if (version) return [agent.archived_at ? `${agent.name} (archived)` : agent.name, String(version.version)]
  }
  return ['', versionId]
}

/** One number as the file's row must read once parsed, by column name. */
export function expectedExportRow(number: PhoneNumber, agents: readonly Agent[]): Record<string, string> {
  const [inboundAgent, inboundVersion] = slot(number.inbound_agent_version_id, agents)
  const [outboundAgent, outboundVersion] = slot(number.outbound_agent_version_id, agents)
  const canary = number.inbound_canary
  const [canaryAgent, canaryVersion] = slot(canary?.agent_version_id ?? null, agents)
  const row: Record<string, string> = {
    id: number.id,
    phone_number: number.phone_number,
    nickname: number.nickname ?? '',
    label: number.label ?? '',
    status: number.status,
    provider: number.provider,
    country: number.country_code,
    type: number.number_type,
    inbound_agent: inboundAgent,
    inbound_version: inboundVersion,
    outbound_agent: outboundAgent,
    outbound_version: outboundVersion,
    canary: !canary
      ? ''
      : canaryAgent === ''
        ? `${canary.agent_version_id} ${canary.percent}%`
        : `${canaryAgent} v${canaryVersion} ${canary.percent}%`,
    webhook_url: number.inbound_webhook_url ?? '',
    import_error: number.import_error ?? '',
    created_at: number.created_at,
    updated_at: number.updated_at,
  }
  return Object.fromEntries(Object.entries(row).map(([column, value]) => [column, inert(column, value)]))
}

/** Every number of a view as the test server lists it, page by page (`query`: the API's list parameters). */
export async function serverView(request: APIRequestContext, query: Record<string, string>): Promise<PhoneNumber[]> {
  const all: PhoneNumber[] = []
  for (let page = 1; ; page++) {
    const params = new URLSearchParams({ ...query, limit: '200', page: String(page) })
    const answer = await apiGet<{ data: PhoneNumber[]; total: number }>(request, `/v1/phone-numbers?${params}`)
    all.push(...answer.data)
    if (page * 200 >= answer.total) return all
  }
}

export async function serverAgents(request: APIRequestContext): Promise<Agent[]> {
  return (await apiGet<{ data: Agent[] }>(request, '/v1/agents')).data
}

/**
 * Clicks `Export CSV` and waits for the file: its name says what and when, the page says how many
 * numbers it holds. Returns the file's text.
 */
export async function exportCsvOfView(page: Page, count: number): Promise<string> {
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^phone-numbers-active-\d{4}-\d\d-\d\d-\d{4}\.csv$/)
  await expect(page.getByText(`Exported ${count.toLocaleString('en-US')} numbers.`)).toBeVisible()
  return readFile(await download.path(), 'utf8')
}
