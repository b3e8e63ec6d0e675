import type { ListPhoneNumbersParams } from '@/types/api'
import { DEFAULT_PAGE_SIZE, firstCharacters, phoneNumberStatuses, sortFields, sortOrders } from '@/types/api-values'

/**
 * What the numbers table shows (search, filters, sort, page), as it lives in the URL query string.
 * Parsing never fails: a value that is not valid falls back to its default, so any link opens.
 * Plain code, no zod: the boot script (src/main.tsx) derives the first list request from it before
 * zod has loaded.
 */

export const PAGE_SIZES = [25, 50, 100, 200] as const

/** The longest search sent: longer text is cut here, visibly (the box and the URL show what is searched). */
export const SEARCH_MAX_LENGTH = 200

export interface ListView {
  search: string
  status: (typeof phoneNumberStatuses)[number] | null
  agentId: string | null
  /** A version id, or EMPTY_SLOT (`none`) for numbers whose inbound slot is empty. */
  inboundVersionId: string | null
  outboundVersionId: string | null
  /** Only numbers with an inbound canary (false: no filter, as the API's `canary=false` is not offered). */
  canary: boolean
  /** Only numbers whose import failed. */
  importError: boolean
  sort: (typeof sortFields)[number]
  order: (typeof sortOrders)[number]
  page: number
  limit: number
}

/** The filters a user sets (everything but sort, order and paging): what `Clear search and filters` clears. */
export const NO_FILTERS = {
  search: '',
  status: null,
  agentId: null,
  inboundVersionId: null,
  outboundVersionId: null,
  canary: false,
  importError: false,
} as const satisfies Partial<ListView>

export const DEFAULT_LIST_VIEW: ListView = {
  ...NO_FILTERS,
  sort: 'created_at',
  order: 'asc',
  page: 1,
  limit: DEFAULT_PAGE_SIZE,
}

/** Query-string names; other parameters in the URL (the demo's `numbers`, `latency`) are left alone. */
const PARAM = {
  search: 'q',
  status: 'status',
  agentId: 'agent',
  inboundVersionId: 'inbound',
  outboundVersionId: 'outbound',
  canary: 'canary',
  importError: 'import_error',
  sort: 'sort',
  order: 'order',
  page: 'page',
  limit: 'limit',
} as const

function oneOf<T extends string>(values: readonly T[], raw: string | undefined): T | undefined {
  return (values as readonly string[]).includes(raw ?? '') ? (raw as T) : undefined
}

/** Digits only: `Number()` would also read `1e3`, `0x10`, ` 3` and `3.0` as whole numbers. */
const DIGITS = /^\d{1,9}$/

/** A whole number in [min, max] written in the URL in digits (`3`, not `3.5`, `1e3` or `abc`), or undefined. */
function integerIn(raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined || !DIGITS.test(raw)) return undefined
  const n = Number(raw)
  return n >= min && n <= max ? n : undefined
}

/** Agent and version ids (and `none`): anything else in the URL is not an id and is dropped. */
const ID = /^[\w-]{1,100}$/

function idOrNull(raw: string | undefined): string | null {
  return raw !== undefined && ID.test(raw) ? raw : null
}

export function parseListView(search: string): ListView {
  const params = new URLSearchParams(search)
  const read = (key: keyof typeof PARAM) => params.get(PARAM[key]) ?? undefined
  const query = read('search') ?? ''
  const limit = integerIn(read('limit'), 1, Number.MAX_SAFE_INTEGER)
  return {
    // Cut, not dropped: an empty search would show every number under a filter the box still shows.
    search: firstCharacters(query.trim(), SEARCH_MAX_LENGTH),
    status: oneOf(phoneNumberStatuses, read('status')) ?? null,
    agentId: idOrNull(read('agentId')),
    inboundVersionId: idOrNull(read('inboundVersionId')),
    outboundVersionId: idOrNull(read('outboundVersionId')),
    // Only `true` turns a checkbox filter on; `false` is its default and `maybe` is corrected to it.
    canary: read('canary') === 'true',
    importError: read('importError') === 'true',
    sort: oneOf(sortFields, read('sort')) ?? DEFAULT_LIST_VIEW.sort,
    order: oneOf(sortOrders, read('order')) ?? DEFAULT_LIST_VIEW.order,
    page: integerIn(read('page'), 1, 1_000_000) ?? DEFAULT_LIST_VIEW.page,
    limit: limit !== undefined && (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_LIST_VIEW.limit,
  }
}

/** Writes the view into an existing query string, omitting defaults so links stay short. */
export function serializeListView(view: ListView, existing: string): string {
  const params = new URLSearchParams(existing)
  for (const key of Object.keys(PARAM) as (keyof ListView)[]) {
    const value = view[key]
    if (value === null || value === DEFAULT_LIST_VIEW[key]) params.delete(PARAM[key])
    else params.set(PARAM[key], String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

export function listParams(view: ListView): ListPhoneNumbersParams {
  return {
    page: view.page,
    limit: view.limit,
    sort: view.sort,
    order: view.order,
    ...(view.search ? { search: view.search } : {}),
    ...(view.status ? { status: view.status } : {}),
    ...(view.agentId ? { agent_id: view.agentId } : {}),
    ...(view.inboundVersionId ? { inbound_version_id: view.inboundVersionId } : {}),
    ...(view.outboundVersionId ? { outbound_version_id: view.outboundVersionId } : {}),
    ...(view.canary ? { canary: true } : {}),
    ...(view.importError ? { import_error: true } : {}),
  }
}

/** Whether any search or filter narrows the view (an empty answer then means "no match", not "no numbers"). */
export function isFiltered(view: ListView): boolean {
  return (Object.keys(NO_FILTERS) as (keyof typeof NO_FILTERS)[]).some((key) => view[key] !== NO_FILTERS[key])
}
