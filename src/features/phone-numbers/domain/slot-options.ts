import {
  defaultVersionFor,
  isArchived,
  versionsNewestFirst,
  agentLabel,
  type AgentCatalog,
} from '@/features/agents/domain/agent-catalog'
import type { SelectOption } from '@/components/ui/select-field'
import { compareNames } from '@/lib/compare-names'

/** The options of the dialog's agent and version pickers (the sides' and the canary's). */

/** Radix Select cannot hold an empty value, so "no agent" has a sentinel. */
export const NONE = '__none__'
/** The slot holds a version the agents list does not know: kept as it is unless the user picks something. */
export const UNKNOWN = '__unknown__'

/** None first, then every live agent by name, plus an archived (or unknown) agent only when this slot holds it now. */
export function agentOptions(catalog: AgentCatalog, heldVersionId: string | null): SelectOption[] {
  const heldAgentId = heldVersionId === null ? null : (catalog.versionById.get(heldVersionId)?.agent.id ?? UNKNOWN)
  const agents = catalog.agents
    .filter((agent) => !isArchived(agent) || agent.id === heldAgentId)
    .sort((a, b) => compareNames(a.name, b.name))
  return [
    { value: NONE, label: 'None' },
    ...(heldAgentId === UNKNOWN ? [{ value: UNKNOWN, label: 'Unknown agent' }] : []),
    ...agents.map((agent) => ({ value: agent.id, label: agentLabel(agent) })),
  ]
}

/** An agent's versions newest first (`v4 · draft`, `v3`); an archived agent offers only the version the slot holds. */
export function versionOptions(catalog: AgentCatalog, agentId: string, heldVersionId: string | null): SelectOption[] {
  if (agentId === UNKNOWN) return heldVersionId ? [{ value: heldVersionId, label: 'Unknown version' }] : []
  const agent = catalog.agentById.get(agentId)
  if (!agent) return []
  const versions = isArchived(agent) ? agent.versions.filter((v) => v.id === heldVersionId) : versionsNewestFirst(agent)
  return versions.map((v) => ({ value: v.id, label: v.published ? `v${v.version}` : `v${v.version} · draft` }))
}

/** The version selected when the user picks an agent. */
export function versionOnAgentPick(catalog: AgentCatalog, agentId: string, heldVersionId: string | null): string {
  if (agentId === NONE) return ''
  if (agentId === UNKNOWN) return heldVersionId ?? ''
  const agent = catalog.agentById.get(agentId)
  if (!agent) return ''
  if (isArchived(agent)) return heldVersionId ?? ''
  return defaultVersionFor(agent)?.id ?? ''
}
