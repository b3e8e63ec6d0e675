import { queryOptions } from '@tanstack/react-query'
import { api } from '@/lib/api'
import { agentListSchema } from '@/types/api'

export const agentQueries = {
  all: () => ['agents'] as const,
  list: () =>
    queryOptions({
      queryKey: [...agentQueries.all(), 'list'] as const,
      queryFn: async ({ signal }) => (await api(agentListSchema, '/v1/agents', { signal })).data,
      // Agents change rarely; the numbers table joins against this list on every render.
      staleTime: 5 * 60_000,
    }),
}
