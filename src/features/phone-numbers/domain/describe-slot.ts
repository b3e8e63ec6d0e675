import { newestPublishedVersion, type AgentCatalog } from '@/features/agents/domain/agent-catalog'

/** What a slot holds, in the terms the table and the dialog show. */
export type SlotView =
  | { kind: 'empty' }
  | { kind: 'unknown'; versionId: string }
  | {
      kind: 'assigned'
      agentId: string
      agentName: string
      archived: boolean
      version: number
      /** The agent's newest published version when it is newer than the one held. */
      newerVersion: number | null
    }

export function describeSlot(versionId: string | null, catalog: AgentCatalog | null): SlotView {
  if (versionId === null) return { kind: 'empty' }
  const entry = catalog?.versionById.get(versionId)
  if (!entry) return { kind: 'unknown', versionId }
  const newest = newestPublishedVersion(entry.agent)
  return {
    kind: 'assigned',
    agentId: entry.agent.id,
    agentName: entry.agent.name,
    archived: entry.agent.archived_at !== null,
    version: entry.version.version,
    newerVersion: newest && newest.version > entry.version.version ? newest.version : null,
  }
}

/** `Front Desk v2`, `None`, or `an unknown version`, for sentences. */
export function slotInWords(view: SlotView): string {
  if (view.kind === 'empty') return 'None'
  if (view.kind === 'unknown') return 'an unknown version'
  return `${view.agentName} v${view.version}`
}
