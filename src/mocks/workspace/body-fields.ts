import { validationFailed } from '@/mocks/api-failure'
import type { PhoneNumber } from '@/types/api'

/** Shared checks of JSON request bodies. */

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** PhoneNumber's fields that no request body may set (API.md: "an unknown or read-only field … whatever its value"). */
const READ_ONLY_FIELDS = new Set<string>([
  'id',
  'phone_number',
  'status',
  'provider',
  'country_code',
  'number_type',
  'inbound_agent_version_id',
  'outbound_agent_version_id',
  'inbound_canary',
  'import_error',
  'created_at',
  'updated_at',
] satisfies (keyof PhoneNumber)[])

/** Throws 400 naming every field of `body` not in `allowed`, each as read-only or unknown. */
export function rejectUnknownFields(body: Record<string, unknown>, allowed: readonly string[]): void {
  const rejected = Object.keys(body).filter((field) => !allowed.includes(field))
  if (rejected.length === 0) return
  const what = (field: string) => (READ_ONLY_FIELDS.has(field) ? 'read-only field' : 'unknown field')
  throw validationFailed(
    `Not accepted here: ${rejected.map((field) => `${field} (${what(field)})`).join(', ')}.`,
    rejected.map((field) => ({ field, message: what(field) })),
  )
}
