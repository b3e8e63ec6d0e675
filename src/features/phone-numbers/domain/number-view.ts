import { isolated } from '@/lib/bidi'
import {
  agentInSentence,
  isArchived,
  newestPublishedVersion,
  type AgentCatalog,
} from '@/features/agents/domain/agent-catalog'
import { formatPhoneNumber } from '@/lib/phone-format'
import type { InboundCanary, PhoneNumber } from '@/types/api'

/** How a number is named to people (its controls' names: `Edit Front Desk`): its nickname, else the number formatted. */
export function numberName(number: Pick<PhoneNumber, 'nickname' | 'phone_number'>): string {
  return number.nickname ?? formatPhoneNumber(number.phone_number)
}

/** The number's name in one of the page's sentences: `Saved Front Desk: …`, a right-to-left nickname isolated. */
export function numberInSentence(number: Pick<PhoneNumber, 'nickname' | 'phone_number'>): string {
  return isolated(numberName(number))
}

/** What a slot holds, in the terms the table and the dialog show. */
export type SlotView =
  | { kind: 'empty' }
  | { kind: 'unknown'; versionId: string }
  | {
      kind: 'assigned'
      agentName: string
      archived: boolean
      version: number
      /** The agent's newest published version when it is newer than the one held and may be deployed (not archived). */
      newerVersion: number | null
    }

export function describeSlot(versionId: string | null, catalog: AgentCatalog | null): SlotView {
  if (versionId === null) return { kind: 'empty' }
  const entry = catalog?.versionById.get(versionId)
  if (!entry) return { kind: 'unknown', versionId }
  const archived = isArchived(entry.agent)
  // An archived agent's versions cannot be deployed, so a newer one is no upgrade to offer.
  const newest = archived ? null : newestPublishedVersion(entry.agent)
  return {
    kind: 'assigned',
    agentName: entry.agent.name,
    archived,
    version: entry.version.version,
    newerVersion: newest && newest.version > entry.version.version ? newest.version : null,
  }
}

/**
 * The canary beside the inbound slot in the table, `+ v3 10 %` (a version of the slot's agent) or
 * `+ Billing Assistant v1 10 %` (another agent's); null without a canary. An archived agent is named
 * as such; a version the agents list does not hold, as one.
 */
export function canaryBesideSlot(number: PhoneNumber, catalog: AgentCatalog | null): string | null {
  const canary = number.inbound_canary
  if (canary === null) return null
  const entry = catalog?.versionById.get(canary.agent_version_id)
  const slotAgent = catalog?.versionById.get(number.inbound_agent_version_id ?? '')?.agent
  const version = !entry
    ? 'an unknown version'
    : entry.agent === slotAgent
      ? `v${entry.version.version}`
      : `${agentInSentence(entry.agent)} v${entry.version.version}`
  return `+ ${version} ${canary.percent} %`
}

/** `Front Desk v2`, `None`, or `an unknown version`, for sentences. */
export function slotInWords(versionId: string | null, catalog: AgentCatalog): string {
  const view = describeSlot(versionId, catalog)
  if (view.kind === 'empty') return 'None'
  if (view.kind === 'unknown') return 'an unknown version'
  return `${isolated(view.agentName)} v${view.version}`
}

/** The canary as the dialog states it: `Front Desk v3 answers 10 % of inbound calls`. */
export function canaryShareInWords(canary: InboundCanary, catalog: AgentCatalog): string {
  return `${slotInWords(canary.agent_version_id, catalog)} answers ${canary.percent} % of inbound calls`
}
