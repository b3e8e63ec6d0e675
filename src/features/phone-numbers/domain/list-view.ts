import type { ListPhoneNumbersParams } from '@/types/api'
import { DEFAULT_PAGE_SIZE, phoneNumberStatuses, sortFields, sortOrders } from '@/types/api-values'

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
  sort: (typeof sortFields)[number]
  order: (typeof sortOrders)[number]
  page: number
  limit: number
}

export const DEFAULT_LIST_VIEW: ListView = {
  search: '',
  status: null,
  agentId: null,
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
  sort: 'sort',
  order: 'order',
  page: 'page',
  limit: 'limit',
} as const

function oneOf<T extends string>(values: readonly T[], raw: string | undefined): T | undefined {
  return (values as readonly string[]).includes(raw ?? '') ? (raw as T) : undefined
}

/** A whole number in [min, max] written in the URL (`3`, not `3.5` or `abc`), or undefined. */
function integerIn(raw: string | undefined, min: number, max: number): number | undefined {
  const n = Number(raw)
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined
}

const AGENT_ID = /^[\w-]{1,100}$/

export function parseListView(search: string): ListView {
  const params = new URLSearchParams(search)
  const read = (key: keyof typeof PARAM) => params.get(PARAM[key]) ?? undefined
  const query = read('search') ?? ''
  const agentId = read('agentId')
  const limit = Number(read('limit'))
  return {
    // Cut, not dropped: an empty search would show every number under a filter the box still shows.
    search: query.trim().slice(0, SEARCH_MAX_LENGTH),
    status: oneOf(phoneNumberStatuses, read('status')) ?? null,
    agentId: agentId !== undefined && AGENT_ID.test(agentId) ? agentId : null,
    sort: oneOf(sortFields, read('sort')) ?? DEFAULT_LIST_VIEW.sort,
    order: oneOf(sortOrders, read('order')) ?? DEFAULT_LIST_VIEW.order,
    page: integerIn(read('page'), 1, 1_000_000) ?? DEFAULT_LIST_VIEW.page,
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_LIST_VIEW.limit,
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
  }
}
