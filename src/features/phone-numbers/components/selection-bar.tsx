import type { ReactNode } from 'react'
import type { WriteJobState } from '@/features/phone-numbers/jobs/use-write-job'
import { formatCount } from '@/lib/format-count'
import '@/features/phone-numbers/components/selection-bar.css'

interface SelectionBarProps {
  count: number
  /** `Select all <N> matching`: offered when the whole page is ticked and the view has more. */
  matching: number | null
  onSelectAllMatching: () => void
  onClear: () => void
  /** The actions this key may take (PAGE.md "Who may do what"). */
  canRoute: boolean
  canLabel: boolean
  onChangeRouting: () => void
  onSetLabel: () => void
  /** `Export CSV` of the selection (h/csv's ExportSelectionButton). */
  exportCsv: ReactNode
  /** A bulk job, running or finished, while its dialog is closed. */
  job: WriteJobState
  onShowJob: () => void
}

/** The `Selection` region: how many are selected and what the key may do with them. */
export function SelectionBar(props: SelectionBarProps) {
  const { count, matching, job } = props
  const busy = job.phase === 'running'
  return (
    <section className="selection-bar" aria-label="Selection">
      <p className="selection-count">{formatCount(count)} selected</p>
      {matching !== null && (
        <button type="button" className="button button-small" onClick={props.onSelectAllMatching}>
          Select all {formatCount(matching)} matching
        </button>
      )}
      <div className="selection-actions">
        {props.canRoute && (
          <button
            type="button"
            className="button button-small"
            disabled={busy || count === 0}
            onClick={props.onChangeRouting}
          >
            Change routing…
          </button>
        )}
        {props.canLabel && (
          <button
            type="button"
            className="button button-small"
            disabled={busy || count === 0}
            onClick={props.onSetLabel}
          >
            Set label…
          </button>
        )}
        {count > 0 && props.exportCsv}
        {count > 0 && (
          <button type="button" className="button button-small" onClick={props.onClear}>
            Clear selection
          </button>
        )}
      </div>
      {job.phase !== 'idle' && (
        <p className="selection-job">
          {job.phase === 'running'
            ? `${job.kind === 'undo' ? 'Undoing changes' : 'Applying changes'}: ${formatCount(job.progress.done)} of ${formatCount(job.progress.total)} numbers.`
            : job.phase === 'done'
              ? 'The last change has finished.'
              : 'The last change stopped.'}{' '}
          <button type="button" className="button button-small" onClick={props.onShowJob}>
            {job.phase === 'running' ? 'Show progress' : 'Show outcome'}
          </button>
        </p>
      )}
    </section>
  )
}
