import { numberTypes, phoneNumberStatuses, providers } from '@/types/api-values'
import type { Agent, Me, PhoneNumber, PhoneNumberList } from '@/types/api'

/**
 * The first paint's checks of the early answers, by hand: zod loads with the app, after the first
 * paint. Each answer is taken only when every field the first screen shows has the type API.md
 * gives it; anything else paints nothing, and the app, validating the same answer with zod, shows
 * the error.
 */

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const isString = (value: unknown): value is string => typeof value === 'string'
const isStringOrNull = (value: unknown) => value === null || isString(value)
const isWholeNumber = (value: unknown): value is number => Number.isSafeInteger(value)
const isOneOf = (values: readonly string[], value: unknown) => isString(value) && values.includes(value)

export function meFrom(json: unknown): Me | null {
  if (!isObject(json) || !isObject(json.workspace)) return null
  const { workspace, key_name, scopes } = json
  const valid =
    isString(workspace.id) &&
    isString(workspace.name) &&
    isString(key_name) &&
    Array.isArray(scopes) &&
    scopes.every(isString)
  return valid ? (json as unknown as Me) : null
}

export function numberPageFrom(json: unknown): PhoneNumberList | null {
  if (!isObject(json) || !Array.isArray(json.data)) return null
  const valid =
    isWholeNumber(json.page) && isWholeNumber(json.limit) && isWholeNumber(json.total) && json.data.every(isNumber)
  return valid ? (json as unknown as PhoneNumberList) : null
}

function isNumber(row: unknown): row is PhoneNumber {
  if (!isObject(row)) return false
  const canary = row.inbound_canary
  return (
    isString(row.id) &&
    isString(row.phone_number) &&
    isStringOrNull(row.nickname) &&
    isStringOrNull(row.label) &&
    isOneOf(phoneNumberStatuses, row.status) &&
    isOneOf(providers, row.provider) &&
    isString(row.country_code) &&
    isOneOf(numberTypes, row.number_type) &&
    isStringOrNull(row.inbound_agent_version_id) &&
    isStringOrNull(row.outbound_agent_version_id) &&
    (canary === null || (isObject(canary) && isString(canary.agent_version_id) && isWholeNumber(canary.percent))) &&
    isStringOrNull(row.import_error) &&
    isString(row.created_at)
  )
}

export function agentsFrom(json: unknown): Agent[] | null {
  if (!isObject(json) || !Array.isArray(json.data)) return null
  return json.data.every(isAgent) ? json.data : null
}

function isAgent(agent: unknown): agent is Agent {
  return (
    isObject(agent) &&
    isString(agent.id) &&
    isString(agent.name) &&
    isStringOrNull(agent.archived_at) &&
    Array.isArray(agent.versions) &&
    agent.versions.every(
      (version: unknown) =>
        isObject(version) &&
        isString(version.id) &&
        isString(version.agent_id) &&
        isWholeNumber(version.version) &&
        typeof version.published === 'boolean',
    )
  )
}
