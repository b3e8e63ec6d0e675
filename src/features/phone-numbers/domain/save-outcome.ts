import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import {
  normalizeText,
  normalizeUrl,
  sameText,
  type DesiredNumberState,
} from '@/features/phone-numbers/domain/desired-state'
import type { WriteCall } from '@/features/phone-numbers/domain/writes/plan-writes'
import { SLOT_FIELD, slotsOf } from '@/features/phone-numbers/domain/sides'
import { sameCanary } from '@/features/phone-numbers/domain/writes/canaries-and-drafts'
import { changedFields, sameField, type NumberField } from '@/features/phone-numbers/domain/number-fields'
import type { PhoneNumber } from '@/types/api'

/** The fields where the user's choice differs from the number: what their save still has to change. */
export function fieldsChosen(number: PhoneNumber, desired: DesiredNumberState): NumberField[] {
  const fields: NumberField[] = []
  if (number.inbound_agent_version_id !== desired.inbound) fields.push('inbound')
  if (number.outbound_agent_version_id !== desired.outbound) fields.push('outbound')
  if (!sameCanary(number.inbound_canary, desired.canary)) fields.push('canary')
  if (!sameText(number.nickname, normalizeText(desired.nickname))) fields.push('nickname')
  if (!sameText(number.label, normalizeText(desired.label))) fields.push('label')
  if (number.inbound_webhook_url !== normalizeUrl(desired.webhook)) fields.push('webhook')
  return fields
}

/**
 * The number after each call of a save, in order: every state the save's own answers can leave it in
 * (a deploy that promotes the canary before the call that sets a new one passes through "no canary").
 */
export function statesAlongSave(
  number: PhoneNumber,
  calls: readonly WriteCall[],
  catalog: AgentCatalog,
): PhoneNumber[] {
  const states: PhoneNumber[] = []
  let state = number
  for (const call of calls) {
    state = afterCall(call, state, catalog)
    states.push(state)
  }
  return states
}

/**
 * The number as API.md's rules leave it after the call (its `updated_at` aside): a deploy writes its
 * sides and promotes a canary of the version it writes inbound; an unassign clears the sides holding
 * the agent, and a cleared inbound side takes its canary with it; the canary calls set or remove it;
 * a PATCH sets the fields it names; a publish naming no numbers leaves the number as it was.
 */
export function afterCall(call: WriteCall, number: PhoneNumber, catalog: AgentCatalog): PhoneNumber {
  switch (call.kind) {
    case 'publish':
      return number
    case 'set-canary':
      return { ...number, inbound_canary: call.canary }
    case 'remove-canary':
      return { ...number, inbound_canary: null }
    case 'patch': {
      const { nickname, label, inbound_webhook_url: webhook } = call.fields
      return {
        ...number,
        ...(nickname !== undefined && { nickname: normalizeText(nickname ?? '') }),
        ...(label !== undefined && { label: normalizeText(label ?? '') }),
        ...(webhook !== undefined && { inbound_webhook_url: normalizeUrl(webhook ?? '') }),
      }
    }
  }
  const next = { ...number }
  for (const side of slotsOf(call.direction)) {
    const field = SLOT_FIELD[side]
    const held = number[field]
    if (call.kind === 'deploy') next[field] = call.versionId
    else if (held !== null && catalog.versionById.get(held)?.agent.id === call.agentId) next[field] = null
  }
  const canary = number.inbound_canary
  if (next.inbound_agent_version_id === null || canary?.agent_version_id === next.inbound_agent_version_id) {
    next.inbound_canary = null
  }
  return next
}

/** What a read of the number says about a call whose answer was unclear (lost, 5xx) or refused (409). */
export interface CallCheck {
  /** The number holds everything the call changes. */
  applied: boolean
  /** What else differs: from the number after the call when it applied, from the number before it otherwise. */
  changedBySomeoneElse: NumberField[]
}

/**
 * Compares the number read now with what the call expected (`before`) and would make of it. Only the
 * fields matter, not who wrote them: "applied" means the number holds what the user wanted.
 */
export function checkCall(call: WriteCall, before: PhoneNumber, now: PhoneNumber, catalog: AgentCatalog): CallCheck {
  const expected = afterCall(call, before, catalog)
  const targets = changedFields(before, expected)
  const applied = targets.length > 0 && targets.every((field) => sameField(field, expected, now))
  return { applied, changedBySomeoneElse: changedFields(applied ? expected : before, now) }
}

/** Who made a change, when and why (from the change history). */
export interface ChangeAuthor {
  /** The name of the key that made it. */
  actor: string
  at: string
  reason: string | null
}

/** A save that stopped at one call (api/save-phone-number.ts SaveError). */
export interface StoppedSave {
  applied: WriteCall[]
  failed: WriteCall
  notAttempted: WriteCall[]
  cause: unknown
  outcome: 'not_applied' | 'unknown' | 'conflict'
  /** The number as the save expected it when it stopped, and as read afterwards (null: not read). */
  expected: PhoneNumber
  current: PhoneNumber | null
  desired: DesiredNumberState
  /** For a conflict: who changed the number since, newest first; null or absent when unknown. */
  changedBy?: ChangeAuthor[] | null
}
