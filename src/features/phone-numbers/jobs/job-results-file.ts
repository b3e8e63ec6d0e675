import { RESULT_COLUMNS, resultRows } from '@/features/phone-numbers/domain/writes/job-outcome-words'
import type { JobOutcomes } from '@/features/phone-numbers/domain/writes/job-outcomes'
import type { NumberOutcome } from '@/features/phone-numbers/domain/writes/number-outcome'
import { CsvFileWriter } from '@/features/phone-numbers/jobs/csv-file-writer'

/** Outcomes written at once: a few milliseconds of work between yields. */
const OUTCOMES_PER_WRITE = 500

/**
 * `Download results (CSV)`: one line per number the job named, with its result and reason, written
 * as it goes (a cancelled job of 100,000 numbers is 100,000 lines).
 */
export async function jobResultsFile(outcomes: JobOutcomes): Promise<Blob> {
  const writer = new CsvFileWriter(RESULT_COLUMNS)
  const rows = outcomes.rows()
  for (let start = 0; start < rows.length; start += OUTCOMES_PER_WRITE) {
    const chunk: NumberOutcome[] = []
    for (const row of rows.subarray(start, start + OUTCOMES_PER_WRITE)) {
      const outcome = outcomes.get(row)
      if (outcome) chunk.push(outcome)
    }
    await writer.write(resultRows(chunk))
  }
  return writer.file()
}
