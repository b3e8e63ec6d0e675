import { memo, useRef } from 'react'
import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { numberRowView } from '@/features/phone-numbers/domain/number-row-view'
import type { SlotView } from '@/features/phone-numbers/domain/number-view'
import type { RowSelection } from '@/features/phone-numbers/domain/selection'
import { useRowsInViewFirst } from '@/features/phone-numbers/hooks/use-rows-in-view-first'
import type { PhoneNumber, SortField, SortOrder } from '@/types/api'
import '@/features/phone-numbers/components/numbers-table.css'

interface NumbersTableProps {
  rows: PhoneNumber[]
  catalog: AgentCatalog | null
  /** Shown instead of rows while the first page loads. */
  loading: boolean
  actionVerb: 'Edit' | 'View'
  onEdit: (number: PhoneNumber) => void
  caption: string
  sort: SortField
  order: SortOrder
  onSort: (field: SortField) => void
  /** Row checkboxes (hooks/use-selection.ts). */
  selection: RowSelection
}

export function NumbersTable({
  rows,
  catalog,
  loading,
  actionVerb,
  onEdit,
  caption,
  sort,
  order,
  onSort,
  selection,
}: NumbersTableProps) {
  const body = useRef<HTMLTableSectionElement>(null)
  useRowsInViewFirst(body, loading ? '' : rows.map((number) => number.id).join(' '))
  const sortable = (field: SortField, label: string, className: string) => (
    <th
      role="columnheader"
      scope="col"
      className={className}
      aria-sort={sort === field ? (order === 'asc' ? 'ascending' : 'descending') : undefined}
    >
      <button type="button" className="sort-button" onClick={() => onSort(field)}>
        {label}
        <span className="sort-indicator" aria-hidden="true">
          {sort === field ? (order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  )
  return (
    // Explicit roles: the stylesheet lays rows out as grids (columns collapse on narrow screens), and
    // a table not displayed as a table loses its implicit roles in some browsers.
    <table role="table" className="numbers-table" aria-busy={loading}>
      <caption className="visually-hidden">{caption}</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th role="columnheader" scope="col" className="col-select">
            <input
              type="checkbox"
              aria-label="Select all on this page"
              checked={selection.pageState === 'all'}
              ref={(box) => {
                if (box) box.indeterminate = selection.pageState === 'some'
              }}
              disabled={loading || rows.length === 0}
              onChange={selection.onTogglePage}
            />
          </th>
          {sortable('phone_number', 'Number', 'col-number')}
          {sortable('nickname', 'Nickname', 'col-nickname')}
          <th role="columnheader" scope="col" className="col-inbound">
            Inbound
          </th>
          <th role="columnheader" scope="col" className="col-outbound">
            Outbound
          </th>
          <th role="columnheader" scope="col" className="col-status">
            Status
          </th>
          {sortable('created_at', 'Created', 'col-created')}
          <th role="columnheader" scope="col" className="actions">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody role="rowgroup" ref={body}>
        {loading
          ? Array.from({ length: 8 }, (_, i) => <SkeletonRow key={i} />)
          : rows.map((number) => (
              <NumberRow
                key={number.id}
                number={number}
                catalog={catalog}
                actionVerb={actionVerb}
                onEdit={onEdit}
                selected={selection.isSelected(number.id)}
                onSelect={selection.onToggleRow}
              />
            ))}
      </tbody>
    </table>
  )
}

// Rows re-render only when their record (replaced immutably on save) or the agents change.
const NumberRow = memo(function NumberRow({
  number,
  catalog,
  actionVerb,
  onEdit,
  selected,
  onSelect,
}: {
  number: PhoneNumber
  catalog: AgentCatalog | null
  actionVerb: 'Edit' | 'View'
  onEdit: (number: PhoneNumber) => void
  selected: boolean
  onSelect: RowSelection['onToggleRow']
}) {
  const view = numberRowView(number, catalog)
  return (
    <tr role="row" aria-selected={selected} className={selected ? 'row-selected' : undefined}>
      <td role="cell" className="col-select">
        <input
          type="checkbox"
          aria-label={`Select ${view.name}`}
          checked={selected}
          // A click's Shift (a mouse click or Shift+Space) selects the range from the last row clicked.
          onChange={(event) => onSelect(number.id, (event.nativeEvent as MouseEvent).shiftKey)}
        />
      </td>
      <td role="cell" className="col-number">
        <div className="number-main">{view.formattedNumber}</div>
        <div className="muted small" title={view.countryName}>
          <abbr title={view.countryName}>{number.country_code}</abbr> · {view.providerAndType}
        </div>
      </td>
      <td role="cell" className="col-nickname">
        {number.nickname ? (
          <div className="clamped" title={view.nicknameTitle}>
            <bdi>{number.nickname}</bdi>
          </div>
        ) : (
          <div className="muted">No nickname</div>
        )}
        {number.label && (
          <div className="muted small clamped" title={view.labelTitle}>
            Label: <bdi>{number.label}</bdi>
          </div>
        )}
      </td>
      <td role="cell" className="col-inbound">
        <SlotCell view={view.inbound} loading={catalog === null} canary={view.canary} canaryTitle={view.canaryTitle} />
      </td>
      <td role="cell" className="col-outbound">
        <SlotCell view={view.outbound} loading={catalog === null} />
      </td>
      <td role="cell" className="col-status">
        {number.import_error === null ? (
          <span className={`status status-${number.status}`}>{number.status}</span>
        ) : (
          <>
            <span className="status status-import-failed">Import failed</span>
            <div className="small import-reason">{number.import_error}</div>
          </>
        )}
      </td>
      <td role="cell" className="col-created muted small nowrap">
        <time dateTime={number.created_at}>{view.createdDay}</time>
      </td>
      <td role="cell" className="actions">
        <button
          type="button"
          className="button button-small"
          aria-label={`${actionVerb} ${view.name}`}
          onClick={() => onEdit(number)}
        >
          {actionVerb}
        </button>
      </td>
    </tr>
  )
})

interface SlotCellProps {
  view: SlotView
  loading: boolean
  /** The inbound canary beside the slot (`+ v3 10 %`), and in words for a tooltip. */
  canary?: string | null
  canaryTitle?: string
}

function SlotCell({ view, loading, canary = null, canaryTitle }: SlotCellProps) {
  if (view.kind === 'empty') return <span className="muted">None</span>
  if (view.kind === 'unknown') {
    return loading ? (
      <span className="skeleton-text" aria-label="Loading agent">
        …
      </span>
    ) : (
      <span className="muted" title={view.versionId}>
        Unknown version
      </span>
    )
  }
  return (
    <span className="slot">
      <span>
        {view.agentName} · v{view.version}
        {canary && <span title={canaryTitle}> {canary}</span>}
      </span>
      {view.archived && <span className="badge badge-archived">archived</span>}
      {view.newerVersion !== null && <span className="muted small"> · v{view.newerVersion} available</span>}
    </span>
  )
}

/** Each column's class, which places its cells in the row's grid (numbers-table.css). */
const COLUMN_CLASSES = [
  'col-select',
  'col-number',
  'col-nickname',
  'col-inbound',
  'col-outbound',
  'col-status',
  'col-created',
  'actions',
] as const

function SkeletonRow() {
  return (
    <tr className="skeleton-row" aria-hidden="true">
      {COLUMN_CLASSES.map((className) => (
        <td key={className} className={className}>
          <span className="skeleton-bar" />
        </td>
      ))}
    </tr>
  )
}
