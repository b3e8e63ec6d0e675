import { queryOptions } from '@tanstack/react-query'
import { platformApi } from '@/lib/api'

export const agentQueries = {
  all: () => ['agents'] as const,
  list: () =>
    queryOptions({
      queryKey: [...agentQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => platformApi.listAgents({ signal }),
      // Agents change rarely; the numbers table joins against this list on every render.
      staleTime: 5 * 60_000,
    }),
}
