import { agentLabel, type AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { PAGE_SIZES } from '@/features/phone-numbers/domain/list-view'
import { compareNames } from '@/lib/compare-names'
import { formatCount } from '@/lib/format-count'
import type { Agent } from '@/types/api'

/**
 * The toolbar's choices and its summary line, as text: the toolbar (React) and the first paint
 * (before React) show the same ones.
 */

/**
 * Export CSV waits for the agents' catalog (useAgentCatalog), whose names and versions its file
 * carries: offered once it is known, and so also when it is empty because the agents may not be read
 * or failed (the file then names versions by id, as the table shows them unknown).
 */
export const canExportWith = (catalog: AgentCatalog | null): catalog is AgentCatalog => catalog !== null

/** The filters' "no filter" choice. */
export const ANY_FILTER = '__all__'

export const STATUS_FILTER_OPTIONS = [
  { value: ANY_FILTER, label: 'Any status' },
  { value: 'active', label: 'Active' },
  { value: 'pending', label: 'Pending' },
]

export const PAGE_SIZE_OPTIONS = PAGE_SIZES.map((size) => ({ value: String(size), label: String(size) }))

/** The agents by name, as the Agent filter lists them. */
export function agentsByName(agents: Agent[]): Agent[] {
  return [...agents].sort((a, b) => compareNames(a.name, b.name))
}

/** The Agent filter's choices: any, the agents by name, and an agent the URL names that is not among them. */
export function agentFilterOptions(
  agentId: string | null,
  sortedAgents: Agent[],
  agentsKnown: boolean,
): { value: string; label: string }[] {
  return [
    { value: ANY_FILTER, label: 'Any agent' },
    ...sortedAgents.map((a) => ({ value: a.id, label: agentLabel(a) })),
    // A link may name an agent not in the list: keep it selectable so the filter stays visible.
    // Named unknown only once the agents are in (and this key may list them), never as a flash.
    ...(agentId && !sortedAgents.some((a) => a.id === agentId)
      ? [{ value: agentId, label: agentsKnown ? `Unknown agent (${agentId})` : agentId }]
      : []),
  ]
}

/** The position in the whole list of a page's first row (1-based), from the answer it came in. */
export function firstShownOf(page: { page: number; limit: number }): number {
  return (page.page - 1) * page.limit + 1
}

/** `10,000 numbers · showing 1–50`; empty until the list has answered. */
export function listSummary(
  list: { total: number; firstShown: number; lastShown: number; rowCount: number } | null,
): string {
  if (list === null) return ''
  const { total, firstShown, lastShown, rowCount } = list
  return `${formatCount(total)} ${total === 1 ? 'number' : 'numbers'}${
    rowCount > 0 ? ` · showing ${formatCount(firstShown)}–${formatCount(lastShown)}` : ''
  }`
}
