import { canaryFollowingSlot, sameCanary } from '@/mocks/workspace/canary'
import type { SlotField } from '@/mocks/workspace/number-source'
import type { Direction, NumberChange, PhoneNumber } from '@/types/api'

/**
 * Steps 2 to 4 of the publish endpoint (API.md) for one number: what its slots and canary become.
 * Pure: the Workspace reads the number, asks for the update, and writes it (or nothing, when the
 * number ends as it was).
 */

export type NumberUpdate = NumberChange

export function slotsFor(direction: Direction): SlotField[] {
  if (direction === 'inbound') return ['inbound_agent_version_id']
  if (direction === 'outbound') return ['outbound_agent_version_id']
  return ['inbound_agent_version_id', 'outbound_agent_version_id']
}

/** Step 2: the named slots take `versionId`. */
export function deployUpdate(number: PhoneNumber, versionId: string, direction: Direction): NumberUpdate {
  const update: NumberUpdate = {}
  for (const slot of slotsFor(direction)) if (number[slot] !== versionId) update[slot] = versionId
  return withCanaryFollowing(number, update)
}

/** Step 3: the named slots are cleared where they hold a version of the agent (`ofAgent`). */
export function unassignUpdate(
  number: PhoneNumber,
  ofAgent: (versionId: string) => boolean,
  direction: Direction,
): NumberUpdate {
  const update: NumberUpdate = {}
  for (const slot of slotsFor(direction)) {
    const held = number[slot]
    if (held !== null && ofAgent(held)) update[slot] = null
  }
  return withCanaryFollowing(number, update)
}

/** Step 4: when the inbound slot changes, the canary follows it (promoted, removed, or kept). */
export function withCanaryFollowing(number: PhoneNumber, update: NumberUpdate): NumberUpdate {
  if (update.inbound_agent_version_id === undefined || 'inbound_canary' in update) return update
  const canary = canaryFollowingSlot(number.inbound_canary, update.inbound_agent_version_id)
  return sameCanary(canary, number.inbound_canary) ? update : { ...update, inbound_canary: canary }
}
