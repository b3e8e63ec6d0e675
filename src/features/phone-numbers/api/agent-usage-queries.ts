import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query'
import { platformApi } from '@/lib/api'

/** An agent's recent changes: a few, the usage region is not the place to read a long history. */
export const AGENT_CHANGES_PAGE_SIZE = 10

/**
 * The agent usage region's server state: how many numbers use each version of an agent
 * (GET /v1/agents/{id}/usage) and the agent's recent changes (GET /v1/events?agent_id=). Both live
 * under one key prefix, `agentUsageQueries.all()`, so any write to numbers (a save, an undo, a bulk
 * job) refreshes them with one call: refreshAgentUsage.
 */
export const agentUsageQueries = {
  all: () => ['agent-usage'] as const,
  usage: (agentId: string) =>
    queryOptions({
      queryKey: [...agentUsageQueries.all(), agentId, 'counts'] as const,
      queryFn: ({ signal }) => platformApi.agentUsage(agentId, { signal }),
    }),
  recentChanges: (agentId: string) =>
    infiniteQueryOptions({
      queryKey: [...agentUsageQueries.all(), agentId, 'events'] as const,
      queryFn: ({ pageParam, signal }) =>
        platformApi.listEvents({ agent_id: agentId, page: pageParam, limit: AGENT_CHANGES_PAGE_SIZE }, { signal }),
      initialPageParam: 1,
      getNextPageParam: (last) => (last.page * last.limit < last.total ? last.page + 1 : undefined),
    }),
}

/**
 * After a write that changed numbers' routing: the usage counts and recent changes shown are read
 * again (the agent on screen at once, any other when next shown). Bulk jobs call it when they end.
 */
export function refreshAgentUsage(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: agentUsageQueries.all() })
}
