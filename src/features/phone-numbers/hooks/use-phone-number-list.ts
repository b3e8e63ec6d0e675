import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useDeferredValue, useEffect, useRef } from 'react'
import { agentQueries } from '@/features/agents/api/agent-queries'
import { useAgentCatalog } from '@/features/agents/api/use-agent-catalog'
import { phoneNumberQueries } from '@/features/phone-numbers/api/phone-number-queries'
import { listParams, type ListView } from '@/features/phone-numbers/domain/list-view'
import type { ListPhoneNumbersParams, PhoneNumber, PhoneNumberList } from '@/types/api'
import { firstShownOf } from '@/features/phone-numbers/domain/toolbar-options'

const NO_ROWS: PhoneNumber[] = []

/**
 * The list the table shows for a view: the rows on screen and where they sit among all pages. Also
 * keeps the next page ready and refetches the agents when a row names a version they do not know.
 */
export function usePhoneNumberList(view: ListView, params: ListPhoneNumbersParams) {
  const queryClient = useQueryClient()
  const query = useQuery(phoneNumberQueries.list(params))

  // Another set of rows (a search, a page) is rendered in slices that yield to the browser (a
  // transition), not in one long task; until it is in, the page keeps showing the previous one and
  // says it is updating. The same rows updated in place (a save) and the very first answer (nothing
  // to keep showing meanwhile, only a skeleton) show at once.
  const deferred = useDeferredValue(query.data)
  const shown = deferred === undefined || sameRows(deferred, query.data) ? query.data : deferred
  const rows = shown?.data ?? NO_ROWS
  const total = shown?.total ?? 0
  const pageCount = Math.max(1, Math.ceil(total / (shown?.limit ?? view.limit)))
  // The range of the rows on screen, from the answer they came in (the URL may already ask for the next).
  const firstShown = shown ? firstShownOf(shown) : 0

  // The next page is usually where the user goes: have it ready.
  // Only from this view's own answer: the previous view's placeholder rows would prefetch too early.
  const nextPage =
    query.data && !query.isPlaceholderData && view.page < Math.ceil(query.data.total / view.limit)
      ? view.page + 1
      : null
  useEffect(() => {
    if (nextPage !== null)
      void queryClient.prefetchQuery(phoneNumberQueries.list(listParams({ ...view, page: nextPage })))
  }, [queryClient, view, nextPage])

  useUnknownVersionRefetch(rows)

  return {
    query,
    /** Until the first answer is in: skeleton rows. */
    loadingFirst: shown === undefined,
    /** Whether an answer is on screen (a previous view's until this one's is rendered). */
    hasAnswer: shown !== undefined,
    rows,
    total,
    pageCount,
    firstShown,
    lastShown: firstShown + rows.length - 1,
    /** The page asked for lies past the last one (this view's own answer, not a placeholder). */
    pastTheEnd:
      shown !== undefined && shown === query.data && !query.isPlaceholderData && total > 0 && rows.length === 0,
    /** Another view's rows are still on screen. */
    updating: query.isPlaceholderData || shown !== query.data,
  }
}

function sameRows(a: PhoneNumberList | undefined, b: PhoneNumberList | undefined): boolean {
  return a?.data.length === b?.data.length && (a?.data.every((n, i) => n.id === b?.data[i]?.id) ?? true)
}

/** A row naming a version the agents list does not know (an agent created since) triggers one agents refetch. */
function useUnknownVersionRefetch(rows: PhoneNumber[]) {
  const queryClient = useQueryClient()
  const { query } = useAgentCatalog()
  const catalog = query.data
  const fetching = query.isFetching
  const tried = useRef(new Set<string>())
  useEffect(() => {
    if (!catalog || fetching) return
    const unknown = rows
      .flatMap((n) => [n.inbound_agent_version_id, n.outbound_agent_version_id])
      .filter((id): id is string => id !== null && !catalog.versionById.has(id) && !tried.current.has(id))
    if (unknown.length === 0) return
    unknown.forEach((id) => tried.current.add(id))
    void queryClient.invalidateQueries({ queryKey: agentQueries.all() })
  }, [rows, catalog, fetching, queryClient])
}
