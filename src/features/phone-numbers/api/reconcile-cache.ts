import type { QueryClient } from '@tanstack/react-query'
import { agentQueries } from '@/features/agents/api/agent-queries'
import { phoneNumberQueries } from '@/features/phone-numbers/api/phone-number-queries'
import { markVersionsPublished, replaceNumbersInList } from '@/features/phone-numbers/domain/reconcile'
import type { PhoneNumber, PhoneNumberList } from '@/types/api'

/**
 * Writes saved records and newly published versions into every cached query that shows them, without
 * refetching. Updaters return `undefined` when nothing changes: React Query then skips the write, so an
 * unrelated query is neither re-rendered nor marked fresh.
 */
export function reconcileSavedNumbers(
  queryClient: QueryClient,
  records: PhoneNumber[],
  publishedVersionIds: string[],
): void {
  reconcileJobRecords(queryClient, records, publishedVersionIds)
  // A save's few numbers: their newest state is kept even where no dialog follows it yet (Edit again, the next open).
  for (const record of records) {
    queryClient.setQueryData(phoneNumberQueries.latest(record.id).queryKey, (seen) =>
      seen && seen.updated_at > record.updated_at ? undefined : record,
    )
  }
}

function unlessSame<T>(before: T | undefined, after: T | undefined): T | undefined {
  return after === before ? undefined : after
}

/**
 * A write job's answer (up to 1,000 records) into every cached list page at once, with one
 * `setQueriesData`; the newest state of a number is updated only where the page already follows it
 * (an open dialog), so a job over 100,000 numbers does not add 100,000 queries to the cache.
 */
export function reconcileJobRecords(
  queryClient: QueryClient,
  records: PhoneNumber[],
  publishedVersionIds: string[],
): void {
  if (records.length > 0) {
    queryClient.setQueriesData<PhoneNumberList>({ queryKey: phoneNumberQueries.lists() }, (list) =>
      unlessSame(list, list && replaceNumbersInList(list, records)),
    )
    const followed = queryClient.getQueryCache().findAll({ queryKey: [...phoneNumberQueries.all(), 'latest'] })
    if (followed.length > 0) {
      const byId = new Map(records.map((record) => [record.id, record]))
      for (const query of followed) {
        const seen = query.state.data as PhoneNumber | undefined
        const record = seen && byId.get(seen.id)
        if (record && record.updated_at >= seen.updated_at) queryClient.setQueryData(query.queryKey, record)
      }
    }
  }
  if (publishedVersionIds.length > 0) {
    queryClient.setQueryData(agentQueries.list().queryKey, (agents) =>
      unlessSame(agents, agents && markVersionsPublished(agents, publishedVersionIds)),
    )
  }
}
