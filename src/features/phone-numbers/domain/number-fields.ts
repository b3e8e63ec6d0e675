import { SLOT_FIELD } from '@/features/phone-numbers/domain/sides'
import { sameCanary } from '@/features/phone-numbers/domain/writes/canaries-and-drafts'
import type { JobNumber, WantedFields } from '@/features/phone-numbers/domain/writes/plan-writes'

/**
 * Where each field a write can change lives in a number's record. A field is one thing to the user:
 * a side (its agent and version together), the inbound canary (version and share), the nickname, the
 * label, the webhook URL. A write asks for them by these names (WantedFields).
 */
export const PROPERTY_OF = {
  ...SLOT_FIELD,
  canary: 'inbound_canary',
  nickname: 'nickname',
  label: 'label',
  webhook: 'inbound_webhook_url',
} as const satisfies Record<keyof WantedFields, keyof JobNumber>

/** A field of a number a write can change (the edit dialog changes all of them). */
export type NumberField = keyof typeof PROPERTY_OF

/** Every field, in the order the dialog shows them. */
export const NUMBER_FIELDS: readonly NumberField[] = ['inbound', 'outbound', 'canary', 'nickname', 'label', 'webhook']

/** Whether two states of a number hold the same in one of its record's properties (a canary: version and share). */
export function sameProperty(property: keyof JobNumber, a: JobNumber, b: JobNumber): boolean {
  return property === 'inbound_canary' ? sameCanary(a.inbound_canary, b.inbound_canary) : a[property] === b[property]
}

/** Whether two states of a number hold the same in this field. */
export function sameField(field: NumberField, a: JobNumber, b: JobNumber): boolean {
  return sameProperty(PROPERTY_OF[field], a, b)
}

/** The fields in which two states of a number differ, in the order the dialog shows them. */
export function changedFields(before: JobNumber, after: JobNumber): NumberField[] {
  return NUMBER_FIELDS.filter((field) => !sameField(field, before, after))
}
