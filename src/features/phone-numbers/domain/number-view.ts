import { isArchived, newestPublishedVersion, type AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { formatPhoneNumber } from '@/lib/phone-format'
import type { PhoneNumber } from '@/types/api'

/** How a number is named to people: its nickname, else the number formatted. */
export function numberTitle(number: PhoneNumber): string {
  return number.nickname ?? formatPhoneNumber(number.phone_number)
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
