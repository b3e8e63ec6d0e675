import { isArchived, type AgentCatalog } from '@/features/agents/domain/agent-catalog'
import type { ListView } from '@/features/phone-numbers/domain/list-view'
import type { CsvCell } from '@/lib/csv-file'
import type { PhoneNumber } from '@/types/api'

/**
 * The columns of an exported file (PAGE.md, "CSV"), named as the API names the fields so that a
 * file can come back through Import CSV (which reads `id`, `phone_number`, `nickname`, `label`).
 */
export const EXPORT_HEADER = [
  'id',
  'phone_number',
  'nickname',
  'label',
  'status',
  'provider',
  'country',
  'type',
  'inbound_agent',
  'inbound_version',
  'outbound_agent',
  'outbound_version',
  'canary',
  'webhook_url',
  'import_error',
  'created_at',
  'updated_at',
] as const

/** An agent's name as people read it, `Legacy IVR (archived)`, and its version number. */
function slotCells(versionId: string | null, catalog: AgentCatalog): [CsvCell, CsvCell] {
  if (versionId === null) return ['', '']
  const entry = catalog.versionById.get(versionId)
  // A version the agents list does not hold (or a key without agents:read): its id, so nothing is lost.
  if (!entry) return ['', versionId]
  const name = isArchived(entry.agent) ? `${entry.agent.name} (archived)` : entry.agent.name
  return [name, entry.version.version]
}

/** `Front Desk v3 10%`; a version the agents list does not hold is written by its id. */
function canaryCell(number: PhoneNumber, catalog: AgentCatalog): CsvCell {
  const canary = number.inbound_canary
  if (canary === null) return ''
  const [agent, version] = slotCells(canary.agent_version_id, catalog)
  return agent === '' ? `${canary.agent_version_id} ${canary.percent}%` : `${agent} v${version} ${canary.percent}%`
}

/** One number as a line of the file, in EXPORT_HEADER's order. */
export function exportCells(number: PhoneNumber, catalog: AgentCatalog): CsvCell[] {
  return [
    number.id,
    number.phone_number,
    number.nickname,
    number.label,
    number.status,
    number.provider,
    number.country_code,
    number.number_type,
    ...slotCells(number.inbound_agent_version_id, catalog),
    ...slotCells(number.outbound_agent_version_id, catalog),
    canaryCell(number, catalog),
    number.inbound_webhook_url,
    number.import_error,
    number.created_at,
    number.updated_at,
  ]
}

/** What a view's file holds, for its name: `phone numbers status active agent Front Desk search clinic`. */
export function exportSubject(view: Pick<ListView, 'search' | 'status' | 'agentId'>, catalog: AgentCatalog): string {
  const parts = ['phone numbers']
  if (view.status) parts.push(view.status)
  if (view.agentId) parts.push(catalog.agentById.get(view.agentId)?.name ?? view.agentId)
  if (view.search) parts.push(view.search)
  return parts.join(' ')
}
