import { JobOutcome } from '@/features/phone-numbers/components/job-outcome'
import { JobProgress } from '@/features/phone-numbers/components/job-progress'
import type { WriteJob } from '@/features/phone-numbers/jobs/use-write-job'

const JOB_HEADINGS = {
  apply: { finished: 'Changes applied', cancelled: 'Cancelled part-way' },
  undo: { finished: 'Undo finished', cancelled: 'Undo cancelled part-way' },
} as const

/** Said before the outcome that stands when a Retry failed or an Undo was cancelled before it sent anything. */
const STOPPED_BEFORE_SENDING = {
  retry: 'Retry cancelled: nothing was sent.',
  undo: 'Undo cancelled: nothing was sent.',
} as const

interface WriteJobStatusProps {
  job: WriteJob
  /** Names the downloaded results ("bulk change results"). */
  resultsName: string
}

/** The running or finished phase of a write job (useWriteJob), as every job dialog shows it; nothing while idle. */
export function WriteJobStatus({ job, resultsName }: WriteJobStatusProps) {
  const { state } = job
  switch (state.phase) {
    case 'idle':
      return null
    case 'running':
      return (
        <JobProgress
          label={state.kind === 'undo' ? 'Undoing changes' : 'Applying changes'}
          progress={state.progress}
          cancelling={state.cancelling}
          onCancel={job.cancel}
        />
      )
    case 'done':
      return (
        <JobOutcome
          heading={JOB_HEADINGS[state.kind][state.cancelled ? 'cancelled' : 'finished']}
          note={state.stoppedBeforeSending && STOPPED_BEFORE_SENDING[state.stoppedBeforeSending]}
          outcomes={state.outcomes}
          tally={state.tally}
          resultsName={resultsName}
          onRetryFailed={state.canRetry ? () => void job.retryFailed() : undefined}
          onUndo={state.canUndo ? job.undo : undefined}
        />
      )
    case 'error':
      return (
        <p className="error-box" role="alert">
          The job stopped: {state.message}
        </p>
      )
  }
}
