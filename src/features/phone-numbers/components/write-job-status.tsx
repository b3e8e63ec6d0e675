import { JobOutcome } from '@/features/phone-numbers/components/job-outcome'
import { JobProgress } from '@/features/phone-numbers/components/job-progress'
import type { WriteJob } from '@/features/phone-numbers/jobs/use-write-job'

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
          heading={state.kind === 'undo' ? 'Undo finished' : 'Changes applied'}
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
