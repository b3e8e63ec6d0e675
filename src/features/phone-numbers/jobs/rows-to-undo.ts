import type { JobNumbers } from '@/features/phone-numbers/domain/writes/job-numbers'
import type { JobOutcomes } from '@/features/phone-numbers/domain/writes/job-outcomes'
import { changedOnlyAsAsked } from '@/features/phone-numbers/domain/writes/plan-undo'
import type { JobNumber, WantedFields } from '@/features/phone-numbers/domain/writes/plan-writes'
import { inSlices } from '@/features/phone-numbers/jobs/yield-to-browser'

/**
 * The rows a job's Undo goes over: those known to hold something of the job's, and those left
 * unchecked (their change may or may not have gone through) once `readAgain` has read them (it
 * returns the rows found; a number no longer in the workspace is not). A number read again that
 * someone else changed too keeps the `updated_at` the job last knew as its precondition: the server
 * refuses the undo there (changed by someone else) instead of the undo taking their change for the
 * job's. When the read fails, Undo goes over what is known to hold the job's change, as the job knew it.
 */
export async function rowsToUndo(
  numbers: JobNumbers,
  outcomes: JobOutcomes,
  askedOf: (asRead: JobNumber) => WantedFields | null,
  readAgain: (rows: readonly number[]) => Promise<number[]>,
  signal?: AbortSignal,
): Promise<number[]> {
  const unchecked = outcomes.uncheckedRows()
  if (unchecked.length === 0) return [...outcomes.undoableRows()]
  const known = new Map<number, JobNumber>()
  await inSlices(unchecked, (row) => known.set(row, numbers.lastSeen(row)), signal)
  let found: number[]
  try {
    found = await readAgain(unchecked)
    signal?.throwIfAborted()
  } catch (error) {
    // What was read is taken back: the job's knowledge stays what Undo is conditional on (a later Undo reads again).
    await inSlices([...known.values()], (number) => numbers.see(number))
    if (signal?.aborted) throw error
    return [...outcomes.undoableRows()]
  }
  await inSlices(found, (row) => {
    const before = known.get(row)!
    const now = numbers.lastSeen(row)
    if (!changedOnlyAsAsked(before, now, askedOf(numbers.asRead(row)) ?? {})) {
      numbers.see({ ...now, updated_at: before.updated_at })
    }
  })
  return outcomes.undoableRowsWith(found)
}
