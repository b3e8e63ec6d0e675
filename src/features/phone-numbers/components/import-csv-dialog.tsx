import * as Dialog from '@radix-ui/react-dialog'
import { useFocusReturn } from '@/components/ui/focus-return'
import { DialogRoot } from '@/components/ui/dialog-root'
import { ImportCsvPreview } from '@/features/phone-numbers/components/import-csv-preview'
import { ImportFilePicker } from '@/features/phone-numbers/components/import-file-picker'
import { WriteJobStatus } from '@/features/phone-numbers/components/write-job-status'
import { importTargets } from '@/features/phone-numbers/domain/csv/import-preview'
import type { ImportStage } from '@/features/phone-numbers/jobs/prepare-import'
import { importReason, useCsvImport } from '@/features/phone-numbers/jobs/use-csv-import'
import { targetsJob, useWriteJob } from '@/features/phone-numbers/jobs/use-write-job'
import { formatCount } from '@/lib/format-count'
import '@/features/phone-numbers/components/import-csv-dialog.css'

interface ImportCsvDialogProps {
  open: boolean
  onClose: () => void
}

function stageInWords(stage: ImportStage): string {
  switch (stage.stage) {
    case 'reading':
      return 'Reading the file…'
    case 'checking':
      return `Checking lines: ${formatCount(stage.done)} of ${formatCount(stage.total)}`
    case 'looking-up':
      return `Looking up numbers: ${formatCount(stage.done)} of ${formatCount(stage.total)} requests`
  }
}

/**
 * Import CSV (numbers:write): a file of nicknames and labels, a preview of what it would change and
 * of every line that cannot be used, and nothing sent until `Apply <N> changes`.
 */
export function ImportCsvDialog({ open, onClose }: ImportCsvDialogProps) {
  const { state, chooseFile, cancel, reset } = useCsvImport()
  // Opened by the toolbar's Import CSV, not a Dialog.Trigger: Radix alone would leave focus on <body>.
  const focusReturn = useFocusReturn()
  const job = useWriteJob()
  const jobStarted = job.state.phase !== 'idle'
  const applying = job.state.phase === 'running'
  const close = () => {
    // Closing while changes are applied would hide their outcome: Cancel stops them first.
    if (applying) return
    reset()
    job.reset()
    onClose()
  }
  return (
    <DialogRoot open={open} onOpenChange={(next) => !next && close()}>
      <Dialog.Content
        className="dialog import-dialog"
        aria-describedby="import-csv-about"
        onOpenAutoFocus={focusReturn.remember}
        onCloseAutoFocus={focusReturn.restore}
      >
        <Dialog.Title className="dialog-title">Import CSV</Dialog.Title>
        <div className="dialog-body">
          <p id="import-csv-about" className="muted">
            Nicknames and labels from a file with a <code>phone_number</code> (or <code>id</code>) column and a{' '}
            <code>nickname</code> and/or <code>label</code> column. A missing column leaves that field alone; an empty
            cell clears it. Nothing is sent before you apply.
          </p>

          {state.phase === 'choosing' && <ImportFilePicker onFile={(file) => void chooseFile(file)} />}

          {state.phase === 'preparing' && (
            <p role="status">
              {state.fileName}: {stageInWords(state.stage)}
            </p>
          )}

          {state.phase === 'refused' && (
            <>
              <p className="import-refused" role="alert">
                {state.fileName} cannot be imported. {state.reason}
              </p>
              <ImportFilePicker onFile={(file) => void chooseFile(file)} />
            </>
          )}

          {state.phase === 'preview' && <ImportCsvPreview preview={state.preview} />}

          <WriteJobStatus job={job} resultsName="csv import results" />

          <div className="dialog-footer">
            {state.phase === 'preview' && !jobStarted && (
              <>
                <button type="button" className="button" onClick={reset}>
                  Choose another file
                </button>
                <button
                  type="button"
                  className="button button-primary"
                  disabled={state.preview.changes.length === 0}
                  onClick={() =>
                    job.start(targetsJob(importReason(state.fileName), importTargets(state.preview.changes)))
                  }
                >
                  Apply {formatCount(state.preview.changes.length)}{' '}
                  {state.preview.changes.length === 1 ? 'change' : 'changes'}
                </button>
              </>
            )}
            {state.phase === 'preparing' && (
              <button type="button" className="button" onClick={cancel}>
                Cancel
              </button>
            )}
            {!applying && state.phase !== 'preparing' && (
              <button type="button" className="button" onClick={close}>
                {jobStarted ? 'Close' : 'Cancel'}
              </button>
            )}
          </div>
        </div>
      </Dialog.Content>
    </DialogRoot>
  )
}
