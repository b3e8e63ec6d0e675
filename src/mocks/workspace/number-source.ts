import type { InboundCanary, PhoneNumber, PhoneNumberStatus, SortField } from '@/types/api'

export type SlotField = 'inbound_agent_version_id' | 'outbound_agent_version_id'

/** Text for phone_number and nickname (lower case), epoch milliseconds for timestamps; null sorts last. */
export type SortKey = string | number | null

/**
 * The numbers a Workspace starts from, read one field at a time. A 100,000-number seed never has
 * to exist as 100,000 objects: list queries scan fields, and only the rows a response carries are
 * built as records. Rows the workspace changes are kept by the Workspace, not here.
 */
export interface NumberSource {
  readonly size: number
  /** A new record of row `index`. */
  record(index: number): PhoneNumber
  phoneNumber(index: number): string
  status(index: number): PhoneNumberStatus
  slot(index: number, field: SlotField): string | null
  /** The inbound canary (a new object on every call), or null. */
  canary(index: number): InboundCanary | null
  hasImportError(index: number): boolean
  sortKey(index: number, field: SortField): SortKey
  /** A test of whether a row's nickname or label contains `lowerText` (already lower case). */
  textMatcher(lowerText: string): (index: number) => boolean
  /** A test of whether a row's E.164 number contains `digits` (digits only). */
  digitsMatcher(digits: string): (index: number) => boolean
  indexOfId(id: string): number | undefined
  indexOfPhoneNumber(e164: string): number | undefined
  /** Builds what searches read ahead of the first one, a few milliseconds per step, if the source keeps anything for them. */
  prepareSearch?(): Iterable<void>
}

/** A source over plain records (tests, hand-made workspaces). */
export function recordSource(numbers: readonly PhoneNumber[]): NumberSource {
  const byId = new Map(numbers.map((n, i) => [n.id, i]))
  const byE164 = new Map(numbers.map((n, i) => [n.phone_number, i]))
  const at = (index: number) => numbers[index]!
  return {
    size: numbers.length,
    record: (index) => ({ ...at(index), inbound_canary: copyCanary(at(index).inbound_canary) }),
    phoneNumber: (index) => at(index).phone_number,
    status: (index) => at(index).status,
    slot: (index, field) => at(index)[field],
    canary: (index) => copyCanary(at(index).inbound_canary),
    hasImportError: (index) => at(index).import_error !== null,
    sortKey: (index, field) => sortKeyOf(at(index), field),
    textMatcher: (lowerText) => (index) => recordMatchesText(at(index), lowerText),
    digitsMatcher: (digits) => (index) => at(index).phone_number.includes(digits),
    indexOfId: (id) => byId.get(id),
    indexOfPhoneNumber: (e164) => byE164.get(e164),
  }
}

export function copyCanary(canary: InboundCanary | null): InboundCanary | null {
  return canary && { agent_version_id: canary.agent_version_id, percent: canary.percent }
}

export function sortKeyOf(n: PhoneNumber, field: SortField): SortKey {
  switch (field) {
    case 'phone_number':
      return n.phone_number
    case 'nickname':
      return n.nickname?.toLowerCase() ?? null
    case 'created_at':
      return Date.parse(n.created_at)
    case 'updated_at':
      return Date.parse(n.updated_at)
  }
}

export function recordMatchesText(n: Pick<PhoneNumber, 'nickname' | 'label'>, lowerText: string): boolean {
  return (
    (n.nickname !== null && n.nickname.toLowerCase().includes(lowerText)) ||
    (n.label !== null && n.label.toLowerCase().includes(lowerText))
  )
}

/** Every row as a record, in source order (tests, and the few callers that need them all). */
export function allRecords(source: NumberSource): PhoneNumber[] {
  return Array.from({ length: source.size }, (_, index) => source.record(index))
}
