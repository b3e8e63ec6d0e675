import { isArchived, versionsNewestFirst, type AgentCatalog } from '@/features/agents/domain/agent-catalog'
import type { SelectOption } from '@/components/ui/select-field'
import { agentOptions, NONE, UNKNOWN } from '@/features/phone-numbers/domain/slot-options'
import type { InboundCanary } from '@/types/api'
import { compareNames } from '@/lib/compare-names'

/**
 * The inbound canary in the edit form: what `Add canary` proposes, what picking its agent selects,
 * and what `Promote canary` and `Remove canary` do to the form (they change only the form: Save
 * sends the calls).
 */

/** A canary's share when it is added: per cent of inbound calls. */
export const DEFAULT_CANARY_SHARE = 10

/** The form fields of the canary, as edit-number-form.ts holds them. */
export interface CanaryFormValues {
  /** The form holds a canary (added, or the number's own and not removed). */
  canaryOn: boolean
  canaryAgent: string
  canaryVersion: string
  /** As typed: the schema checks it is a whole number from 1 to 99. */
  canaryShare: string
}

/** The canary fields holding `canary` (null: none, with the default share ready for `Add canary`). */
export function canaryFormValues(canary: InboundCanary | null, catalog: AgentCatalog): CanaryFormValues {
  if (canary === null) {
    return { canaryOn: false, canaryAgent: '', canaryVersion: '', canaryShare: String(DEFAULT_CANARY_SHARE) }
  }
  const agent = catalog.versionById.get(canary.agent_version_id)?.agent.id ?? UNKNOWN
  return {
    canaryOn: true,
    canaryAgent: agent,
    canaryVersion: canary.agent_version_id,
    canaryShare: String(canary.percent),
  }
}

/** The share as typed, as a number: NaN unless it is digits only (the schema says why). */
export function shareOf(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN
}

/** The canary the fields describe; null when they hold none or while inbound is None (clearing inbound removes it). */
export function canaryOfValues(values: CanaryFormValues, inbound: string | null): InboundCanary | null {
  if (!values.canaryOn || inbound === null) return null
  return { agent_version_id: values.canaryVersion, percent: shareOf(values.canaryShare) }
}

/** Every live agent by name (the canary may be any agent's version), plus an archived one the canary holds now; no None. */
export function canaryAgentOptions(catalog: AgentCatalog, heldCanaryVersion: string | null): SelectOption[] {
  return agentOptions(catalog, heldCanaryVersion).filter((option) => option.value !== NONE)
}

/**
 * The version a canary of this agent starts with: its newest published version other than the
 * inbound one (a canary must differ from its slot), else its newest other version (a draft, which
 * Save publishes first); an archived agent only the version the canary holds.
 */
export function canaryVersionOnAgentPick(
  catalog: AgentCatalog,
  agentId: string,
  inboundVersion: string | null,
  heldCanaryVersion: string | null,
): string {
  if (agentId === UNKNOWN) return heldCanaryVersion ?? ''
  const agent = catalog.agentById.get(agentId)
  if (!agent) return ''
  if (isArchived(agent)) return heldCanaryVersion ?? ''
  const others = versionsNewestFirst(agent).filter((version) => version.id !== inboundVersion)
  return (others.find((version) => version.published) ?? others[0])?.id ?? ''
}

/**
 * `Add canary`: the inbound agent's newest published version other than the slot's (PAGE.md), at
 * the default share; when the inbound agent is archived or unknown, the first live agent with a
 * version to offer.
 */
export function withCanaryAdded(catalog: AgentCatalog, inboundVersion: string): CanaryFormValues {
  const share = String(DEFAULT_CANARY_SHARE)
  const inboundAgent = catalog.versionById.get(inboundVersion)?.agent
  const candidates = [
    ...(inboundAgent && !isArchived(inboundAgent) ? [inboundAgent] : []),
    ...catalog.agents.filter((agent) => !isArchived(agent)).sort((a, b) => compareNames(a.name, b.name)),
  ]
  for (const agent of candidates) {
    const version = canaryVersionOnAgentPick(catalog, agent.id, inboundVersion, null)
    if (version) return { canaryOn: true, canaryAgent: agent.id, canaryVersion: version, canaryShare: share }
  }
  return { canaryOn: true, canaryAgent: '', canaryVersion: '', canaryShare: share }
}

/** `Promote canary`: the inbound side takes the canary's version, and the canary goes (one deploy, API.md). */
export function withCanaryPromoted(values: CanaryFormValues): {
  inboundAgent: string
  inboundVersion: string
  canaryOn: false
} {
  return { inboundAgent: values.canaryAgent, inboundVersion: values.canaryVersion, canaryOn: false }
}
