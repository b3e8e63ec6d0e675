import { useInfiniteQuery } from '@tanstack/react-query'
import { eventQueries } from '@/features/phone-numbers/api/event-queries'
import { EventHistory } from '@/features/phone-numbers/components/event-history'
import type { PhoneNumber } from '@/types/api'

const WORDS = {
  loading: 'Loading history…',
  failed: 'The history could not be loaded',
  empty: 'No changes recorded for this number yet.',
  listName: 'Changes, newest first',
}

/** A number's changes, newest first: when, who, why, and each change in words (PAGE.md, History). */
export function NumberHistory({ number }: { number: PhoneNumber }) {
  const query = useInfiniteQuery(eventQueries.ofNumber(number.id, number.updated_at))
  return <EventHistory query={query} words={WORDS} />
}
