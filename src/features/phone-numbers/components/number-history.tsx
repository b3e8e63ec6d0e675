import { useInfiniteQuery } from '@tanstack/react-query'
import { useAgentCatalog } from '@/features/agents/api/use-agent-catalog'
import { EMPTY_CATALOG } from '@/features/agents/domain/agent-catalog'
import { eventQueries } from '@/features/phone-numbers/api/event-queries'
import { changesInWords } from '@/features/phone-numbers/domain/history/event-words'
import { exactTime, relativeTime } from '@/lib/relative-time'
import type { PhoneNumber } from '@/types/api'
import './number-history.css'

/** A number's changes, newest first: when, who, why, and each change in words (PAGE.md, History). */
export function NumberHistory({ number }: { number: PhoneNumber }) {
  const { catalog } = useAgentCatalog()
  const query = useInfiniteQuery(eventQueries.ofNumber(number.id, number.updated_at))

  if (query.isPending) {
    return (
      <p className="history-state" role="status">
        Loading history…
      </p>
    )
  }
  if (query.isError) {
    return (
      <div className="error-box" role="alert">
        <p>The history could not be loaded: {query.error.message}</p>
        <p>
          <button type="button" className="button" onClick={() => void query.refetch()}>
            Retry
          </button>
        </p>
      </div>
    )
  }
  const events = query.data.pages.flatMap((page) => page.data)
  if (events.length === 0) return <p className="history-state">No changes recorded for this number yet.</p>

  // Relative to when the history was read: rendering stays pure, and it is read again on every change.
  const now = query.dataUpdatedAt
  return (
    <div className="history">
      <ol className="history-list" aria-label={`Changes, newest first (${query.data.pages[0]!.total})`}>
        {events.map((event) => (
          <li key={event.id} className="history-event">
            <p className="history-meta">
              <time dateTime={event.at} title={exactTime(event.at)}>
                {relativeTime(event.at, now)}
              </time>{' '}
              · {event.actor}
            </p>
            <ul className="history-changes">
              {changesInWords(event.changes, catalog ?? EMPTY_CATALOG).map((words) => (
                <li key={words}>{words}</li>
              ))}
            </ul>
            {event.reason !== null && <p className="history-reason">Reason: {event.reason}</p>}
          </li>
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
