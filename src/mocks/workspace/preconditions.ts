import { preconditionFailed, validationFailed } from '@/mocks/api-failure'
import type { PhoneNumber } from '@/types/api'

/**
 * `expected_updated_at` (API.md): the `updated_at` a client last saw of a number. A write that
 * names one for a number whose `updated_at` differs now is refused with 409 precondition_failed,
 * and changes nothing.
 */

export const EXPECTED_UPDATED_AT = 'expected_updated_at'

/**
 * One expected time as sent (a body field, or the DELETE's query parameter): absent (undefined, or
 * an empty query value) means no precondition; anything else must be a date-time string, else 400.
 * Returns the instant in epoch milliseconds, so that equal times written differently still match.
 */
export function parseExpectedTime(value: unknown, field = EXPECTED_UPDATED_AT): number | undefined {
  if (value === undefined) return undefined
  const time = typeof value === 'string' && ISO_DATE_TIME.test(value) ? Date.parse(value) : NaN
  if (Number.isNaN(time)) {
    throw validationFailed(`${field} must be the updated_at of the number, an ISO-8601 date-time string.`, [
      { field, message: 'must be an ISO-8601 date-time string' },
    ])
  }
  return time
}

/**
 * A publish call's `expected_updated_at`: an object of E.164 number → time. Every entry must name a
 * number in one of the call's lists (`named`), else 400.
 */
export function parsePublishPreconditions(value: unknown, named: ReadonlySet<string>): Map<string, number> {
  const expected = new Map<string, number>()
  if (value === undefined) return expected
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw validationFailed(`${EXPECTED_UPDATED_AT} must be an object of E.164 number → updated_at.`, [
      { field: EXPECTED_UPDATED_AT, message: 'must be an object of E.164 number → updated_at' },
    ])
  }
  const stray = Object.keys(value).filter((e164) => !named.has(e164))
  if (stray.length > 0) {
    throw validationFailed(
      `${EXPECTED_UPDATED_AT} names numbers that are in neither list: ${stray.join(', ')}.`,
      stray.map((e164) => ({ field: `${EXPECTED_UPDATED_AT}.${e164}`, message: 'in neither list' })),
    )
  }
  for (const [e164, time] of Object.entries(value)) {
    expected.set(e164, parseExpectedTime(time, `${EXPECTED_UPDATED_AT}.${e164}`)!)
  }
  return expected
}

/** Throws 409 naming every number whose `updated_at` is not the expected one. */
export function requireUnchanged(checks: { number: PhoneNumber; expected: number | undefined }[]): void {
  const changed = checks
    .filter(({ number, expected }) => expected !== undefined && Date.parse(number.updated_at) !== expected)
    .map(({ number }) => number)
  if (changed.length === 0) return
  throw preconditionFailed(
    `Changed since you read ${changed.length === 1 ? 'it' : 'them'}: ${changed.map((n) => `${n.phone_number} (updated at ${n.updated_at})`).join(', ')}.`,
    changed.map((n) => ({ field: n.phone_number, message: `updated at ${n.updated_at}` })),
  )
}

// Date.parse alone would take "2024" or "May 11, 2024"; an updated_at is always a full date and time.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/
