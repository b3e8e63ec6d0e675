import {
  E164_PATTERN,
  MAX_CANARY_PERCENT,
  MIN_CANARY_PERCENT,
  numberTypes,
  phoneNumberStatuses,
  providers,
} from '@/types/api-values'
import type { Agent, Me, PhoneNumber, PhoneNumberList } from '@/types/api'

/**
 * The first paint's checks of the early answers, by hand: zod loads with the app, after the first
 * paint. Each takes exactly what the app's schema (src/types/api.ts) takes, so the first paint
 * never draws an answer the app then refuses (answer-shapes.test.ts holds the two equal); anything
 * else paints nothing, and the app, validating the same answer with zod, shows the error.
 */

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const isString = (value: unknown): value is string => typeof value === 'string'
const isText = (value: unknown): value is string => isString(value) && value.length > 0
const isStringOrNull = (value: unknown) => value === null || isString(value)
const isWholeNumber = (value: unknown): value is number => Number.isSafeInteger(value)
const isOneOf = (values: readonly string[], value: unknown) => isString(value) && values.includes(value)
const isArrayOf = (value: unknown, isItem: (item: unknown) => boolean): value is unknown[] =>
  Array.isArray(value) && value.every(isItem)
/** The API's times: any non-empty string (the app shows one it cannot read as it came). */
const isTime = isText

export function meFrom(json: unknown): Me | null {
  if (!isObject(json) || !isObject(json.workspace)) return null
  const { workspace, key_name, scopes } = json
  const valid = isString(workspace.id) && isString(workspace.name) && isString(key_name) && isArrayOf(scopes, isString)
  return valid ? (json as unknown as Me) : null
}

export function numberPageFrom(json: unknown): PhoneNumberList | null {
  if (!isObject(json)) return null
  const { data, page, limit, total } = json
  const valid =
    isWholeNumber(page) &&
    page > 0 &&
    isWholeNumber(limit) &&
    limit > 0 &&
    isWholeNumber(total) &&
    total >= 0 &&
    isArrayOf(data, isNumber)
  return valid ? (json as unknown as PhoneNumberList) : null
}

function isNumber(row: unknown): row is PhoneNumber {
  if (!isObject(row)) return false
  return (
    isText(row.id) &&
    isString(row.phone_number) &&
    E164_PATTERN.test(row.phone_number) &&
    isStringOrNull(row.nickname) &&
    isStringOrNull(row.label) &&
    isOneOf(phoneNumberStatuses, row.status) &&
    isOneOf(providers, row.provider) &&
    isString(row.country_code) &&
    row.country_code.length === 2 &&
    isOneOf(numberTypes, row.number_type) &&
    isStringOrNull(row.inbound_agent_version_id) &&
    isStringOrNull(row.outbound_agent_version_id) &&
    (row.inbound_canary === null || isCanary(row.inbound_canary)) &&
    isStringOrNull(row.inbound_webhook_url) &&
    isStringOrNull(row.import_error) &&
    isTime(row.created_at) &&
    isTime(row.updated_at)
  )
}

function isCanary(canary: unknown): boolean {
  return (
    isObject(canary) &&
    isText(canary.agent_version_id) &&
    isWholeNumber(canary.percent) &&
    canary.percent >= MIN_CANARY_PERCENT &&
    canary.percent <= MAX_CANARY_PERCENT
  )
}

export function agentsFrom(json: unknown): Agent[] | null {
  if (!isObject(json)) return null
  return isArrayOf(json.data, isAgent) ? (json.data as Agent[]) : null
}

function isAgent(agent: unknown): boolean {
  return (
    isObject(agent) &&
    isText(agent.id) &&
    isString(agent.name) &&
    (agent.archived_at === null || isTime(agent.archived_at)) &&
    isTime(agent.created_at) &&
    isTime(agent.updated_at) &&
    isArrayOf(agent.versions, isVersion)
  )
}

function isVersion(version: unknown): boolean {
  return (
    isObject(version) &&
    isText(version.id) &&
    isText(version.agent_id) &&
    isWholeNumber(version.version) &&
    version.version > 0 &&
    typeof version.published === 'boolean' &&
    (version.description === undefined || isStringOrNull(version.description)) &&
    isTime(version.created_at)
  )
}
