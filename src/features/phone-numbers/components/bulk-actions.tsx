import { useMemo, useState } from 'react'
import { useAgentCatalog } from '@/features/agents/api/use-agent-catalog'
import { BulkDialog } from '@/features/phone-numbers/components/bulk-dialog'
import { LabelForm } from '@/features/phone-numbers/components/label-form'
import { RoutingForm, type RoutingStart } from '@/features/phone-numbers/components/routing-form'
import { moveFilters, type MoveNumbersRequest } from '@/features/phone-numbers/domain/usage-rows'
import { ExportSelectionButton } from '@/features/phone-numbers/components/export-selection-button'
import { SelectionBar } from '@/features/phone-numbers/components/selection-bar'
import type { TableSelection } from '@/features/phone-numbers/hooks/use-selection'
import type { SelectionSource } from '@/features/phone-numbers/jobs/read-selection'
import { useWriteJob, type WriteJobSpec } from '@/features/phone-numbers/jobs/use-write-job'
import type { Permissions } from '@/features/session/use-session'
import { formatCount } from '@/lib/format-count'

type BulkAction = 'routing' | 'label'

interface BulkActionsProps {
  selection: TableSelection
  /** Numbers in the view, and on the page shown. */
  total: number
  pageRows: number
  permissions: Permissions
  /** A `Move vN numbers…` of the usage region: the routing dialog opens for exactly those numbers. */
  move: MoveNumbersRequest | null
  onMoveClosed: () => void
}

/**
 * What the page does with the selection: the `Selection` region, the routing and label dialogs, and
 * their one job (one at a time). The job outlives its dialog: the page stays usable while it runs.
 */
export function BulkActions({ selection, total, pageRows, permissions, move, onMoveClosed }: BulkActionsProps) {
  const { catalog } = useAgentCatalog()
  const job = useWriteJob()
  const [open, setOpen] = useState<BulkAction | null>(null)
  // What the job is about: the dialog that started it shows its progress and outcome.
  const [jobAction, setJobAction] = useState<BulkAction>('routing')
  // The selection as it was when the dialog opened (its numbers are read once, from this).
  const [source, setSource] = useState<SelectionSource | null>(null)
  const [count, setCount] = useState(0)

  const openDialog = (action: BulkAction) => {
    if (job.state.phase !== 'running') job.reset()
    setSource(selection.source)
    setCount(selection.count)
    setOpen(action)
  }
  const start = (action: BulkAction) => (spec: WriteJobSpec) => {
    setJobAction(action)
    job.start(action === 'label' ? { ...spec, concurrency: 4 } : spec)
  }
  const dialogJob = (action: BulkAction) => (jobAction === action ? job : null)
  const moving = useMemo(() => (move === null ? null : moveDialog(move)), [move])
  const numbers = (n: number) => `${formatCount(n)} ${n === 1 ? 'number' : 'numbers'}`
  const jobShown = job.state.phase !== 'idle' && open === null

  return (
    <>
      {/* Only while there is news: the page's other status regions (the notices) stay the only ones otherwise. */}
      {selection.clearedByView && (
        <p className="notice" role="status">
          Selection cleared: the search or filters changed.
        </p>
      )}
      {(selection.count > 0 || job.state.phase !== 'idle') && (
        <SelectionBar
          count={selection.count}
          matching={
            selection.pageState === 'all' && !selection.allMatching && total > pageRows && selection.count < total
              ? total
              : null
          }
          onSelectAllMatching={selection.selectAllMatching}
          onClear={selection.clear}
          canRoute={permissions.canRoute}
          canLabel={permissions.canRename}
          onChangeRouting={() => openDialog('routing')}
          onSetLabel={() => openDialog('label')}
          exportCsv={<ExportSelectionButton source={selection.source} />}
          job={jobShown ? job.state : { phase: 'idle' }}
          onShowJob={() => setOpen(jobAction)}
        />
      )}
      <BulkDialog
        title={(read) => `Change routing of ${read === null && moving ? 'the numbers' : numbers(read ?? count)}`}
        source={moving?.source ?? (open === 'routing' ? source : null)}
        job={dialogJob('routing')}
        resultsName="routing change results"
        onClose={() => (moving ? onMoveClosed() : setOpen(null))}
      >
        {(read) =>
          catalog && <RoutingForm numbers={read} catalog={catalog} start={moving?.start} onApply={start('routing')} />
        }
      </BulkDialog>
      <BulkDialog
        title={(read) => `Set label of ${numbers(read ?? count)}`}
        source={open === 'label' ? source : null}
        job={dialogJob('label')}
        resultsName="label change results"
        onClose={() => setOpen(null)}
      >
        {(read) => <LabelForm numbers={read} onApply={start('label')} />}
      </BulkDialog>
    </>
  )
}

/** The routing dialog of a Move: the numbers holding the version (on its side, or either), the newest version proposed. */
function moveDialog(move: MoveNumbersRequest): { source: SelectionSource; start: RoutingStart } {
  return {
    source: { kind: 'union', views: moveFilters(move), total: move.slots },
    start: {
      side: move.side,
      agentId: move.proposedVersionId === null ? '' : move.agentId,
      versionId: move.proposedVersionId ?? '',
      from: move.versionId,
    },
  }
}
