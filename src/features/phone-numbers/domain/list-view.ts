import { z } from 'zod'
import { searchForServer } from '@/features/phone-numbers/domain/search-query'
import {
  DEFAULT_PAGE_SIZE,
  phoneNumberStatuses,
  sortFields,
  sortOrders,
  type ListPhoneNumbersParams,
} from '@/types/api'

/**
 * What the numbers table shows (search, filters, sort, page), as it lives in the URL query string.
 * Parsing never fails: a value that is not valid falls back to its default, so any link opens.
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

const fieldSchemas = {
  search: z
    .string()
    .transform((text) => text.trim().slice(0, SEARCH_MAX_LENGTH))
    .catch(DEFAULT_LIST_VIEW.search),
  status: z.enum(phoneNumberStatuses).nullable().catch(null),
  agentId: z
    .string()
    .regex(/^[\w-]{1,100}$/)
    .nullable()
    .catch(null),
  sort: z.enum(sortFields).catch(DEFAULT_LIST_VIEW.sort),
  order: z.enum(sortOrders).catch(DEFAULT_LIST_VIEW.order),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(DEFAULT_LIST_VIEW.page),
  limit: z.coerce
    .number()
    .refine((n) => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(DEFAULT_LIST_VIEW.limit),
}

export function parseListView(search: string): ListView {
  const params = new URLSearchParams(search)
  const read = (key: keyof typeof PARAM) => params.get(PARAM[key]) ?? undefined
  return {
    search: fieldSchemas.search.parse(read('search') ?? ''),
    status: fieldSchemas.status.parse(read('status') ?? null),
    agentId: fieldSchemas.agentId.parse(read('agentId') ?? null),
    sort: fieldSchemas.sort.parse(read('sort')),
    order: fieldSchemas.order.parse(read('order')),
    page: fieldSchemas.page.parse(read('page')),
    limit: fieldSchemas.limit.parse(read('limit')),
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

/** What the server is asked for the view; `countries` read a number typed in a national format (search-query.ts). */
export function listParams(view: ListView, countries: readonly string[] = []): ListPhoneNumbersParams {
  return {
    page: view.page,
    limit: view.limit,
    sort: view.sort,
    order: view.order,
    ...(view.search ? { search: searchForServer(view.search, countries) } : {}),
    ...(view.status ? { status: view.status } : {}),
    ...(view.agentId ? { agent_id: view.agentId } : {}),
  }
}
