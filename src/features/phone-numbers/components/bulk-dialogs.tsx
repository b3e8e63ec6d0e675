import { useAgentCatalog } from '@/features/agents/api/use-agent-catalog'
import type { BulkAction } from '@/features/phone-numbers/components/bulk-actions'
import { BulkDialog } from '@/features/phone-numbers/components/bulk-dialog'
import { LabelForm } from '@/features/phone-numbers/components/label-form'
import { RoutingForm, type RoutingStart } from '@/features/phone-numbers/components/routing-form'
import type { SelectionSource } from '@/features/phone-numbers/jobs/read-selection'
import type { WriteJob, WriteJobSpec } from '@/features/phone-numbers/jobs/use-write-job'

interface BulkDialogsProps {
  routingTitle: (read: number | null) => string
  /** The numbers to change the routing of; null: that dialog is closed. */
  routingSource: SelectionSource | null
  /** A Move's side, proposed version and the version it moves from. */
  routingStart: RoutingStart | undefined
  labelTitle: (read: number | null) => string
  labelSource: SelectionSource | null
  /** The page's one write job, shown by the dialog whose action started it. */
  job: WriteJob
  jobAction: BulkAction
  onApply: (action: BulkAction) => (spec: WriteJobSpec) => void
  onClose: () => void
}

/** The routing and label dialogs of the Selection region (bulk-actions.tsx loads them when first opened). */
export function BulkDialogs(props: BulkDialogsProps) {
  const { catalog } = useAgentCatalog()
  const { job, jobAction, onApply, onClose } = props
  const dialogJob = (action: BulkAction) => (jobAction === action ? job : null)
  // One job at a time: while the other dialog's job runs, this one says so instead of offering a second.
  const otherJobRunning = (action: BulkAction) => job.state.phase === 'running' && jobAction !== action
  const waitForOtherJob = (
    <p className="notice" role="status">
      Another bulk change is still running. Close this dialog and use Show progress in the selection bar to follow or
      cancel it.
    </p>
  )
  return (
    <>
      <BulkDialog
        title={props.routingTitle}
        source={props.routingSource}
        job={dialogJob('routing')}
        resultsName="routing change results"
        onClose={onClose}
      >
        {(read) =>
          otherJobRunning('routing')
            ? waitForOtherJob
            : catalog && (
                <RoutingForm numbers={read} catalog={catalog} start={props.routingStart} onApply={onApply('routing')} />
              )
        }
      </BulkDialog>
      <BulkDialog
        title={props.labelTitle}
        source={props.labelSource}
        job={dialogJob('label')}
        resultsName="label change results"
        onClose={onClose}
      >
        {(read) =>
          otherJobRunning('label') ? waitForOtherJob : <LabelForm numbers={read} onApply={onApply('label')} />
        }
      </BulkDialog>
    </>
  )
}
