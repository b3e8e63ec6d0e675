import { useQuery, useQueryClient } from '@tanstack/react-query'
import {
  lazy,
  startTransition,
  Suspense,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { agentQueries } from '@/features/agents/api/agent-queries'
import { buildAgentCatalog, type AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { phoneNumberQueries } from '@/features/phone-numbers/api/phone-number-queries'
import { NumbersTable } from '@/features/phone-numbers/components/numbers-table'
import { NumbersToolbar } from '@/features/phone-numbers/components/numbers-toolbar'
import { listParams, parseListView, serializeListView, type ListView } from '@/features/phone-numbers/domain/list-view'
import { useSession } from '@/features/session/use-session'
import { useLocationSearch } from '@/hooks/use-location-search'
import type { PhoneNumber, PhoneNumberList } from '@/types/api'
import '@/features/phone-numbers/components/phone-numbers-page.css'

const EMPTY_CATALOG = buildAgentCatalog([])
const NO_ROWS: PhoneNumber[] = []

// The dialog (forms, Radix Select) is not needed for the first rows: load it after them.
const loadEditDialog = () => import('@/features/phone-numbers/components/edit-number-dialog')
const EditNumberDialog = lazy(async () => ({ default: (await loadEditDialog()).EditNumberDialog }))
const formatCount = (n: number) => n.toLocaleString('en-US')

export function PhoneNumbersPage() {
  const queryClient = useQueryClient()
  const { permissions } = useSession()
  const [locationSearch, navigate] = useLocationSearch()
  const view = useMemo(() => parseListView(locationSearch), [locationSearch])
  /** Search keystrokes replace the history entry; every other change adds one, so Back undoes it. */
  const setView = (changes: Partial<ListView>, mode: 'push' | 'replace' = 'push') => {
    const resetsPage = Object.keys(changes).some((key) => key !== 'page')
    const next = { ...view, ...(resetsPage ? { page: 1 } : {}), ...changes }
    navigate(serializeListView(next, window.location.search), mode)
  }

  const params = listParams(view)
  const numbers = useQuery(phoneNumberQueries.list(params))
  const agents = useQuery({ ...agentQueries.list(), enabled: permissions.canReadAgents })
  // Without agent names (no agents:read, or the list failed) rows and the dialog still work, showing versions as unknown.
  const agentsUnavailable = !permissions.canReadAgents || agents.isError
  const catalog = useMemo(
    () => (agents.data ? buildAgentCatalog(agents.data) : agentsUnavailable ? EMPTY_CATALOG : null),
    [agents.data, agentsUnavailable],
  )

  const [editingId, setEditingId] = useState<string | null>(null)
  const [editingSnapshot, setEditingSnapshot] = useState<PhoneNumber | null>(null)
  const [toast, setToast] = useState<string | null>(null)
  // Mounted from the first Edit on and kept, so closing runs Radix's focus return.
  const [dialogMounted, setDialogMounted] = useState(false)
  // Stable, so memoised rows do not re-render when the page does.
  // A transition: React renders the dialog in slices that yield to the browser, not in one long task.
  const openEditor = useCallback((number: PhoneNumber) => {
    startTransition(() => {
      setDialogMounted(true)
      setEditingSnapshot(number)
      setEditingId(number.id)
    })
  }, [])

  // The dialog follows the cached row, so a saved (or partly saved) change shows at once.
  const editing = editingId === null ? null : (numbers.data?.data.find((n) => n.id === editingId) ?? editingSnapshot)

  // Another set of rows (a search, a page) is rendered in slices that yield to the browser (a
  // transition), not in one long task; until it is in, the page keeps showing the previous one and
  // says it is updating. The same rows updated in place (a save) show at once.
  const deferred = useDeferredValue(numbers.data)
  const shown = sameRows(deferred, numbers.data) ? numbers.data : deferred
  const rows = shown?.data ?? NO_ROWS
  const total = shown?.total ?? 0
  const pageCount = Math.max(1, Math.ceil(total / (shown?.limit ?? view.limit)))
  // The range of the rows on screen, from the answer they came in (the URL may already ask for the next).
  const firstShown = shown ? (shown.page - 1) * shown.limit + 1 : 0
  const lastShown = firstShown + rows.length - 1
  const pastTheEnd =
    shown !== undefined && shown === numbers.data && !numbers.isPlaceholderData && total > 0 && rows.length === 0
  // Until the first answer is in: skeleton rows.
  const loadingFirst = shown === undefined

  useUnknownVersionRefetch(rows, agents.data ? catalog : null, agents.isFetching, () =>
    queryClient.invalidateQueries({ queryKey: agentQueries.all() }),
  )

  // The next page is usually where the user goes: have it ready.
  // Only from this view's own answer: the previous view's placeholder rows would prefetch too early.
  const nextPage =
    numbers.data && !numbers.isPlaceholderData && view.page < Math.ceil(numbers.data.total / view.limit)
      ? serializeListView({ ...view, page: view.page + 1 }, '')
      : null
  useEffect(() => {
    if (nextPage !== null) void queryClient.prefetchQuery(phoneNumberQueries.list(listParams(parseListView(nextPage))))
  }, [queryClient, nextPage])

  // Load the dialog's code once the first rows are up and mount it closed, so the first Edit does not
  // suspend (React holds content back for up to 300 ms after a Suspense fallback).
  const rowsShown = numbers.data !== undefined
  useEffect(() => {
    if (rowsShown) void loadEditDialog().then(() => setDialogMounted(true))
  }, [rowsShown])

  useEffect(() => {
    if (!toast) return
    const timer = setTimeout(() => setToast(null), 6000)
    return () => clearTimeout(timer)
  }, [toast])

  const filtered = view.search !== '' || view.status !== null || view.agentId !== null

  return (
    <main className="page">
      <header className="page-header">
        <h1>Phone numbers</h1>
        <p className="muted">
          Choose which agent version answers (inbound) and places (outbound) calls on each number.
        </p>
      </header>

      <NumbersToolbar
        view={view}
        agents={catalog?.agents ?? []}
        onChange={setView}
        summary={
          shown
            ? `${formatCount(total)} ${total === 1 ? 'number' : 'numbers'}${
                rows.length > 0 ? ` · showing ${formatCount(firstShown)}–${formatCount(lastShown)}` : ''
              }`
            : ''
        }
        updating={numbers.isPlaceholderData || shown !== numbers.data}
      />

      {!permissions.canReadAgents && (
        <p className="notice">Your key cannot read agents (agents:read), so agent names and versions are not shown.</p>
      )}

      {agents.isError && (
        <div className="banner banner-error" role="alert">
          Agent names could not be loaded: {agents.error.message}{' '}
          <button type="button" className="button button-small" onClick={() => void agents.refetch()}>
            Retry
          </button>
        </div>
      )}

      {numbers.isError && !shown ? (
        <div className="state state-error" role="alert">
          <h2>The numbers could not be loaded</h2>
          <p>{numbers.error.message}</p>
          <button type="button" className="button button-primary" onClick={() => void numbers.refetch()}>
            Retry
          </button>
        </div>
      ) : shown && total === 0 && !filtered ? (
        <div className="state">
          <h2>No numbers yet</h2>
          <p>Buy or port a number with your telephony provider; it appears here, ready for an agent.</p>
        </div>
      ) : shown && total === 0 ? (
        <div className="state">
          <h2>{view.search ? `No number matches “${view.search}”` : 'No number matches these filters'}</h2>
          <p>Try part of the nickname, the label, or a few digits of the number, or clear the filters.</p>
          <button type="button" className="button" onClick={() => setView({ search: '', status: null, agentId: null })}>
            Clear search and filters
          </button>
        </div>
      ) : pastTheEnd ? (
        <div className="state">
          <h2>There is no page {formatCount(view.page)}</h2>
          <p>
            {formatCount(total)} {total === 1 ? 'number fits' : 'numbers fit'} on {formatCount(pageCount)}{' '}
            {pageCount === 1 ? 'page' : 'pages'}.
          </p>
          <button type="button" className="button" onClick={() => setView({ page: pageCount })}>
            Go to the last page
          </button>
        </div>
      ) : (
        <>
          {loadingFirst && (
            <p className="visually-hidden" role="status">
              Loading numbers…
            </p>
          )}
          <NumbersTable
            rows={rows}
            catalog={catalog}
            loading={loadingFirst}
            caption="Phone numbers"
            sort={view.sort}
            order={view.order}
            onSort={(sort) => setView({ sort, order: view.sort === sort && view.order === 'asc' ? 'desc' : 'asc' })}
            actionVerb={permissions.canRoute || permissions.canRename ? 'Edit' : 'View'}
            onEdit={openEditor}
          />
          {shown && (
            <nav className="pager" aria-label="Pages">
              <button
                type="button"
                className="button"
                disabled={view.page <= 1}
                onClick={() => setView({ page: view.page - 1 })}
              >
                Previous page
              </button>
              <span className="muted">
                Page {formatCount(view.page)} of {formatCount(pageCount)}
              </span>
              <button
                type="button"
                className="button"
                disabled={view.page >= pageCount}
                onClick={() => setView({ page: view.page + 1 })}
              >
                Next page
              </button>
            </nav>
          )}
        </>
      )}

      {dialogMounted && (
        <Suspense fallback={null}>
          <EditNumberDialog
            number={editing}
            catalog={catalog}
            permissions={permissions}
            onClose={() => setEditingId(null)}
            onSaved={(message) => {
              setEditingId(null)
              setToast(message)
            }}
          />
        </Suspense>
      )}

      <div className="toast-region" role="status" aria-live="polite">
        {toast && <div className="toast">{toast}</div>}
      </div>
    </main>
  )
}

function sameRows(a: PhoneNumberList | undefined, b: PhoneNumberList | undefined): boolean {
  return a?.data.length === b?.data.length && (a?.data.every((n, i) => n.id === b?.data[i]?.id) ?? true)
}

/** A row naming a version the agents list does not know (an agent created since) triggers one agents refetch. */
function useUnknownVersionRefetch(
  rows: PhoneNumber[],
  catalog: AgentCatalog | null,
  fetching: boolean,
  refetch: () => Promise<void>,
) {
  const tried = useRef(new Set<string>())
  useEffect(() => {
    if (!catalog || fetching) return
    const unknown = rows
      .flatMap((n) => [n.inbound_agent_version_id, n.outbound_agent_version_id])
      .filter((id): id is string => id !== null && !catalog.versionById.has(id) && !tried.current.has(id))
    if (unknown.length === 0) return
    unknown.forEach((id) => tried.current.add(id))
    void refetch()
  }, [rows, catalog, fetching, refetch])
}
