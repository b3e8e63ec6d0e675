import { useContext, useEffect } from 'react'
import { LatePartsWelcome } from '@/components/late-parts'
import { LazyPart } from '@/components/lazy-part'
import { retryableLazy } from '@/components/retryable-lazy'
import { useAgentCatalog } from '@/features/agents/api/use-agent-catalog'
import type { ListView } from '@/features/phone-numbers/domain/list-view'
import type { MoveNumbersRequest } from '@/features/phone-numbers/domain/usage-rows'
import { useSession } from '@/features/session/use-session'

// Only a view filtered by agent shows it: its code (the chart, the history) is not needed for the first rows.
const loadAgentUsage = () => import('@/features/phone-numbers/components/agent-usage')
const AgentUsage = retryableLazy(async () => (await loadAgentUsage()).AgentUsage)

interface AgentUsageRegionProps {
  /** The Agent filter: no region without one. */
  agentId: string | null
  hrefOf: (changes: Partial<ListView>) => string
  onShowView: (changes: Partial<ListView>) => void
  /** `Move vN numbers…`: offered only to a key that may change routing (agents:manage). */
  onMoveNumbers: (request: MoveNumbersRequest) => void
}

/**
 * The agent usage region when it applies: the Agent filter names an agent the key can read (usage
 * needs agents:read, and a link may name an agent that does not exist: its usage would be a 404).
 */
export function AgentUsageRegion({ agentId, hrefOf, onShowView, onMoveNumbers }: AgentUsageRegionProps) {
  const { permissions } = useSession()
  const { catalog } = useAgentCatalog()
  // Fetched once the first rows are up (with the page's other late parts), so that choosing an agent
  // does not wait for it. A failed load is said when the region is shown (its LazyPart).
  const lateWelcome = useContext(LatePartsWelcome)
  useEffect(() => {
    if (lateWelcome) void loadAgentUsage().catch(() => undefined)
  }, [lateWelcome])
  const agent = agentId === null ? undefined : catalog?.agentById.get(agentId)
  if (!agent || !permissions.canReadAgents) return null
  return (
    <LazyPart name="agent usage">
      <AgentUsage
        // A new agent starts with its own loading state, not the previous agent's counts.
        key={agent.id}
        agent={agent}
        hrefOf={hrefOf}
        onShowView={onShowView}
        onMoveNumbers={permissions.canRoute ? onMoveNumbers : undefined}
      />
    </LazyPart>
  )
}
