import {
  outcomeReason,
  RESULT_COLUMNS,
  resultRows,
  tallyInWords,
  type JobTally,
} from '@/features/phone-numbers/domain/writes/job-outcome-words'
import type { NumberOutcome } from '@/features/phone-numbers/domain/writes/number-outcome'
import { formatCount } from '@/lib/format-count'
import { csvFileName, downloadFile } from '@/lib/csv-file'
import { csvText } from '@/lib/csv-text'
import { formatPhoneNumber } from '@/lib/phone-format'
import '@/features/phone-numbers/components/job-phases.css'

/** Numbers not changed listed on screen at most; the downloaded results hold every number. */
const LISTED_AT_MOST = 500

interface JobOutcomeProps {
  /** "Changes applied", "Changes undone". */
  heading: string
  /** Every number's outcome, for the downloaded results (read when they are downloaded). */
  outcomes: Iterable<NumberOutcome>
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
export function JobOutcome({ heading, outcomes, tally, resultsName, onRetryFailed, onUndo }: JobOutcomeProps) {
  const { notChanged } = tally
  const listed = notChanged.slice(0, LISTED_AT_MOST)
  return (
    <section className="job-outcome" aria-label={heading}>
      <p className={notChanged.length > 0 ? 'job-tally job-tally-problem' : 'job-tally'} role="status">
        {heading}: {tallyInWords(tally)}
      </p>
      {notChanged.length > 0 && (
        // It scrolls on its own (the actions stay near): focusable, so a keyboard can scroll it too (axe: scrollable-region-focusable).
        <ul className="job-failures" aria-label="Numbers not changed" tabIndex={0}>
          {listed.map((outcome) => (
            <li key={outcome.number.id}>
              <span className="job-failure-number">{formatPhoneNumber(outcome.number.phone_number)}</span>
              <span className="job-failure-reason">{outcomeReason(outcome)}</span>
            </li>
          ))}
          {notChanged.length > listed.length && (
            <li className="muted">
              … and {formatCount(notChanged.length - listed.length)} more: the downloaded results list every number.
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
        <button
          type="button"
          className="button"
          onClick={() => downloadFile(csvFileName(resultsName), csvText(RESULT_COLUMNS, resultRows(outcomes)))}
        >
          Download results (CSV)
        </button>
        {onUndo && (
          <button type="button" className="button" onClick={onUndo}>
            Undo
          </button>
        )}
      </div>
    </section>
  )
}
