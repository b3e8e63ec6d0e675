import { createSeedRecords } from '@/mocks/seed'
import type { PhoneNumber, PhoneNumberList } from '@/types/api'

/** Fixtures of the reconcile tests (domain/reconcile and api/reconcile-cache): seeded rows and two saved versions of them. */

/** Frozen fixtures: any in-place change by the code under test throws. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze)
    Object.freeze(value)
  }
  return value
}

export const frozenSeed = deepFreeze(createSeedRecords())
export const seedNumbers = frozenSeed.numbers

/** A frozen list answer of these rows (as page `page` of 5 per page, 40 in all). */
export const listOf = (rows: PhoneNumber[], page = 1): PhoneNumberList =>
  deepFreeze({ data: rows, page, limit: 5, total: 40 })

/** Seed row 1, saved with a new nickname. */
export const renamed: PhoneNumber = { ...seedNumbers[1]!, nickname: 'Renamed', updated_at: '2025-01-01T00:00:00.000Z' }
/** Seed row 7, saved with another inbound version. */
export const rerouted: PhoneNumber = { ...seedNumbers[7]!, inbound_agent_version_id: 'agv_reminders_3' }
