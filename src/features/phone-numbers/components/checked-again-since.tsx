import { useQuery } from '@tanstack/react-query'
import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { phoneNumberQueries } from '@/features/phone-numbers/api/phone-number-queries'
import type { SaveError } from '@/features/phone-numbers/api/save-phone-number'
import { unknownOutcomeSince } from '@/features/phone-numbers/domain/save-outcome-messages'

/**
 * For a save notice whose write had an unclear outcome: what the number, read again since (the page
 * does so a few seconds later), says about it: applied after all, or changed by someone else.
 */
export function CheckedAgainSince({ stopped, catalog }: { stopped: SaveError; catalog: AgentCatalog }) {
  const latest = useQuery(phoneNumberQueries.latest(stopped.expected.id)).data
  const since = latest ? unknownOutcomeSince(stopped, latest, catalog) : null
  return since && <p role="status">{since}</p>
}
