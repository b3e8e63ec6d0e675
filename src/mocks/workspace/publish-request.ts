import { validationFailed } from '@/mocks/api-failure'
import type { NumberRows } from '@/mocks/workspace/number-rows'
import { parsePublishPreconditions } from '@/mocks/workspace/preconditions'
import { parsePublishRequest, requireE164 } from '@/mocks/workspace/request-parsing'
import { MAX_NUMBERS_PER_PUBLISH, type Direction } from '@/types/api'

/**
 * A publish body resolved against the workspace's numbers, or the 400 for the request itself:
 * numbers that are not E.164 or not in the workspace, a number in both lists, more than
 * MAX_NUMBERS_PER_PUBLISH numbers, an expected_updated_at entry for a number in neither list.
 */
export function resolvePublishRequest(body: unknown, rows: NumberRows) {
  const { deploy, unassign, direction, expectedUpdatedAt } = parsePublishRequest(body)
  const total = (deploy?.length ?? 0) + (unassign?.length ?? 0)
  if (total > MAX_NUMBERS_PER_PUBLISH) {
    throw validationFailed(`At most ${MAX_NUMBERS_PER_PUBLISH} numbers in one call (got ${total}).`)
  }
  const deployTargets = resolveNumbers(rows, deploy ?? [], 'phone_numbers')
  const unassignTargets = resolveNumbers(rows, unassign ?? [], 'unassign_phone_numbers')
  const both = [...new Set(deploy)].filter((e164) => unassign?.includes(e164))
  if (both.length > 0) {
    throw validationFailed(`A number cannot be deployed and unassigned in one call: ${both.join(', ')}.`, [
      { field: 'unassign_phone_numbers', message: `also in phone_numbers: ${both.join(', ')}` },
    ])
  }
  const expected = parsePublishPreconditions(expectedUpdatedAt, new Set([...(deploy ?? []), ...(unassign ?? [])]))
  return {
    /** The list as sent; undefined for a call that deploys nothing (it may only publish or unassign). */
    deploy,
    deployTargets,
    unassignTargets,
    direction: direction satisfies Direction,
    /** E.164 → expected updated_at, in epoch milliseconds. */
    expected,
  }
}

/** Row indices of the numbers, deduplicated, or a 400 naming every entry that is not one of them. */
function resolveNumbers(rows: NumberRows, list: string[], field: string): number[] {
  requireE164(list, field)
  const indices = list.map((e164) => rows.indexOfPhoneNumber(e164))
  const unknown = list.filter((_, k) => indices[k] === undefined)
  if (unknown.length > 0) {
    throw validationFailed(
      `Not a number of this workspace: ${unknown.join(', ')}.`,
      unknown.map(() => ({ field, message: 'not in this workspace' })),
    )
  }
  return [...new Set(indices as number[])]
}
