import { attribute, el, markup, type Markup } from '@/app/first-paint/dom'
// NumbersTable's stylesheet, in the boot script's: the first rows are drawn styled (first-screen-page.ts).
import '@/features/phone-numbers/components/numbers-table.css'
import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import type { ListView } from '@/features/phone-numbers/domain/list-view'
import { numberRowView } from '@/features/phone-numbers/domain/number-row-view'
import type { SlotView } from '@/features/phone-numbers/domain/number-view'
import type { PhoneNumber, SortField } from '@/types/api'

/**
 * The numbers table as NumbersTable renders it with rows (components/numbers-table.tsx), drawn
 * before React: first-paint.test.tsx holds the two to the same markup.
 */
export function numbersTable(
  rows: PhoneNumber[],
  catalog: AgentCatalog | null,
  view: Pick<ListView, 'sort' | 'order'>,
  actionVerb: 'Edit' | 'View',
): HTMLElement {
  const sortable = (field: SortField, label: string, className: string) =>
    el(
      'th',
      {
        role: 'columnheader',
        scope: 'col',
        class: className,
        'aria-sort': view.sort === field && (view.order === 'asc' ? 'ascending' : 'descending'),
      },
      el(
        'button',
        { type: 'button', class: 'sort-button' },
        label,
        el('span', { class: 'sort-indicator', 'aria-hidden': 'true' }, arrowOf(view, field)),
      ),
    )
  const plain = (label: string, className: string) =>
    el('th', { role: 'columnheader', scope: 'col', class: className }, label)
  return el(
    'table',
    { role: 'table', class: 'numbers-table', 'aria-busy': 'false' },
    el('caption', { class: 'visually-hidden' }, 'Phone numbers'),
    el(
      'thead',
      { role: 'rowgroup' },
      el(
        'tr',
        { role: 'row' },
        el(
          'th',
          { role: 'columnheader', scope: 'col', class: 'col-select' },
          el('input', { type: 'checkbox', 'aria-label': 'Select all on this page' }),
        ),
        sortable('phone_number', 'Number', 'col-number'),
        sortable('nickname', 'Nickname', 'col-nickname'),
        plain('Inbound', 'col-inbound'),
        plain('Outbound', 'col-outbound'),
        plain('Status', 'col-status'),
        sortable('created_at', 'Created', 'col-created'),
        el(
          'th',
          { role: 'columnheader', scope: 'col', class: 'actions' },
          el('span', { class: 'visually-hidden' }, 'Actions'),
        ),
      ),
    ),
    rowGroup(rows.map((number) => numberRow(number, catalog, actionVerb))),
  )
}

/** The rows, parsed from one string of markup: far faster than building each cell's nodes. */
function rowGroup(rows: Markup[]): HTMLElement {
  const body = el('tbody', { role: 'rowgroup' })
  body.innerHTML = rows.map((row) => row.text).join('')
  return body
}

function arrowOf(view: Pick<ListView, 'sort' | 'order'>, field: SortField): string {
  return view.sort === field ? (view.order === 'asc' ? '▲' : '▼') : '↕'
}

function numberRow(number: PhoneNumber, catalog: AgentCatalog | null, actionVerb: 'Edit' | 'View'): Markup {
  const view = numberRowView(number, catalog)
  const nickname = number.nickname
    ? markup`<div class="clamped"${attribute('title', view.nicknameTitle)}><bdi>${number.nickname}</bdi></div>`
    : markup`<div class="muted">No nickname</div>`
  const label =
    number.label &&
    markup`<div class="muted small clamped"${attribute('title', view.labelTitle)}>Label: <bdi>${number.label}</bdi></div>`
  const status =
    number.import_error === null
      ? markup`<span class="status status-${number.status}">${number.status}</span>`
      : markup`<span class="status status-import-failed">Import failed</span><div class="small import-reason">${number.import_error}</div>`
  // One line per cell; `markup` drops the line breaks between tags.
  return markup`<tr role="row" aria-selected="false">
<td role="cell" class="col-select"><input type="checkbox" aria-label="Select ${view.name}"></td>
<td role="cell" class="col-number"><div class="number-main">${view.formattedNumber}</div><div class="muted small" title="${view.countryName}"><abbr title="${view.countryName}">${number.country_code}</abbr> · ${view.providerAndType}</div></td>
<td role="cell" class="col-nickname">${nickname}${label}</td>
<td role="cell" class="col-inbound">${slotCell(view.inbound, catalog === null, view.canary, view.canaryTitle)}</td>
<td role="cell" class="col-outbound">${slotCell(view.outbound, catalog === null, null, undefined)}</td>
<td role="cell" class="col-status">${status}</td>
<td role="cell" class="col-created muted small nowrap"><time datetime="${number.created_at}">${view.createdDay}</time></td>
<td role="cell" class="actions"><button type="button" class="button button-small" aria-label="${actionVerb} ${view.name}">${actionVerb}</button></td>
</tr>`
}

function slotCell(view: SlotView, loading: boolean, canary: string | null, canaryTitle: string | undefined): Markup {
  if (view.kind === 'empty') return markup`<span class="muted">None</span>`
  if (view.kind === 'unknown') {
    return loading
      ? markup`<span class="skeleton-text" aria-label="Loading agent">…</span>`
      : markup`<span class="muted" title="${view.versionId}">Unknown version</span>`
  }
  const canaryPart = canary && markup`<span${attribute('title', canaryTitle)}> ${canary}</span>`
  const archived = view.archived && markup`<span class="badge badge-archived">archived</span>`
  const newer =
    view.newerVersion !== null && markup`<span class="muted small"> · v${view.newerVersion} available</span>`
  return markup`<span class="slot"><span>${view.agentName} · v${view.version}${canaryPart}</span>${archived}${newer}</span>`
}
