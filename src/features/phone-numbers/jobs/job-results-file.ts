import { RESULT_COLUMNS, resultRows } from '@/features/phone-numbers/domain/writes/job-outcome-words'
import type { JobOutcomes } from '@/features/phone-numbers/domain/writes/job-outcomes'
import type { NumberOutcome } from '@/features/phone-numbers/domain/writes/number-outcome'
import { inSlices } from '@/features/phone-numbers/jobs/yield-to-browser'
import { csvBlob } from '@/lib/csv-file'
import { csvHeaderLine, csvLines } from '@/lib/csv-text'

/** Outcomes written into text at once: a few milliseconds of work, so a slice ends soon after. */
const OUTCOMES_PER_WRITE = 500

/**
 * `Download results (CSV)`: one line per number the job named, with its result and reason, written
 * in slices (a cancelled job of 100,000 numbers is 100,000 lines) and handed over as one Blob.
 */
export async function jobResultsFile(outcomes: JobOutcomes): Promise<Blob> {
  const parts = [csvHeaderLine(RESULT_COLUMNS)]
  let pending: NumberOutcome[] = []
  const write = () => {
    parts.push(csvLines(RESULT_COLUMNS, resultRows(pending)))
    pending = []
  }
  await inSlices(outcomes.rows(), (row) => {
    const outcome = outcomes.get(row)
    if (outcome) pending.push(outcome)
    if (pending.length === OUTCOMES_PER_WRITE) write()
  })
  write()
  return csvBlob(parts)
}
