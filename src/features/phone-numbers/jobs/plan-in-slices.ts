import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import type { JobNumbers } from '@/features/phone-numbers/domain/writes/job-numbers'
import { WritePlanner, type WantedFields, type WritePlan } from '@/features/phone-numbers/domain/writes/plan-writes'
import { inSlices } from '@/features/phone-numbers/jobs/yield-to-browser'

export interface PlannedRows {
  plan: WritePlan
  /** The rows the job is about (those something was wanted of), in order. */
  rows: number[]
  /** What was wanted of each of `rows`: Retry failed asks it again of the ones not done. */
  wanted: WantedFields[]
}

/**
 * planWrites for many numbers without a long task: the same plan, built in slices, of the rows of
 * `numbers` something is wanted of (null: left out), each from its last seen state. Cancelled
 * meanwhile, the rest is not planned but still listed with what was wanted of it, so that the job
 * reports it as not sent (and Retry failed can send it).
 */
export async function planRowsInSlices(
  numbers: JobNumbers,
  candidates: ArrayLike<number>,
  wantedOf: (row: number) => WantedFields | null,
  catalog: AgentCatalog,
  signal?: AbortSignal,
): Promise<PlannedRows> {
  const planner = new WritePlanner(catalog)
  const rows: number[] = []
  const wanted: WantedFields[] = []
  await inSlices(candidates, (row) => {
    const fields = wantedOf(row)
    if (fields === null) return
    rows.push(row)
    wanted.push(fields)
    if (!signal?.aborted) planner.add({ number: numbers.lastSeen(row), wanted: fields })
  })
  return { plan: planner.finish(), rows, wanted }
}
