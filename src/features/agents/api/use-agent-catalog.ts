import { useQuery } from '@tanstack/react-query'
import { agentQueries } from '@/features/agents/api/agent-queries'
import { catalogOf, EMPTY_CATALOG, type AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { useSession } from '@/features/session/use-session'

/**
 * The agents as lookups, for every component that names agents or versions. `catalog` is null while
 * the key's scopes or the list load; without agents:read, or when the list failed, it is empty, so rows and the dialog
 * still work and show versions as unknown. `query` is the agents query, for its error and Retry.
 */
export function useAgentCatalog() {
  const { me, permissions } = useSession()
  const query = useQuery({ ...agentQueries.list(), select: catalogOf, enabled: permissions.canReadAgents })
  // Until /v1/me answers, the key's scopes are unknown: loading, not unavailable.
  const unavailable = (me.data !== undefined && !permissions.canReadAgents) || query.isError
  const catalog: AgentCatalog | null = query.data ?? (unavailable ? EMPTY_CATALOG : null)
  return { catalog, query }
}
