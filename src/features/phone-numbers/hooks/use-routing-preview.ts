import { useEffect, useState } from 'react'
import {
  countNumber,
  noCounts,
  type RoutingChoice,
  type RoutingCounts,
} from '@/features/phone-numbers/domain/writes/bulk-routing'
import type { JobNumber } from '@/features/phone-numbers/domain/writes/plan-writes'
import { inSlices } from '@/features/phone-numbers/jobs/yield-to-browser'

/** The routing preview's counts for a choice, counted in slices (100,000 numbers never hold the page); null while counting. */
export function useRoutingCounts(numbers: readonly JobNumber[], choice: RoutingChoice | null): RoutingCounts | null {
  const [counted, setCounted] = useState<{ choice: RoutingChoice; counts: RoutingCounts } | null>(null)
  useEffect(() => {
    if (choice === null) return
    const controller = new AbortController()
    const counts = noCounts()
    void inSlices(numbers, (number) => countNumber(counts, number, choice), controller.signal).then(() => {
      if (!controller.signal.aborted) setCounted({ choice, counts })
    })
    return () => controller.abort()
  }, [numbers, choice])
  return choice !== null && counted?.choice === choice ? counted.counts : null
}
