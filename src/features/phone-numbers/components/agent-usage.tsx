import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { useId, useMemo } from 'react'
import { agentUsageQueries } from '@/features/phone-numbers/api/agent-usage-queries'
import { EventHistory } from '@/features/phone-numbers/components/event-history'
import { UsageChart } from '@/features/phone-numbers/components/usage-chart'
import type { ListView } from '@/features/phone-numbers/domain/list-view'
import { usageRows, type MoveNumbersRequest } from '@/features/phone-numbers/domain/usage-rows'
import type { Agent } from '@/types/api'
import '@/features/phone-numbers/components/agent-usage.css'

const RECENT_CHANGES_WORDS = {
  loading: 'Loading recent changes…',
  failed: 'The recent changes could not be loaded',
  empty: 'No changes of this agent’s numbers recorded yet.',
  listName: 'Recent changes, newest first',
}

interface AgentUsageProps {
  agent: Agent
  hrefOf: (changes: Partial<ListView>) => string
  onShowView: (changes: Partial<ListView>) => void
  /** Absent when the key may not change routing. */
  onMoveNumbers?: (request: MoveNumbersRequest) => void
}

/**
 * The region above the table while the Agent filter is set (PAGE.md, Agent usage and rollouts):
 * how many numbers use each version, with links to them and `Move vN numbers…`, and the agent's
 * recent changes rendered as the History tab renders a number's.
 */
export function AgentUsage({ agent, hrefOf, onShowView, onMoveNumbers }: AgentUsageProps) {
  const headingId = useId()
  const changesHeadingId = useId()
  const usage = useQuery(agentUsageQueries.usage(agent.id))
  const changes = useInfiniteQuery(agentUsageQueries.recentChanges(agent.id))
  const rows = useMemo(() => (usage.data ? usageRows(agent, usage.data) : null), [agent, usage.data])

  return (
    <section className="agent-usage" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <bdi>{agent.name}</bdi> usage
      </h2>
      <div className="agent-usage-columns">
        <div className="agent-usage-counts">
          {rows ? (
            <UsageChart
              agentId={agent.id}
              rows={rows}
              hrefOf={hrefOf}
              onShowView={onShowView}
              onMoveNumbers={onMoveNumbers}
            />
          ) : usage.isError ? (
            <div className="error-box" role="alert">
              <p>
                The usage of <bdi>{agent.name}</bdi> could not be loaded: {usage.error.message}
              </p>
              <p>
                <button type="button" className="button" onClick={() => void usage.refetch()}>
                  Retry
                </button>
              </p>
            </div>
          ) : (
            <p className="history-state" role="status">
              Loading usage…
            </p>
          )}
        </div>
        {/* It scrolls on its own (the table stays near): focusable, so a keyboard can scroll it too. */}
        <div className="agent-usage-changes" role="group" aria-labelledby={changesHeadingId} tabIndex={0}>
          <h3 id={changesHeadingId}>Recent changes</h3>
          <EventHistory query={changes} words={RECENT_CHANGES_WORDS} showNumber />
        </div>
      </div>
    </section>
  )
}
