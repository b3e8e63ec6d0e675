import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { changesInWords } from '@/features/phone-numbers/domain/history/event-words'
import { formatPhoneNumber } from '@/lib/phone-format'
import { exactTime, relativeTime } from '@/lib/relative-time'
import type { ChangeEvent } from '@/types/api'
import '@/features/phone-numbers/components/number-history.css'

interface HistoryEventItemProps {
  event: ChangeEvent
  catalog: AgentCatalog
  /** When the events were read: times are said relative to it, so rendering stays pure. */
  now: number
  /** Name the number the event changed (an agent's changes span many numbers; a number's History does not need it). */
  showNumber?: boolean
}

/** One change event: when, who, which number, each change in words, and why (PAGE.md, History). */
export function HistoryEventItem({ event, catalog, now, showNumber = false }: HistoryEventItemProps) {
  return (
    <li className="history-event">
      <p className="history-meta">
        <time dateTime={event.at} title={exactTime(event.at)}>
          {relativeTime(event.at, now)}
        </time>{' '}
        · {event.actor}
        {showNumber && (
          <>
            {' · '}
            <span className="history-number">{formatPhoneNumber(event.phone_number)}</span>
          </>
        )}
      </p>
      <ul className="history-changes">
        {changesInWords(event.changes, catalog).map((words) => (
          <li key={words}>{words}</li>
        ))}
      </ul>
      {event.reason !== null && <p className="history-reason">Reason: {event.reason}</p>}
    </li>
  )
}
