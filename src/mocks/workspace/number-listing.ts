import type { ListQuery } from '@/mocks/workspace/list-query'
import type { NumberRows } from '@/mocks/workspace/number-rows'
import type { PhoneNumber, PhoneNumberList } from '@/types/api'

/**
 * GET /v1/phone-numbers over the rows: filters (AND), sort order and paging. `agentVersionIds`:
 * the versions of the `agent_id` filter's agent.
 */
export function listNumbers(rows: NumberRows, query: ListQuery, agentVersionIds: Set<string> | null): PhoneNumberList {
  const { page, limit, status, sort, order, search } = query
  const matchesSearch = search ? rows.searchMatcher(search) : null

  // One pass over the sorted indices: count every match, copy only the requested page.
  const sorted = rows.ascending(sort)
  const count = sorted.length
  const start = (page - 1) * limit
  const data: PhoneNumber[] = []
  let total = 0
  for (let k = 0; k < count; k++) {
    const index = sorted[order === 'asc' ? k : count - 1 - k]!
    if (status && rows.status(index) !== status) continue
    if (
      agentVersionIds &&
      !agentVersionIds.has(rows.slot(index, 'inbound_agent_version_id') ?? '') &&
      !agentVersionIds.has(rows.slot(index, 'outbound_agent_version_id') ?? '')
    )
      continue
    if (matchesSearch && !matchesSearch(index)) continue
    if (total >= start && data.length < limit) data.push(rows.record(index))
    total++
  }
  return { data, page, limit, total }
}
