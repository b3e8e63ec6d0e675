import { validationFailed } from '@/mocks/api-failure'
import {
  DEFAULT_PAGE_SIZE,
  EMPTY_SLOT,
  MAX_IDS_PER_LIST,
  MAX_PAGE_SIZE,
  phoneNumberStatuses,
  sortFields,
  sortOrders,
  type PhoneNumberStatus,
  type SortField,
  type SortOrder,
} from '@/types/api'

/**
 * The query strings of the two lists (numbers and events) as typed requests, or the 400 that
 * API.md prescribes for each malformed parameter. The Workspace's rules see only valid input.
 */

export interface Paging {
  page: number
  limit: number
}

/** A slot filter: a version id, or null for "the slot is empty" (`none`). */
type SlotFilter = string | null | undefined

export interface ListQuery extends Paging {
  status: PhoneNumberStatus | undefined
  sort: SortField
  order: SortOrder
  search: string
  agentId: string
  inboundVersionId: SlotFilter
  outboundVersionId: SlotFilter
  canary: boolean | undefined
  importError: boolean | undefined
  /** Distinct ids, at most MAX_IDS_PER_LIST, or undefined for no `ids` filter. */
  ids: string[] | undefined
}

export function parseListQuery(query: URLSearchParams): ListQuery {
  return {
    ...parsePaging(query),
    status: parseEnumParam(query, 'status', phoneNumberStatuses),
    sort: parseEnumParam(query, 'sort', sortFields) ?? 'created_at',
    order: parseEnumParam(query, 'order', sortOrders) ?? 'asc',
    search: query.get('search')?.trim() ?? '',
    agentId: query.get('agent_id') ?? '',
    // An empty value counts as absent (API.md), for every parameter.
    inboundVersionId: parseSlotFilter(query, 'inbound_version_id'),
    outboundVersionId: parseSlotFilter(query, 'outbound_version_id'),
    canary: parseBooleanParam(query, 'canary'),
    importError: parseBooleanParam(query, 'import_error'),
    ids: parseIds(query),
  }
}

export function parsePaging(query: URLSearchParams): Paging {
  return {
    page: parseIntegerParam(query, 'page', 1, 1, Number.MAX_SAFE_INTEGER),
    limit: parseIntegerParam(query, 'limit', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
  }
}

/** A parameter's value, with an empty one counting as absent. */
export function nonEmptyParam(query: URLSearchParams, name: string): string | undefined {
  const raw = query.get(name)
  return raw === null || raw === '' ? undefined : raw
}

function parseSlotFilter(query: URLSearchParams, name: string): SlotFilter {
  const raw = nonEmptyParam(query, name)
  return raw === EMPTY_SLOT ? null : raw
}

function parseBooleanParam(query: URLSearchParams, name: string): boolean | undefined {
  const raw = nonEmptyParam(query, name)
  if (raw === undefined) return undefined
  if (raw !== 'true' && raw !== 'false') {
    throw validationFailed(`${name} must be true or false.`, [{ field: name, message: 'must be true or false' }])
  }
  return raw === 'true'
}

function parseIds(query: URLSearchParams): string[] | undefined {
  const raw = nonEmptyParam(query, 'ids')
  if (raw === undefined) return undefined
  const ids = raw.split(',').filter((id) => id !== '')
  if (ids.length > MAX_IDS_PER_LIST) {
    throw validationFailed(`ids names at most ${MAX_IDS_PER_LIST} numbers (got ${ids.length}).`, [
      { field: 'ids', message: `at most ${MAX_IDS_PER_LIST} ids` },
    ])
  }
  return [...new Set(ids)]
}

function parseIntegerParam(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = nonEmptyParam(query, name)
  if (raw === undefined) return fallback
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range =
      max === Number.MAX_SAFE_INTEGER ? `a whole number of at least ${min}` : `a whole number from ${min} to ${max}`
    throw validationFailed(`${name} must be ${range}.`, [{ field: name, message: `must be ${range}` }])
  }
  return value
}

function parseEnumParam<T extends string>(query: URLSearchParams, name: string, allowed: readonly T[]): T | undefined {
  const raw = nonEmptyParam(query, name)
  if (raw === undefined) return undefined
  if (!(allowed as readonly string[]).includes(raw)) {
    throw validationFailed(`${name} must be one of ${allowed.join(', ')}.`, [
      { field: name, message: `must be one of ${allowed.join(', ')}` },
    ])
  }
  return raw as T
}
