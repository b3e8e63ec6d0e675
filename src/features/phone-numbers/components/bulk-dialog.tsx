import * as Dialog from '@radix-ui/react-dialog'
import { useState, type ReactNode } from 'react'
import { focusFirstControlAfterPaint } from '@/components/ui/focus-first-control'
import { useFocusReturn } from '@/components/ui/focus-return'
import { DialogRoot } from '@/components/ui/dialog-root'
import { WriteJobStatus } from '@/features/phone-numbers/components/write-job-status'
import type { JobNumbers } from '@/features/phone-numbers/domain/writes/job-numbers'
import { useSelectionNumbers } from '@/features/phone-numbers/hooks/use-selection-numbers'
import type { SelectionSource } from '@/features/phone-numbers/jobs/read-selection'
import type { WriteJob } from '@/features/phone-numbers/jobs/use-write-job'
import { formatCount } from '@/lib/format-count'
import '@/features/phone-numbers/components/bulk-dialog.css'

interface BulkDialogProps {
  /** Given the numbers read (null until they are): the count the title names. */
  title: (read: number | null) => string
  /** The selection to read when the dialog opens; null: closed. */
  source: SelectionSource | null
  /** This dialog's job: once started, the dialog shows its progress and outcome instead of the form. */
  job: WriteJob | null
  resultsName: string
  onClose: () => void
  /** The form, given the selected numbers as the server holds them now. */
  children: (numbers: JobNumbers) => ReactNode
}

/**
 * The frame of a change to many numbers: read the selection (progress), then the form with its
 * preview, then the job's progress and outcome. Closing while the job runs is fine: it goes on, and
 * the Selection region says how far it is.
 */
export function BulkDialog({ title, source, job, resultsName, onClose, children }: BulkDialogProps) {
  const [attempt, setAttempt] = useState(0)
  const running = job !== null && job.state.phase !== 'idle'
  const read = useSelectionNumbers(source !== null && !running ? source : null, attempt)
  const phase = running ? `job-${job.state.phase}` : (read?.status ?? 'closed')
  // The count the title names stays while the job runs (the numbers are no longer read then) and goes with the dialog.
  const readCount = read?.status === 'ready' ? read.numbers.size : null
  const [titleCount, setTitleCount] = useState<number | null>(null)
  if (readCount !== null && readCount !== titleCount) setTitleCount(readCount)
  if (source === null && titleCount !== null) setTitleCount(null)
  // No Dialog.Trigger (the Selection region's buttons open it), so Radix has nowhere to return focus: remember the opener.
  const focusReturn = useFocusReturn()

  return (
    <DialogRoot open={source !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Content
        className="dialog bulk-dialog"
        aria-describedby={undefined}
        onOpenAutoFocus={() => {
          focusReturn.remember()
        }}
        onCloseAutoFocus={focusReturn.restore}
      >
        <Dialog.Title className="dialog-title">{title(readCount ?? titleCount)}</Dialog.Title>
        {/* Keyed by phase and focused when it changes: the control that started a phase is gone with the last one. */}
        <div key={phase} className="dialog-body" ref={focusUnlessInside}>
          {running ? (
            <>
              <WriteJobStatus job={job} resultsName={resultsName} />
              <div className="dialog-footer">
                <Dialog.Close className="button">Close</Dialog.Close>
              </div>
            </>
          ) : read?.status === 'ready' ? (
            children(read.numbers)
          ) : (
            <>
              {read?.status === 'error' ? (
                <p className="error-box" role="alert">
                  The numbers could not be read: {read.message}{' '}
                  <button type="button" className="button button-small" onClick={() => setAttempt((n) => n + 1)}>
                    Retry
                  </button>
                </p>
              ) : (
                read && (
                  <p role="status">
                    Reading the selected numbers: {formatCount(read.progress.read)} of{' '}
                    {formatCount(read.progress.total)}…
                  </p>
                )
              )}
              <div className="dialog-footer">
                <Dialog.Close className="button">Cancel</Dialog.Close>
              </div>
            </>
          )}
        </div>
      </Dialog.Content>
    </DialogRoot>
  )
}

/** Focus moves to a new phase's first control, unless a control inside already has it (Radix's first focus). */
const focusUnlessInside = (element: HTMLElement | null) => focusFirstControlAfterPaint(element)
