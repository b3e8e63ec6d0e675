import { memo } from 'react'
import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { describeSlot, numberTitle, type SlotView } from '@/features/phone-numbers/domain/number-view'
import { countryName, formatPhoneNumber } from '@/lib/phone-format'
import type { PhoneNumber, SortField, SortOrder } from '@/types/api'

const PROVIDER_NAMES: Record<PhoneNumber['provider'], string> = { twilio: 'Twilio', telnyx: 'Telnyx', vonage: 'Vonage' }
const TYPE_NAMES: Record<PhoneNumber['number_type'], string> = {
  local: 'Local',
  toll_free: 'Toll-free',
  mobile: 'Mobile',
}

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
}

const createdFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
})

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
}: NumbersTableProps) {
  const sortable = (field: SortField, label: string) => (
    <th scope="col" aria-sort={sort === field ? (order === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(field)}>
        {label}
        <span className="sort-indicator" aria-hidden="true">
          {sort === field ? (order === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  )
  return (
    <table className="numbers-table" aria-busy={loading}>
      <caption className="visually-hidden">{caption}</caption>
      {/* Fixed column widths: columns do not jump between pages, and the browser lays rows out without measuring them all. */}
      <colgroup>
        <col className="col-number" />
        <col className="col-nickname" />
        <col className="col-slot" />
        <col className="col-slot" />
        <col className="col-status" />
        <col className="col-created" />
        <col className="col-actions" />
      </colgroup>
      <thead>
        <tr>
          {sortable('phone_number', 'Number')}
          {sortable('nickname', 'Nickname')}
          <th scope="col">Inbound</th>
          <th scope="col">Outbound</th>
          <th scope="col">Status</th>
          {sortable('created_at', 'Created')}
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {loading
          ? Array.from({ length: 8 }, (_, i) => <SkeletonRow key={i} />)
          : rows.map((number) => (
              <NumberRow key={number.id} number={number} catalog={catalog} actionVerb={actionVerb} onEdit={onEdit} />
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
}: {
  number: PhoneNumber
  catalog: AgentCatalog | null
  actionVerb: 'Edit' | 'View'
  onEdit: (number: PhoneNumber) => void
}) {
  const title = numberTitle(number)
  return (
    <tr>
      <td>
        <div className="number-main">{formatPhoneNumber(number.phone_number)}</div>
        <div className="muted small" title={countryName(number.country_code)}>
          <abbr title={countryName(number.country_code)}>{number.country_code}</abbr> ·{' '}
          {PROVIDER_NAMES[number.provider]} · {TYPE_NAMES[number.number_type]}
        </div>
      </td>
      <td>
        {number.nickname ? <div>{number.nickname}</div> : <div className="muted">No nickname</div>}
        {number.label && <div className="muted small">Label: {number.label}</div>}
      </td>
      <td>
        <SlotCell view={describeSlot(number.inbound_agent_version_id, catalog)} loading={catalog === null} />
      </td>
      <td>
        <SlotCell view={describeSlot(number.outbound_agent_version_id, catalog)} loading={catalog === null} />
      </td>
      <td>
        <span className={`status status-${number.status}`}>{number.status}</span>
      </td>
      <td className="muted small nowrap">
        <time dateTime={number.created_at}>{createdFormat.format(new Date(number.created_at))}</time>
      </td>
      <td className="actions">
        <button
          type="button"
          className="button button-small"
          aria-label={`${actionVerb} ${title}`}
          onClick={() => onEdit(number)}
        >
          {actionVerb}
        </button>
      </td>
    </tr>
  )
})

export function SlotCell({ view, loading }: { view: SlotView; loading: boolean }) {
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
      </span>
      {view.archived && <span className="badge badge-archived">archived</span>}
      {view.newerVersion !== null && <span className="muted small"> · v{view.newerVersion} available</span>}
    </span>
  )
}

function SkeletonRow() {
  return (
    <tr className="skeleton-row" aria-hidden="true">
      {Array.from({ length: 7 }, (_, i) => (
        <td key={i}>
          <span className="skeleton-bar" />
        </td>
      ))}
    </tr>
  )
}
