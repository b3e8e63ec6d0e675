import { el } from '@/app/first-paint/dom'
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
    el('tbody', { role: 'rowgroup' }, ...rows.map((number) => numberRow(number, catalog, actionVerb))),
  )
}

function arrowOf(view: Pick<ListView, 'sort' | 'order'>, field: SortField): string {
  return view.sort === field ? (view.order === 'asc' ? '▲' : '▼') : '↕'
}

function numberRow(number: PhoneNumber, catalog: AgentCatalog | null, actionVerb: 'Edit' | 'View'): HTMLElement {
  const view = numberRowView(number, catalog)
  const cell = (className: string, ...children: (Node | string | null | false)[]) =>
    el('td', { role: 'cell', class: className }, ...children)
  return el(
    'tr',
    { role: 'row', 'aria-selected': 'false' },
    cell('col-select', el('input', { type: 'checkbox', 'aria-label': `Select ${view.name}` })),
    cell(
      'col-number',
      el('div', { class: 'number-main' }, view.formattedNumber),
      el(
        'div',
        { class: 'muted small', title: view.countryName },
        el('abbr', { title: view.countryName }, number.country_code),
        ` · ${view.providerAndType}`,
      ),
    ),
    cell(
      'col-nickname',
      number.nickname
        ? el('div', { class: 'clamped', title: view.nicknameTitle }, el('bdi', {}, number.nickname))
        : el('div', { class: 'muted' }, 'No nickname'),
      !!number.label &&
        el('div', { class: 'muted small clamped', title: view.labelTitle }, 'Label: ', el('bdi', {}, number.label)),
    ),
    cell('col-inbound', slotCell(view.inbound, catalog === null, view.canary, view.canaryTitle)),
    cell('col-outbound', slotCell(view.outbound, catalog === null, null, undefined)),
    cell(
      'col-status',
      ...(number.import_error === null
        ? [el('span', { class: `status status-${number.status}` }, number.status)]
        : [
            el('span', { class: 'status status-import-failed' }, 'Import failed'),
            el('div', { class: 'small import-reason' }, number.import_error),
          ]),
    ),
    cell('col-created muted small nowrap', el('time', { datetime: number.created_at }, view.createdDay)),
    cell(
      'actions',
      el(
        'button',
        { type: 'button', class: 'button button-small', 'aria-label': `${actionVerb} ${view.name}` },
        actionVerb,
      ),
    ),
  )
}

function slotCell(view: SlotView, loading: boolean, canary: string | null, canaryTitle: string | undefined) {
  if (view.kind === 'empty') return el('span', { class: 'muted' }, 'None')
  if (view.kind === 'unknown') {
    return loading
      ? el('span', { class: 'skeleton-text', 'aria-label': 'Loading agent' }, '…')
      : el('span', { class: 'muted', title: view.versionId }, 'Unknown version')
  }
  return el(
    'span',
    { class: 'slot' },
    el(
      'span',
      {},
      `${view.agentName} · v${view.version}`,
      !!canary && el('span', { title: canaryTitle }, ` ${canary}`),
    ),
    view.archived && el('span', { class: 'badge badge-archived' }, 'archived'),
    view.newerVersion !== null && el('span', { class: 'muted small' }, ` · v${view.newerVersion} available`),
  )
}
