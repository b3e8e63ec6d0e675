import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { normalizeText, type DesiredNumberState } from '@/features/phone-numbers/domain/desired-state'
import type { PlannedCall } from '@/features/phone-numbers/domain/plan-save'
import { SLOT_FIELD, slotsOf, type Side } from '@/features/phone-numbers/domain/sides'
import type { PhoneNumber } from '@/types/api'

export type SaveField = Side | 'nickname' | 'label'

/**
 * Whether the number, as the server now holds it, shows the effect of one call. Used after an
 * ambiguous failure (a 5xx or a lost answer) to tell the user whether the change was applied.
 */
export function callTookEffect(call: PlannedCall, number: PhoneNumber, catalog: AgentCatalog): boolean {
  if (call.kind === 'patch') {
    return Object.entries(call.body).every(([field, value]) => number[field as 'nickname' | 'label'] === value)
  }
  return slotsOf(call.direction).every((side) => {
    const held = number[SLOT_FIELD[side]]
    if (call.kind === 'deploy') return held === call.versionId
    return held === null || catalog.versionById.get(held)?.agent.id !== call.agentId
  })
}

/** The fields where the number differs from what the user chose (someone else changed it, or a call failed). */
export function differencesFromDesired(number: PhoneNumber, desired: DesiredNumberState): SaveField[] {
  const fields: SaveField[] = []
  if (number.inbound_agent_version_id !== desired.inbound) fields.push('inbound')
  if (number.outbound_agent_version_id !== desired.outbound) fields.push('outbound')
  if (number.nickname !== normalizeText(desired.nickname)) fields.push('nickname')
  if (number.label !== normalizeText(desired.label)) fields.push('label')
  return fields
}
