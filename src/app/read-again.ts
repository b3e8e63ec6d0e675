import type { QueryClient } from '@tanstack/react-query'
import { discardEarlyResponses } from '@/lib/early-requests'

/**
 * What the page does when the demo's other tabs changed the workspace: read again what it shows.
 * One reading at a time, and once more after it if changes came meanwhile. Another tab's bulk job
 * changes the workspace every few hundred milliseconds for minutes; reading again on each change
 * would cancel each read before its answer came, and the page would show none of it until the job ended.
 */
export function readAgainOnChange(queryClient: QueryClient): () => void {
  let reading = false
  let changedMeanwhile = false
  const readAgain = async () => {
    reading = true
    try {
      do {
        changedMeanwhile = false
        // Answers read before the change must not be taken by queries that start after it, and a first
        // fetch still in flight is not refetched by an invalidation (it would be joined): cancel, then ask again.
        discardEarlyResponses()
        await queryClient.cancelQueries()
        await queryClient.invalidateQueries()
      } while (changedMeanwhile)
    } catch {
      // A failed read shows in the query that made it; the next change reads again.
    } finally {
      reading = false
    }
  }
  return () => {
    if (reading) changedMeanwhile = true
    else void readAgain()
  }
}
