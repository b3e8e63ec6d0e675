import { useState } from 'react'
import { outcomeReason, tallyInWords, type JobTally } from '@/features/phone-numbers/domain/writes/job-outcome-words'
import type { JobOutcomes } from '@/features/phone-numbers/domain/writes/job-outcomes'
import { jobResultsFile } from '@/features/phone-numbers/jobs/job-results-file'
import { formatCount } from '@/lib/format-count'
import { csvFileName, downloadBlob } from '@/lib/csv-file'
import { formatPhoneNumber } from '@/lib/phone-format'
import '@/features/phone-numbers/components/job-phases.css'

interface JobOutcomeProps {
  /** "Changes applied", "Changes undone". */
  heading: string
  /** Said first, when a later step changed nothing ("Undo cancelled: nothing was sent."). */
  note?: string | null
  /** Every number's outcome, for the downloaded results (read when they are downloaded). */
  outcomes: JobOutcomes
  tally: JobTally
  /** Names the results file ("bulk change results"). */
  resultsName: string
  onRetryFailed?: () => void
  onUndo?: () => void
}

/**
 * How a job ended: "1,176 changed, 56 unchanged, 2 not changed:" and each number not changed with
 * its reason, then `Retry failed`, `Download results (CSV)` and `Undo` where they apply.
 */
export function JobOutcome({
  heading,
  note = null,
  outcomes,
  tally,
  resultsName,
  onRetryFailed,
  onUndo,
}: JobOutcomeProps) {
  const { notChanged, listed } = tally
  const [writingResults, setWritingResults] = useState(false)
  const [resultsError, setResultsError] = useState<string | null>(null)
  const downloadResults = async () => {
    if (writingResults) return
    setWritingResults(true)
    setResultsError(null)
    try {
      // As they are now: a Retry failed started meanwhile must not change the file half way.
      downloadBlob(csvFileName(resultsName), await jobResultsFile(outcomes.snapshot()))
    } catch (error) {
      setResultsError(`The results could not be written: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      setWritingResults(false)
    }
  }
  return (
    <section className="job-outcome" aria-label={heading}>
      <p className={notChanged > 0 ? 'job-tally job-tally-problem' : 'job-tally'} role="status">
        {note && `${note} `}
        {heading}: {tallyInWords(tally)}
      </p>
      {notChanged > 0 && (
        // It scrolls on its own (the actions stay near): focusable, so a keyboard can scroll it too (axe: scrollable-region-focusable).
        <ul className="job-failures" aria-label="Numbers not changed" tabIndex={0}>
          {listed.map((outcome) => (
            <li key={outcome.number.id}>
              <span className="job-failure-number">{formatPhoneNumber(outcome.number.phone_number)}</span>
              <span className="job-failure-reason">{outcomeReason(outcome)}</span>
            </li>
          ))}
          {notChanged > listed.length && (
            <li className="muted">
              … and {formatCount(notChanged - listed.length)} more: the downloaded results list every number.
            </li>
          )}
        </ul>
      )}
      <div className="job-actions">
        {onRetryFailed && (
          <button type="button" className="button" onClick={onRetryFailed}>
            Retry failed
          </button>
        )}
        {/* A large job's file takes a moment to write: the button stays (focus with it) but does nothing meanwhile. */}
        <button
          type="button"
          className="button"
          aria-disabled={writingResults || undefined}
          onClick={() => void downloadResults()}
        >
          Download results (CSV)
        </button>
        {onUndo && (
          <button type="button" className="button" onClick={onUndo}>
            Undo
          </button>
        )}
      </div>
      {resultsError && (
        <p className="job-tally job-tally-problem" role="alert">
          {resultsError}
        </p>
      )}
    </section>
  )
}
