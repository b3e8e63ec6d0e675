import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useRef, useState } from 'react'
import { agentQueries } from '@/features/agents/api/agent-queries'
import { buildAgentCatalog } from '@/features/agents/domain/agent-catalog'
import { phoneNumberQueries } from '@/features/phone-numbers/api/phone-number-queries'
import { EditNumberDialog } from '@/features/phone-numbers/components/edit-number-dialog'
import { NumbersTable } from '@/features/phone-numbers/components/numbers-table'
import { useSession } from '@/features/session/use-session'
import { useDebouncedValue } from '@/hooks/use-debounced-value'
import { DEFAULT_PAGE_SIZE, type PhoneNumber } from '@/types/api'

const SEARCH_DEBOUNCE_MS = 200
const EMPTY_CATALOG = buildAgentCatalog([])

export function PhoneNumbersPage() {
  const queryClient = useQueryClient()
  const { permissions } = useSession()
  const [searchInput, setSearchInput] = useState('')
  const search = useDebouncedValue(searchInput.trim(), SEARCH_DEBOUNCE_MS)
  const [page, setPage] = useState(1)
  const params = { page, limit: DEFAULT_PAGE_SIZE, ...(search ? { search } : {}) }
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

  const rows = numbers.data?.data ?? []
  // The dialog follows the cached row, so a saved (or partly saved) change shows at once.
  const editing = editingId === null ? null : (rows.find((n) => n.id === editingId) ?? editingSnapshot)

  useUnknownVersionRefetch(
    rows,
    catalog,
    agents.isFetching,
    () => void queryClient.invalidateQueries({ queryKey: agentQueries.all() }),
  )

  useEffect(() => {
    if (!toast) return
    const timer = setTimeout(() => setToast(null), 6000)
    return () => clearTimeout(timer)
  }, [toast])

  const total = numbers.data?.total ?? 0
  const limit = numbers.data?.limit ?? DEFAULT_PAGE_SIZE
  const firstShown = total === 0 ? 0 : (page - 1) * limit + 1
  const lastShown = Math.min(page * limit, total)
  const pageCount = Math.max(1, Math.ceil(total / limit))

  return (
    <main className="page">
      <header className="page-header">
        <div>
          <h1>Phone numbers</h1>
          <p className="muted">
            Choose which agent version answers (inbound) and places (outbound) calls on each number.
          </p>
        </div>
      </header>

      <div className="toolbar">
        <input
          type="search"
          className="search"
          aria-label="Search numbers"
          placeholder="Search by nickname, label or digits"
          value={searchInput}
          onChange={(event) => {
            setSearchInput(event.target.value)
            setPage(1)
          }}
        />
        <p className="muted" aria-live="polite">
          {numbers.data
            ? `${total.toLocaleString('en-US')} ${total === 1 ? 'number' : 'numbers'}${total > 0 ? ` · showing ${firstShown.toLocaleString('en-US')}–${lastShown.toLocaleString('en-US')}` : ''}`
            : ''}
        </p>
      </div>

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

      {numbers.isError && !numbers.data ? (
        <div className="state state-error" role="alert">
          <h2>The numbers could not be loaded</h2>
          <p>{numbers.error.message}</p>
          <button type="button" className="button button-primary" onClick={() => void numbers.refetch()}>
            Retry
          </button>
        </div>
      ) : numbers.data && total === 0 && !search ? (
        <div className="state">
          <h2>No numbers yet</h2>
          <p>Buy or port a number with your telephony provider; it appears here, ready for an agent.</p>
        </div>
      ) : numbers.data && rows.length === 0 && search ? (
        <div className="state">
          <h2>No number matches “{search}”</h2>
          <p>Try part of the nickname, the label, or a few digits of the number.</p>
          <button type="button" className="button" onClick={() => setSearchInput('')}>
            Clear search
          </button>
        </div>
      ) : (
        <>
          {numbers.isLoading && (
            <p className="visually-hidden" role="status">
              Loading numbers…
            </p>
          )}
          <NumbersTable
            rows={rows}
            catalog={catalog}
            loading={numbers.isPending}
            caption="Phone numbers"
            actionVerb={permissions.canRoute || permissions.canRename ? 'Edit' : 'View'}
            onEdit={(number) => {
              setEditingSnapshot(number)
              setEditingId(number.id)
            }}
          />
          {numbers.data && total > 0 && (
            <nav className="pager" aria-label="Pages">
              <button type="button" className="button" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
                Previous page
              </button>
              <span className="muted">
                Page {page} of {pageCount}
              </span>
              <button
                type="button"
                className="button"
                disabled={page >= pageCount}
                onClick={() => setPage((p) => p + 1)}
              >
                Next page
              </button>
            </nav>
          )}
        </>
      )}

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

      <div className="toast-region" role="status" aria-live="polite">
        {toast && <div className="toast">{toast}</div>}
      </div>
    </main>
  )
}

/** A row naming a version the agents list does not know (an agent created since) triggers one agents refetch. */
function useUnknownVersionRefetch(
  rows: PhoneNumber[],
  catalog: ReturnType<typeof buildAgentCatalog> | null,
  fetching: boolean,
  refetch: () => void,
) {
  const tried = useRef(new Set<string>())
  useEffect(() => {
    if (!catalog || fetching) return
    const unknown = rows
      .flatMap((n) => [n.inbound_agent_version_id, n.outbound_agent_version_id])
      .filter((id): id is string => id !== null && !catalog.versionById.has(id) && !tried.current.has(id))
    if (unknown.length === 0) return
    unknown.forEach((id) => tried.current.add(id))
    refetch()
  }, [rows, catalog, fetching, refetch])
}
