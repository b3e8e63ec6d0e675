import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query'
import { useAgentCatalog } from '@/features/agents/api/use-agent-catalog'
import { EMPTY_CATALOG } from '@/features/agents/domain/agent-catalog'
import { HistoryEventItem } from '@/features/phone-numbers/components/history-event-item'
import type { EventList } from '@/types/api'
import '@/features/phone-numbers/components/number-history.css'

export interface EventHistoryWords {
  /** "Loading history…" */
  loading: string
  /** "The history could not be loaded" (the reason follows). */
  failed: string
  /** "No changes recorded for this number yet." */
  empty: string
  /** The list's name, before its count: "Changes, newest first". */
  listName: string
}

interface EventHistoryProps {
  query: UseInfiniteQueryResult<InfiniteData<EventList, unknown>>
  words: EventHistoryWords
  /** Name the number of each event (a list of events across numbers). */
  showNumber?: boolean
}

/**
 * Change events newest first, with `Show older`, and their loading, error and empty states: a
 * number's History tab and an agent's recent changes render events the same way.
 */
export function EventHistory({ query, words, showNumber = false }: EventHistoryProps) {
  const { catalog } = useAgentCatalog()

  if (query.isPending) {
    return (
      <p className="history-state" role="status">
        {words.loading}
      </p>
    )
  }
  if (query.isError) {
    return (
      <div className="error-box" role="alert">
        <p>
          {words.failed}: {query.error.message}
        </p>
        <p>
          <button type="button" className="button" onClick={() => void query.refetch()}>
            Retry
          </button>
        </p>
      </div>
    )
  }
  const events = query.data.pages.flatMap((page) => page.data)
  if (events.length === 0) return <p className="history-state">{words.empty}</p>

  // Relative to when the events were read: rendering stays pure, and they are read again on every change.
  const now = query.dataUpdatedAt
  return (
    <div className="history">
      <ol className="history-list" aria-label={`${words.listName} (${query.data.pages[0]!.total})`}>
        {events.map((event) => (
          <HistoryEventItem
            key={event.id}
            event={event}
            catalog={catalog ?? EMPTY_CATALOG}
            now={now}
            showNumber={showNumber}
          />
        ))}
      </ol>
      {query.isFetchNextPageError && (
        <p className="error-box" role="alert">
          Older changes could not be loaded. Press Show older to try again.
        </p>
      )}
      {query.hasNextPage && (
        <button
          type="button"
          className="button"
          aria-disabled={query.isFetchingNextPage}
          onClick={() => {
            if (!query.isFetchingNextPage) void query.fetchNextPage()
          }}
        >
          {query.isFetchingNextPage ? 'Loading older changes…' : 'Show older'}
        </button>
      )}
    </div>
  )
}
