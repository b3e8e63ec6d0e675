import { isArchived, newestPublishedVersion, versionsNewestFirst } from '@/features/agents/domain/agent-catalog'
import { DEFAULT_LIST_VIEW, listParams, NO_FILTERS, type ListView } from '@/features/phone-numbers/domain/list-view'
import type { Agent, ListPhoneNumbersParams, VersionUsage } from '@/types/api'

export type UsageKind = 'inbound' | 'outbound' | 'canary'
export const USAGE_KINDS: readonly UsageKind[] = ['inbound', 'outbound', 'canary']

/** Which numbers a `Move vN numbers…` is about: those holding the version on one side, or on either. */
export type MoveSide = 'inbound' | 'outbound' | 'both'

export interface MoveNumbersRequest {
  agentId: string
  versionId: string
  side: MoveSide
  /** What the routing dialog proposes: the agent's newest published version (null when it has none or is archived). */
  proposedVersionId: string | null
  /** How many slots hold the version on that side (both: inbound + outbound, a number holding it on both counted twice). */
  slots: number
}

export interface UsageRow {
  versionId: string
  /** `v2`, `v4 (draft)` */
  label: string
  /** `v2` as the Move button names it. */
  shortLabel: string
  counts: Record<UsageKind, number>
  /** Set when numbers still use the version in a slot: what `Move vN numbers…` moves. */
  move: MoveNumbersRequest | null
}

/**
 * The usage answer as the region shows it: one row per version, newest first (the API answers in the
 * agent's order, oldest first). A version the answer has but the agents list does not (created since)
 * is still shown, by its id.
 */
export function usageRows(agent: Agent, usage: VersionUsage[]): UsageRow[] {
  const byId = new Map(usage.map((entry) => [entry.version_id, entry]))
  // An archived agent's versions cannot be deployed (API.md, agent_archived): propose none, the user picks another agent.
  const proposedVersionId = isArchived(agent) ? null : (newestPublishedVersion(agent)?.id ?? null)
  const known = versionsNewestFirst(agent).map((version) => ({
    versionId: version.id,
    shortLabel: `v${version.version}`,
    label: `v${version.version}${version.published ? '' : ' (draft)'}`,
  }))
  const unknown = usage
    .filter((entry) => !agent.versions.some((v) => v.id === entry.version_id))
    .map((entry) => ({ versionId: entry.version_id, shortLabel: entry.version_id, label: entry.version_id }))
  return [...unknown, ...known].map((row) => {
    const entry = byId.get(row.versionId)
    const counts = { inbound: entry?.inbound ?? 0, outbound: entry?.outbound ?? 0, canary: entry?.canary ?? 0 }
    const side: MoveSide | null =
      counts.inbound > 0 && counts.outbound > 0
        ? 'both'
        : counts.inbound > 0
          ? 'inbound'
          : counts.outbound > 0
            ? 'outbound'
            : null
    return {
      ...row,
      counts,
      move:
        side === null
          ? null
          : {
              agentId: agent.id,
              versionId: row.versionId,
              side,
              proposedVersionId,
              slots: counts.inbound + counts.outbound,
            },
    }
  })
}

/**
 * The view a count links to: the agent's numbers holding the version in that slot, with every other
 * filter and the search cleared (else the table would show fewer numbers than the count says).
 * The API has no filter for a canary's version, so a canary count lists the agent's numbers that
 * have a canary (which includes canaries of the agent's other versions).
 */
export function usageLinkView(agentId: string, versionId: string, kind: UsageKind): Partial<ListView> {
  const base = { ...NO_FILTERS, agentId }
  if (kind === 'inbound') return { ...base, inboundVersionId: versionId }
  if (kind === 'outbound') return { ...base, outboundVersionId: versionId }
  return { ...base, canary: true }
}

/** The list filters of the numbers a Move is about: one view per side it names (a number in both is read once). */
export function moveFilters(request: MoveNumbersRequest): ListPhoneNumbersParams[] {
  const sides: ('inbound' | 'outbound')[] = request.side === 'both' ? ['inbound', 'outbound'] : [request.side]
  return sides.map((side) =>
    listParams({ ...DEFAULT_LIST_VIEW, ...usageLinkView(request.agentId, request.versionId, side) }),
  )
}
