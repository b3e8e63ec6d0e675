import { useEffect, useState } from 'react'
import {
  countNumber,
  noCounts,
  type RoutingChoice,
  type RoutingCounts,
} from '@/features/phone-numbers/domain/writes/bulk-routing'
import type { JobNumbers } from '@/features/phone-numbers/domain/writes/job-numbers'
import { inRowSlices } from '@/features/phone-numbers/jobs/yield-to-browser'

/** The routing preview's counts for a choice, counted in slices (100,000 numbers never hold the page); null while counting. */
export function useRoutingCounts(numbers: JobNumbers, choice: RoutingChoice | null): RoutingCounts | null {
  const [counted, setCounted] = useState<{ choice: RoutingChoice; counts: RoutingCounts } | null>(null)
  useEffect(() => {
    if (choice === null) return
    const controller = new AbortController()
    const counts = noCounts()
    void inRowSlices(
      numbers.size,
      (row) => countNumber(counts, numbers.slotsAsRead(row), choice),
      controller.signal,
    ).then(() => {
      if (!controller.signal.aborted) setCounted({ choice, counts })
    })
    return () => controller.abort()
  }, [numbers, choice])
  return choice !== null && counted?.choice === choice ? counted.counts : null
}
