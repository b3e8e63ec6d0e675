import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { NativeSelectField } from '@/components/ui/native-select-field'
import { catalogOf } from '@/features/agents/domain/agent-catalog'
import { FlagFilter } from '@/features/phone-numbers/components/flag-filter'
import { VersionFilter } from '@/features/phone-numbers/components/version-filter'
import { SEARCH_MAX_LENGTH, type ListView } from '@/features/phone-numbers/domain/list-view'
import {
  agentFilterOptions,
  agentsByName,
  ANY_FILTER,
  PAGE_SIZE_OPTIONS,
  STATUS_FILTER_OPTIONS,
} from '@/features/phone-numbers/domain/toolbar-options'
import { useDebouncedValue } from '@/hooks/use-debounced-value'
import type { Agent } from '@/types/api'
import { EMPTY_SLOT } from '@/types/api-values'
import '@/features/phone-numbers/components/numbers-toolbar.css'

/** Long enough to send one request per burst of typing, short enough that results follow the last key at once. */
const SEARCH_DEBOUNCE_MS = 100

/** A version filter survives a change of agent only when it asks for an empty slot: a version belongs to its agent. */
const keptOnAgentChange = (versionId: string | null) => (versionId === EMPTY_SLOT ? versionId : null)

interface NumbersToolbarProps {
  view: ListView
  agents: Agent[]
  /** The agents are in: an id not among them names no agent of this workspace. */
  agentsKnown: boolean
  onChange: (changes: Partial<ListView>, mode?: 'push' | 'replace') => void
  summary: string
  updating: boolean
  /** Buttons about the whole view (Export CSV, Import CSV), after the filters. */
  actions?: ReactNode
}

export function NumbersToolbar({
  view,
  agents,
  agentsKnown,
  onChange,
  summary,
  updating,
  actions,
}: NumbersToolbarProps) {
  const [searchInput, setSearchInput] = useState(view.search)
  const search = useDebouncedValue(searchInput.trim(), SEARCH_DEBOUNCE_MS)
  /** The search the box last put in (or took from) the URL, to tell its own changes from Back/Forward. */
  const synced = useRef(view.search)
  /** One history entry per visit to the box: Back returns to the view before the search, not one keystroke. */
  const addedHistoryEntry = useRef(false)

  useEffect(() => {
    if (search === synced.current) return
    synced.current = search
    onChange({ search }, addedHistoryEntry.current ? 'replace' : 'push')
    addedHistoryEntry.current = true
  }, [search, onChange])

  // Back/Forward, a link or "Clear" changed the URL: show that in the box.
  useEffect(() => {
    if (view.search === synced.current) return
    synced.current = view.search
    // Typing from here on is a new search: it gets its own history entry.
    addedHistoryEntry.current = false
    setSearchInput(view.search)
  }, [view.search])

  const atLimit = searchInput.length >= SEARCH_MAX_LENGTH
  const sortedAgents = useMemo(() => agentsByName(agents), [agents])
  const catalog = catalogOf(agents)
  return (
    <div className="toolbar">
      <input
        type="search"
        className="search"
        aria-label="Search numbers"
        placeholder="Search by nickname, label or digits"
        value={searchInput}
        maxLength={SEARCH_MAX_LENGTH}
        aria-describedby={atLimit ? 'search-limit' : undefined}
        onFocus={() => (addedHistoryEntry.current = false)}
        onChange={(event) => setSearchInput(event.target.value)}
      />
      {atLimit && (
        <p className="muted small" id="search-limit" role="status">
          Searches use at most {SEARCH_MAX_LENGTH} characters.
        </p>
      )}
      <div className="filters">
        <NativeSelectField
          id="filter-status"
          label="Status"
          value={view.status ?? ANY_FILTER}
          options={STATUS_FILTER_OPTIONS}
          onValueChange={(value) => onChange({ status: value === ANY_FILTER ? null : (value as 'active' | 'pending') })}
        />
        <NativeSelectField
          id="filter-agent"
          label="Agent"
          value={view.agentId ?? ANY_FILTER}
          options={agentFilterOptions(view.agentId, sortedAgents, agentsKnown)}
          onValueChange={(value) =>
            onChange({
              agentId: value === ANY_FILTER ? null : value,
              inboundVersionId: keptOnAgentChange(view.inboundVersionId),
              outboundVersionId: keptOnAgentChange(view.outboundVersionId),
            })
          }
        />
        <VersionFilter
          side="inbound"
          agentId={view.agentId}
          value={view.inboundVersionId}
          catalog={catalog}
          onValueChange={(inboundVersionId) => onChange({ inboundVersionId })}
        />
        <VersionFilter
          side="outbound"
          agentId={view.agentId}
          value={view.outboundVersionId}
          catalog={catalog}
          onValueChange={(outboundVersionId) => onChange({ outboundVersionId })}
        />
        <FlagFilter
          id="filter-canary"
          label="Has canary"
          checked={view.canary}
          onCheckedChange={(canary) => onChange({ canary })}
        />
        <FlagFilter
          id="filter-import-error"
          label="Import error"
          checked={view.importError}
          onCheckedChange={(importError) => onChange({ importError })}
        />
        <NativeSelectField
          id="page-size"
          label="Rows per page"
          value={String(view.limit)}
          options={PAGE_SIZE_OPTIONS}
          onValueChange={(value) => onChange({ limit: Number(value) })}
        />
      </div>
      {actions}
      <p className="muted toolbar-summary" aria-live="polite">
        {summary}
        {updating && <span className="updating"> · updating…</span>}
      </p>
    </div>
  )
}
