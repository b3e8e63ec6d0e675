import type { QueryClient } from '@tanstack/react-query'
import { agentQueries } from '@/features/agents/api/agent-queries'
import { phoneNumberQueries } from '@/features/phone-numbers/api/phone-number-queries'
import type { Agent, PhoneNumber, PhoneNumberList } from '@/types/api'

/** The list with every row that `records` holds replaced; the same object when none is, so unrelated pages keep their identity. */
export function replaceNumbersInList(list: PhoneNumberList, records: PhoneNumber[]): PhoneNumberList {
  const byId = new Map(records.map((r) => [r.id, r]))
  if (!list.data.some((row) => byId.has(row.id))) return list
  return { ...list, data: list.data.map((row) => byId.get(row.id) ?? row) }
}

/** The agents with these versions marked published; the same array when all already are (or none is listed). */
export function markVersionsPublished(agents: Agent[], versionIds: string[]): Agent[] {
  const ids = new Set(versionIds)
  const needsUpdate = (agent: Agent) => agent.versions.some((v) => ids.has(v.id) && !v.published)
  if (!agents.some(needsUpdate)) return agents
  return agents.map((agent) =>
    needsUpdate(agent)
      ? {
          ...agent,
          versions: agent.versions.map((v) => (ids.has(v.id) && !v.published ? { ...v, published: true } : v)),
        }
      : agent,
  )
}

/**
 * Writes saved records and newly published versions into every cached query that shows them, without
 * refetching. Updaters return `undefined` when nothing changes: React Query then skips the write, so an
 * unrelated query is neither re-rendered nor marked fresh.
 */
export function reconcileSavedNumbers(
  queryClient: QueryClient,
  records: PhoneNumber[],
  publishedVersionIds: string[],
): void {
  if (records.length > 0) {
    queryClient.setQueriesData<PhoneNumberList>({ queryKey: phoneNumberQueries.lists() }, (list) =>
      unlessSame(list, list && replaceNumbersInList(list, records)),
    )
    for (const record of records) {
      const { queryKey } = phoneNumberQueries.detail(record.id)
      if (queryClient.getQueryData(queryKey) !== undefined) queryClient.setQueryData(queryKey, record)
    }
  }
  if (publishedVersionIds.length > 0) {
    queryClient.setQueryData(agentQueries.list().queryKey, (agents) =>
      unlessSame(agents, agents && markVersionsPublished(agents, publishedVersionIds)),
    )
  }
}

function unlessSame<T>(before: T | undefined, after: T | undefined): T | undefined {
  return after === before ? undefined : after
}
