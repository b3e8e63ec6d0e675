import { validationFailed } from '@/mocks/api-failure'
import { isPlainObject, rejectUnknownFields } from '@/mocks/workspace/body-fields'
import { withCanaryFollowing, type NumberUpdate } from '@/mocks/workspace/publish-plan'
import { parsePatchRequest } from '@/mocks/workspace/request-parsing'
import { eventFields, MAX_CANARY_PERCENT, MIN_CANARY_PERCENT, type PhoneNumber } from '@/types/api'

/**
 * "Another admin" changes a number behind the page's back (fault injection, test hooks, the test
 * server's control API): any field an event can name, in one write, without the API's scopes or
 * publishing rules (a draft may land in a slot, as the page's tests need), but keeping what must
 * always hold: slot and canary versions exist, the canary follows its slot and never equals it.
 */

/** The key name that "another admin" writes as: the actor of its events. */
export const ANOTHER_ADMIN = 'another-admin'

const FIELDS = eventFields

/** The update these changes make to `number`, or 400. */
export function anotherAdminUpdate(
  number: PhoneNumber,
  changes: unknown,
  versionExists: (versionId: string) => boolean,
): NumberUpdate {
  if (!isPlainObject(changes)) throw validationFailed('changes must be an object of field → new value.')
  rejectUnknownFields(changes, FIELDS)
  const { nickname, label, inbound_webhook_url } = changes
  const text = parsePatchRequest(
    Object.fromEntries(Object.entries({ nickname, label, inbound_webhook_url }).filter(([, v]) => v !== undefined)),
  ).update
  const update: NumberUpdate = { ...text }
  for (const slot of ['inbound_agent_version_id', 'outbound_agent_version_id'] as const) {
    if (!(slot in changes)) continue
    const value = changes[slot]
    if (value !== null && (typeof value !== 'string' || !versionExists(value))) {
      throw validationFailed(`${slot} must be null or a version of this workspace.`, [
        { field: slot, message: 'no such version' },
      ])
    }
    update[slot] = value
  }
  if (!('inbound_canary' in changes)) return withCanaryFollowing(number, update)

  const canary = changes.inbound_canary
  if (canary !== null) {
    const { agent_version_id: versionId, percent } = isPlainObject(canary) ? canary : {}
    const inbound =
      update.inbound_agent_version_id === undefined ? number.inbound_agent_version_id : update.inbound_agent_version_id
    const valid =
      typeof versionId === 'string' &&
      versionExists(versionId) &&
      Number.isInteger(percent) &&
      (percent as number) >= MIN_CANARY_PERCENT &&
      (percent as number) <= MAX_CANARY_PERCENT &&
      inbound !== null &&
      inbound !== versionId
    if (!valid) {
      throw validationFailed(
        'inbound_canary must be null, or a version other than the inbound one, beside one, with a percent from 1 to 99.',
        [{ field: 'inbound_canary', message: 'not a canary this number can have' }],
      )
    }
    update.inbound_canary = { agent_version_id: versionId, percent: percent as number }
  } else {
    update.inbound_canary = null
  }
  return update
}
