import type { JobProgress as Progress } from '@/features/phone-numbers/jobs/run-writes'
import { formatCount } from '@/lib/format-count'
import '@/features/phone-numbers/components/job-phases.css'

interface JobProgressProps {
  progress: Progress
  /** "Applying changes", "Undoing changes": the progress bar's name. */
  label: string
  cancelling: boolean
  onCancel: () => void
}

/** A job while it runs: a progress bar (its value: numbers done), the count in words, and Cancel between calls. */
export function JobProgress({ progress, label, cancelling, onCancel }: JobProgressProps) {
  const { done, total } = progress
  const words = `${formatCount(done)} of ${formatCount(total)} ${total === 1 ? 'number' : 'numbers'}`
  return (
    <div className="job-progress">
      <progress aria-label={label} max={Math.max(total, 1)} value={done} aria-valuetext={words} />
      <p className="job-progress-words">
        {label}: {words}
        {cancelling && ' · stopping after the call in flight…'}
      </p>
      <button
        type="button"
        className="button"
        // aria-disabled keeps focus on the button while it stops (a disabled button would drop it to the page).
        aria-disabled={cancelling}
        onClick={() => !cancelling && onCancel()}
      >
        Cancel
      </button>
    </div>
  )
}
