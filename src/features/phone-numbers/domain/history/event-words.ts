import { agentInSentence, type AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { isolated } from '@/lib/bidi'
import { eventFields, type EventChange, type InboundCanary } from '@/types/api'

/**
 * A change history event in words, as History and the usage region's recent changes show it:
 * "Inbound: Front Desk v2 → v3", "Nickname: Old IVR → Billing", "Canary: none → Front Desk v3 at 10 %".
 * An archived agent is named as such; a version the agent list does not hold is still named by its id.
 */

const FIELD_NAMES: Record<EventChange['field'], string> = {
  inbound_agent_version_id: 'Inbound',
  outbound_agent_version_id: 'Outbound',
  inbound_canary: 'Canary',
  nickname: 'Nickname',
  label: 'Label',
  inbound_webhook_url: 'Webhook',
}

const NONE = 'none'

/** The event's changes in a fixed order (the API may list them in any), each in words. */
export function changesInWords(changes: readonly EventChange[], catalog: AgentCatalog): string[] {
  return [...changes]
    .sort((a, b) => eventFields.indexOf(a.field) - eventFields.indexOf(b.field))
    .map((change) => changeInWords(change, catalog))
}

export function changeInWords(change: EventChange, catalog: AgentCatalog): string {
  const name = FIELD_NAMES[change.field]
  if (change.field === 'inbound_canary') return `${name}: ${canaryChange(change.from, change.to, catalog)}`
  if (change.field === 'inbound_agent_version_id' || change.field === 'outbound_agent_version_id') {
    return `${name}: ${versionChange(change.from, change.to, catalog)}`
  }
  const text = (value: string | null) => (value === null ? NONE : isolated(value))
  return `${name}: ${text(change.from)} → ${text(change.to)}`
}

interface NamedVersion {
  agentId: string | null
  agent: string
  version: string
}

function named(versionId: string, catalog: AgentCatalog): NamedVersion {
  const entry = catalog.versionById.get(versionId)
  if (!entry) return { agentId: null, agent: 'an unlisted version', version: `(${versionId})` }
  return { agentId: entry.agent.id, agent: agentInSentence(entry.agent), version: `v${entry.version.version}` }
}

export function versionName(versionId: string, catalog: AgentCatalog): string {
  const { agent, version } = named(versionId, catalog)
  return `${agent} ${version}`
}

/** "Front Desk v2 → v3" within one agent, "Front Desk v2 → Billing Assistant v1" across agents. */
function versionChange(from: string | null, to: string | null, catalog: AgentCatalog): string {
  if (from === null || to === null) {
    return `${from === null ? NONE : versionName(from, catalog)} → ${to === null ? NONE : versionName(to, catalog)}`
  }
  const [a, b] = [named(from, catalog), named(to, catalog)]
  return a.agentId !== null && a.agentId === b.agentId
    ? `${a.agent} ${a.version} → ${b.version}`
    : `${a.agent} ${a.version} → ${b.agent} ${b.version}`
}

export function canaryName(canary: InboundCanary, catalog: AgentCatalog): string {
  return `${versionName(canary.agent_version_id, catalog)} at ${canary.percent} %`
}

function canaryChange(from: InboundCanary | null, to: InboundCanary | null, catalog: AgentCatalog): string {
  if (from && to && from.agent_version_id === to.agent_version_id) {
    return `${canaryName(from, catalog)} → ${to.percent} %`
  }
  return `${from ? canaryName(from, catalog) : NONE} → ${to ? canaryName(to, catalog) : NONE}`
}
