import { versionsNewestFirst, type AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { EMPTY_SLOT } from '@/types/api-values'

export const ANY_VERSION = '__any__'

export interface VersionFilterOption {
  value: string
  label: string
}

const SIDE_WORDS = { inbound: 'inbound', outbound: 'outbound' } as const

/**
 * The choices of the Inbound/Outbound version filter: any, an empty slot, then every version of the
 * Agent filter's agent newest first (drafts marked). A version the URL names that is not among them
 * (another agent's, or one this key cannot list) stays selectable, named as well as the catalog allows,
 * so the filter in force is always visible.
 */
export function versionFilterOptions(
  side: keyof typeof SIDE_WORDS,
  agentId: string | null,
  selected: string | null,
  catalog: AgentCatalog,
): VersionFilterOption[] {
  const agent = agentId === null ? undefined : catalog.agentById.get(agentId)
  const options: VersionFilterOption[] = [
    { value: ANY_VERSION, label: `Any ${SIDE_WORDS[side]} version` },
    { value: EMPTY_SLOT, label: `No ${SIDE_WORDS[side]} agent` },
    ...(agent
      ? versionsNewestFirst(agent).map((v) => ({
          value: v.id,
          label: `${agent.name} v${v.version}${v.published ? '' : ' (draft)'}`,
        }))
      : []),
  ]
  if (selected !== null && !options.some((o) => o.value === selected)) {
    const known = catalog.versionById.get(selected)
    options.push({ value: selected, label: known ? `${known.agent.name} v${known.version.version}` : selected })
  }
  return options
}
