import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { normalizeText, normalizeUrl, type DesiredNumberState } from '@/features/phone-numbers/domain/desired-state'
import { planErrorMessages, validationMessages } from '@/features/phone-numbers/domain/save-messages'
import type { NumberField } from '@/features/phone-numbers/domain/number-fields'
import { fieldsChosen } from '@/features/phone-numbers/domain/save-outcome'
import { beforeTheWrite, fieldsStillAsAsked, type SavedChange } from '@/features/phone-numbers/domain/writes/plan-undo'
import {
  planWrites,
  type Refusal,
  type WantedFields,
  type WriteCall,
} from '@/features/phone-numbers/domain/writes/plan-writes'
import type { PhoneNumber } from '@/types/api'

/** The choice cannot be turned into API calls; thrown before any call is made, so nothing is half-applied. */
export class PlanError extends Error {
  override name = 'PlanError'
}

/**
 * The fewest calls that take `current` to `desired`, in the order the API needs them (PAGE.md): slot
 * calls (deploys, then unassigns), then a publish of a draft canary version, then the canary call,
 * then the PATCH. The rules are the shared planner's (domain/writes/plan-writes.ts), for one number.
 * Every field is asked for, and the planner sends only the difference: the canary is compared with
 * what the slot calls leave of it (a cleared inbound side takes it along, a deploy of its version
 * promotes it, another version keeps it). Each call is made conditional when it is sent
 * (writeRequest), on the `updated_at` of `current` and then of each answer.
 */
export function planSave(current: PhoneNumber, catalog: AgentCatalog, desired: DesiredNumberState): WriteCall[] {
  // A canary added without a version yet (the form says so beside its picker).
  if (desired.canary?.agent_version_id === '') throw new PlanError(validationMessages.canaryVersionRequired)
  const plan = planWrites([{ number: current, wanted: wantedBySave(desired) }], catalog)
  const refused = plan.refused[0]
  if (refused) throw new PlanError(refusalInWords(refused.refusal, desired, catalog))
  return plan.calls
}

/** Every field as a save asks for it: the user's choice, text as it is sent. */
function wantedBySave(desired: DesiredNumberState): WantedFields {
  return {
    inbound: desired.inbound,
    outbound: desired.outbound,
    canary: desired.canary,
    nickname: normalizeText(desired.nickname),
    label: normalizeText(desired.label),
    webhook: normalizeUrl(desired.webhook),
  }
}

/**
 * Of the fields the user changed, those the number the save left (`after`) no longer holds as chosen.
 * A save whose last answer was unclear, and was found applied, may find someone else's change to a
 * field it had set beside its own: that field is theirs now.
 */
export function chosenFieldsChangedSince(
  number: PhoneNumber,
  desired: DesiredNumberState,
  after: PhoneNumber,
): NumberField[] {
  return chosenFields(number, desired, after).changedSince
}

/**
 * What undoing a save puts back: the fields the user changed, as the save found them (`number`),
 * except those someone else has changed since (chosenFieldsChangedSince), which stay theirs.
 */
export function savedChange(number: PhoneNumber, desired: DesiredNumberState, after: PhoneNumber): SavedChange {
  return { before: beforeTheWrite(number, after, chosenFields(number, desired, after).stillChosen), after }
}

/** The fields the user changed, split by whether the number the save left still holds them as chosen. */
function chosenFields(number: PhoneNumber, desired: DesiredNumberState, after: PhoneNumber) {
  const held = new Set<NumberField>(fieldsStillAsAsked(wantedBySave(desired), after))
  const chosen = fieldsChosen(number, desired)
  return {
    stillChosen: chosen.filter((field) => held.has(field)),
    changedSince: chosen.filter((field) => !held.has(field)),
  }
}

function refusalInWords(refusal: Refusal, desired: DesiredNumberState, catalog: AgentCatalog): string {
  switch (refusal.kind) {
    case 'unknown-version':
      return planErrorMessages.unknownVersion(refusal.side)
    case 'cannot-clear-unknown':
      return planErrorMessages.cannotClearUnknown(refusal.side)
    case 'archived-agent':
      return planErrorMessages.archivedAgent(refusal.side, refusal.agentName)
    case 'canary-without-inbound':
      return planErrorMessages.canaryWithoutInbound
    case 'canary-equals-inbound':
      return planErrorMessages.canaryEqualsInbound(desired.canary!.agent_version_id, catalog)
  }
}
