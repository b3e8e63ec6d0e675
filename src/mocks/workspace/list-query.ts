import { validationFailed } from '@/mocks/api-failure'
import {
  DEFAULT_PAGE_SIZE,
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

export interface ListQuery extends Paging {
  status: PhoneNumberStatus | undefined
  sort: SortField
  order: SortOrder
  search: string
  agentId: string
}

export function parseListQuery(query: URLSearchParams): ListQuery {
  return {
    ...parsePaging(query),
    status: parseEnumParam(query, 'status', phoneNumberStatuses),
    sort: parseEnumParam(query, 'sort', sortFields) ?? 'created_at',
    order: parseEnumParam(query, 'order', sortOrders) ?? 'asc',
    search: query.get('search')?.trim() ?? '',
    agentId: query.get('agent_id') ?? '',
  }
}

export function parsePaging(query: URLSearchParams): Paging {
  return {
    page: parseIntegerParam(query, 'page', 1, 1, Number.MAX_SAFE_INTEGER),
    limit: parseIntegerParam(query, 'limit', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
  }
}

function parseIntegerParam(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = query.get(name)
  if (raw === null) return fallback
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range =
      max === Number.MAX_SAFE_INTEGER ? `a whole number of at least ${min}` : `a whole number from ${min} to ${max}`
    throw validationFailed(`${name} must be ${range}.`, [{ field: name, message: `must be ${range}` }])
  }
  return value
}

function parseEnumParam<T extends string>(query: URLSearchParams, name: string, allowed: readonly T[]): T | undefined {
  const raw = query.get(name)
  if (raw === null) return undefined
  if (!(allowed as readonly string[]).includes(raw)) {
    throw validationFailed(`${name} must be one of ${allowed.join(', ')}.`, [
      { field: name, message: `must be one of ${allowed.join(', ')}` },
    ])
  }
  return raw as T
}
