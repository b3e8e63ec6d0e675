import { validationFailed } from '@/mocks/api-failure'
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  MAX_TEXT_LENGTH,
  directions,
  phoneNumberStatuses,
  sortFields,
  sortOrders,
  type Direction,
  type PhoneNumber,
  type PhoneNumberStatus,
  type SortField,
  type SortOrder,
} from '@/types/api'

/**
 * Turns query strings and request bodies into typed requests, or throws the 400 that API.md
 * prescribes for each malformed part. The Workspace's rules see only valid input.
 */

interface ListQuery {
  page: number
  limit: number
  status: PhoneNumberStatus | undefined
  sort: SortField
  order: SortOrder
  search: string
  agentId: string
}

export function parseListQuery(query: URLSearchParams): ListQuery {
  return {
    page: parseIntegerParam(query, 'page', 1, 1, Number.MAX_SAFE_INTEGER),
    limit: parseIntegerParam(query, 'limit', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
    status: parseEnumParam(query, 'status', phoneNumberStatuses),
    sort: parseEnumParam(query, 'sort', sortFields) ?? 'created_at',
    order: parseEnumParam(query, 'order', sortOrders) ?? 'asc',
    search: query.get('search')?.trim() ?? '',
    agentId: query.get('agent_id') ?? '',
  }
}

type TextUpdate = Partial<Pick<PhoneNumber, 'nickname' | 'label'>>

/** A PATCH body: only nickname and label, each a string (trimmed, '' meaning null) or null. */
export function parseTextUpdate(body: unknown): TextUpdate {
  if (!isPlainObject(body)) throw validationFailed('The request body must be a JSON object.')
  const unknown = Object.keys(body).filter((k) => k !== 'nickname' && k !== 'label')
  if (unknown.length > 0) {
    throw validationFailed(
      `Unknown field${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`,
      unknown.map((field) => ({ field, message: 'unknown field' })),
    )
  }
  const update: TextUpdate = {}
  for (const field of ['nickname', 'label'] as const) {
    if (!(field in body)) continue
    const value = body[field]
    if (value === null) {
      update[field] = null
      continue
    }
    if (typeof value !== 'string') {
      throw validationFailed(`${field} must be a string or null`, [{ field, message: 'must be a string or null' }])
    }
    const trimmed = value.trim()
    if (trimmed.length > MAX_TEXT_LENGTH) {
      throw validationFailed(`${field} must be at most ${MAX_TEXT_LENGTH} characters`, [
        { field, message: `at most ${MAX_TEXT_LENGTH} characters` },
      ])
    }
    update[field] = trimmed === '' ? null : trimmed
  }
  return update
}

interface PublishRequest {
  /** Absent: publish only. */
  deploy: string[] | undefined
  unassign: string[] | undefined
  direction: Direction
}

/** A publish body (absent or null means `{}`); the numbers are checked for shape here, for membership by the Workspace. */
export function parsePublishRequest(body: unknown): PublishRequest {
  const request = body === undefined || body === null ? {} : body
  if (!isPlainObject(request)) throw validationFailed('The request body must be a JSON object.')
  const deploy = parseNumberList(request, 'phone_numbers')
  const unassign = parseNumberList(request, 'unassign_phone_numbers')
  const direction = request.direction ?? 'inbound'
  if (typeof direction !== 'string' || !(directions as readonly string[]).includes(direction)) {
    throw validationFailed(`Unknown direction ${JSON.stringify(direction)}: use inbound, outbound or both.`, [
      { field: 'direction', message: 'must be inbound, outbound or both' },
    ])
  }
  return { deploy, unassign, direction: direction as Direction }
}

/** Throws 400 naming every entry of `list` that is not an E.164 number. */
export function requireE164(list: string[], field: string): void {
  const invalid = list.filter((e164) => !E164.test(e164))
  if (invalid.length > 0) {
    throw validationFailed(
      `Not E.164: ${invalid.join(', ')}.`,
      invalid.map(() => ({ field, message: 'not an E.164 number' })),
    )
  }
}

const E164 = /^\+[1-9]\d{1,14}$/

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function parseNumberList(body: Record<string, unknown>, field: string): string[] | undefined {
  const value = body[field]
  if (value === undefined) return undefined
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw validationFailed(`${field} must be an array of E.164 strings.`, [
      { field, message: 'must be an array of strings' },
    ])
  }
  return value as string[]
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
