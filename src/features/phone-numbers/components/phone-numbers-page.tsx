import { useQuery } from '@tanstack/react-query'
import { startTransition, useCallback, useState } from 'react'
import { useTaskAfter, WelcomeLateParts } from '@/components/late-parts'
import { LazyPart } from '@/components/lazy-part'
import { retryableLazy } from '@/components/retryable-lazy'
import { useAgentCatalog } from '@/features/agents/api/use-agent-catalog'
import { phoneNumberQueries } from '@/features/phone-numbers/api/phone-number-queries'
import { AgentUsageRegion } from '@/features/phone-numbers/components/agent-usage-region'
import { CsvActions } from '@/features/phone-numbers/components/csv-actions'
import { ListEmpty } from '@/features/phone-numbers/components/list-empty'
import { ListError } from '@/features/phone-numbers/components/list-error'
import { ListPastTheEnd } from '@/features/phone-numbers/components/list-past-the-end'
import { NumbersPager } from '@/features/phone-numbers/components/numbers-pager'
import { NumbersTable } from '@/features/phone-numbers/components/numbers-table'
import { NumbersToolbar } from '@/features/phone-numbers/components/numbers-toolbar'
import type { SaveDraft } from '@/features/phone-numbers/domain/desired-state'
import { isFiltered, NO_FILTERS } from '@/features/phone-numbers/domain/list-view'
import type { MoveNumbersRequest } from '@/features/phone-numbers/domain/usage-rows'
import { listSummary } from '@/features/phone-numbers/domain/toolbar-options'
import { useListView } from '@/features/phone-numbers/hooks/use-list-view'
import { useSelection } from '@/features/phone-numbers/hooks/use-selection'
import { usePhoneNumberList } from '@/features/phone-numbers/hooks/use-phone-number-list'
import { rowActionVerb, useSession } from '@/features/session/use-session'
import type { PhoneNumber } from '@/types/api'
import '@/features/phone-numbers/components/phone-numbers-page.css'

// The dialog (forms, Radix Select) is not needed for the first rows: load it after them.
const loadEditDialog = () => import('@/features/phone-numbers/components/edit-number-dialog')
const EditNumberDialog = retryableLazy(async () => (await loadEditDialog()).EditNumberDialog)
// Neither is what only a selection or a save shows (the selection bar and its jobs, the save
// notices and Undo): they load beside the first rows instead of before them.
const BulkActions = retryableLazy(
  async () => (await import('@/features/phone-numbers/components/bulk-actions')).BulkActions,
)
const SaveNotices = retryableLazy(
  async () => (await import('@/features/phone-numbers/components/save-notices')).SaveNotices,
)

/** The latest of some states of a number (`updated_at` always moves forward, API.md); the first on a tie. */
function newest(...states: (PhoneNumber | null | undefined)[]): PhoneNumber | null {
  return states.reduce<PhoneNumber | null>(
    (found, state) => (state && (!found || state.updated_at > found.updated_at) ? state : found),
    null,
  )
}

export function PhoneNumbersPage() {
  const { permissions } = useSession()
  const { view, params, setView, hrefOf } = useListView()
  const list = usePhoneNumberList(view, params)
  const agents = useAgentCatalog()
  const selection = useSelection(params, list.rows, list.total)
  const [move, setMove] = useState<MoveNumbersRequest | null>(null)
  // Saves and undos shown in notices are those since the page mounted (SaveNotices mounts later, once its code is in).
  const [mountedAt] = useState(Date.now)

  const [editingId, setEditingId] = useState<string | null>(null)
  const [editingSnapshot, setEditingSnapshot] = useState<PhoneNumber | null>(null)
  // What the user had chosen in a save that failed after its dialog closed (SaveNotices' Edit again).
  const [draft, setDraft] = useState<SaveDraft | null>(null)
  // Mounted from the first Edit on and kept, so closing runs Radix's focus return.
  const [dialogMounted, setDialogMounted] = useState(false)
  // Stable, so memoised rows do not re-render when the page does.
  // A transition: React renders the dialog in slices that yield to the browser, not in one long task.
  const openEditor = useCallback((number: PhoneNumber, withDraft: SaveDraft | null = null) => {
    startTransition(() => {
      setDialogMounted(true)
      setEditingSnapshot(number)
      setEditingId(number.id)
      setDraft(withDraft)
    })
  }, [])

  // The dialog follows the newest state of the number the page has seen: the cached row, so a saved
  // (or partly saved) change shows at once, or its latest read when the row is older or not listed.
  const row = editingId === null ? undefined : list.query.data?.data.find((n) => n.id === editingId)
  const latest = useQuery({ ...phoneNumberQueries.latest(editingId ?? ''), enabled: editingId !== null }).data
  const editing = editingId === null ? null : newest(row, latest, editingSnapshot)

  // Load the dialog's code once the first rows are up and mount it closed, so the first Edit does not
  // suspend (React holds content back for up to 300 ms after a Suspense fallback).
  const rowsShown = list.query.data !== undefined
  useTaskAfter(rowsShown, () => {
    // A failed load is said when the dialog is opened (its LazyPart), where Retry can load it again.
    loadEditDialog().then(
      () => setDialogMounted(true),
      () => undefined,
    )
  })

  const filtered = isFiltered(view)
  const { total, rows } = list

  return (
    // The parts the first rows do not need (LazyPart's `late`) load after them; the usage region's
    // Move, possible before the rows are in, needs the selection bar's dialogs at once.
    <WelcomeLateParts after={rowsShown || list.query.isError} now={move !== null}>
      <main className="page">
        <header className="page-header">
          <h1>Phone numbers</h1>
          <p className="muted">
            Choose which agent version answers (inbound) and places (outbound) calls on each number.
          </p>
        </header>

        <NumbersToolbar
          view={view}
          agents={agents.catalog?.agents ?? []}
          agentsKnown={agents.query.data !== undefined}
          onChange={setView}
          summary={listSummary(
            list.hasAnswer
              ? { total, firstShown: list.firstShown, lastShown: list.lastShown, rowCount: rows.length }
              : null,
          )}
          updating={list.updating}
          actions={<CsvActions view={view} params={params} />}
        />

        <LazyPart name="selection actions" late>
          <BulkActions
            selection={selection}
            total={list.total}
            pageRows={list.rows.length}
            permissions={permissions}
            move={move}
            onMoveClosed={() => setMove(null)}
          />
        </LazyPart>

        {!permissions.canReadAgents && (
          <p className="notice">
            Your key cannot read agents (agents:read), so agent names and versions are not shown.
          </p>
        )}

        {agents.query.isError && (
          <div className="banner banner-error" role="alert">
            Agent names could not be loaded: {agents.query.error.message}{' '}
            <button type="button" className="button button-small" onClick={() => void agents.query.refetch()}>
              Retry
            </button>
          </div>
        )}

        <AgentUsageRegion agentId={view.agentId} hrefOf={hrefOf} onShowView={setView} onMoveNumbers={setMove} />

        {list.query.isError && !list.hasAnswer ? (
          <ListError message={list.query.error.message} onRetry={() => void list.query.refetch()} />
        ) : list.hasAnswer && total === 0 ? (
          <ListEmpty search={view.search} filtered={filtered} onClearFilters={() => setView(NO_FILTERS)} />
        ) : list.pastTheEnd ? (
          <ListPastTheEnd
            page={view.page}
            pageCount={list.pageCount}
            total={total}
            onLastPage={() => setView({ page: list.pageCount })}
          />
        ) : (
          <>
            {list.loadingFirst && (
              <p className="visually-hidden" role="status">
                Loading numbers…
              </p>
            )}
            <NumbersTable
              rows={rows}
              catalog={agents.catalog}
              loading={list.loadingFirst}
              caption="Phone numbers"
              sort={view.sort}
              order={view.order}
              onSort={(sort) => setView({ sort, order: view.sort === sort && view.order === 'asc' ? 'desc' : 'asc' })}
              actionVerb={rowActionVerb(permissions)}
              onEdit={openEditor}
              selection={selection.rowSelection}
            />
            {list.hasAnswer && (
              <NumbersPager page={view.page} pageCount={list.pageCount} onPage={(page) => setView({ page })} />
            )}
          </>
        )}

        {dialogMounted && (
          <LazyPart name="edit dialog" floating resetKey={editingId} onDismiss={() => setEditingId(null)}>
            <EditNumberDialog
              number={editing}
              draft={draft}
              permissions={permissions}
              onClose={() => setEditingId(null)}
            />
          </LazyPart>
        )}

        <LazyPart name="save notices" floating late>
          <SaveNotices since={mountedAt} onEditAgain={openEditor} />
        </LazyPart>
      </main>
    </WelcomeLateParts>
  )
}
