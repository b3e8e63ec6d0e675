import { useEffect, useEffectEvent, useMemo, useState } from 'react'
import { LazyPart } from '@/components/lazy-part'
import { retryableLazy } from '@/components/retryable-lazy'
import type { RoutingStart } from '@/features/phone-numbers/components/routing-form'
import { moveFilters, type MoveNumbersRequest } from '@/features/phone-numbers/domain/usage-rows'
import { ExportSelectionButton } from '@/features/phone-numbers/components/export-selection-button'
import { SelectionBar } from '@/features/phone-numbers/components/selection-bar'
import type { TableSelection } from '@/features/phone-numbers/hooks/use-selection'
import type { SelectionSource } from '@/features/phone-numbers/jobs/read-selection'
import { useWriteJob, type WriteJobSpec } from '@/features/phone-numbers/jobs/use-write-job'
import type { Permissions } from '@/features/session/use-session'
import { formatCount } from '@/lib/format-count'

export type BulkAction = 'routing' | 'label'

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
const BulkDialogs = retryableLazy(
  async () => (await import('@/features/phone-numbers/components/bulk-dialogs')).BulkDialogs,
)

export function BulkActions({ selection, total, pageRows, permissions, move, onMoveClosed }: BulkActionsProps) {
  const job = useWriteJob()
  const [open, setOpen] = useState<BulkAction | null>(null)
  // What the job is about: the dialog that started it shows its progress and outcome.
  const [jobAction, setJobAction] = useState<BulkAction>('routing')
  // The selection as it was when the dialog opened (its numbers are read once, from this).
  const [source, setSource] = useState<SelectionSource | null>(null)
  const [count, setCount] = useState(0)

  // A dialog opens on its form: a finished job's outcome gives way (a running one stays, shown or waited for).
  const resetFinishedJob = () => {
    if (job.state.phase !== 'running') job.reset()
  }
  const openDialog = (action: BulkAction) => {
    resetFinishedJob()
    setSource(selection.source)
    setCount(selection.count)
    setOpen(action)
  }
  const start = (action: BulkAction) => (spec: WriteJobSpec) => {
    setJobAction(action)
    job.start(action === 'label' ? { ...spec, concurrency: 4 } : spec)
  }
  const moving = useMemo(() => (move === null ? null : moveDialog(move)), [move])
  // A Move opens the routing dialog as the selection bar's button does.
  const onMove = useEffectEvent(resetFinishedJob)
  useEffect(() => {
    if (move !== null) onMove()
  }, [move])
  const numbers = (n: number) => `${formatCount(n)} ${n === 1 ? 'number' : 'numbers'}`
  const jobShown = job.state.phase !== 'idle' && open === null
  const [dialogsWanted, setDialogsWanted] = useState(false)
  if (!dialogsWanted && (open !== null || moving !== null)) setDialogsWanted(true)

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
      {/* Loaded when first opened (their forms, Radix Dialog, Papa Parse), then kept: closing one must not unmount it mid-close. */}
      {dialogsWanted && (
        <LazyPart
          name="bulk dialogs"
          floating
          resetKey={open ?? moving}
          onDismiss={() => (moving ? onMoveClosed() : setOpen(null))}
        >
          <BulkDialogs
            routingTitle={(read) =>
              `Change routing of ${read === null && moving ? 'the numbers' : numbers(read ?? count)}`
            }
            routingSource={moving?.source ?? (open === 'routing' ? source : null)}
            routingStart={moving?.start}
            labelTitle={(read) => `Set label of ${numbers(read ?? count)}`}
            labelSource={open === 'label' ? source : null}
            job={job}
            jobAction={jobAction}
            onApply={start}
            onClose={() => (moving ? onMoveClosed() : setOpen(null))}
          />
        </LazyPart>
      )}
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
