import {
  copyCanary,
  recordMatchesText,
  recordSource,
  sortKeyOf,
  type NumberSource,
  type SlotField,
} from '@/mocks/workspace/number-source'
import { SlotIndex, type SlotValues } from '@/mocks/workspace/slot-index'
import { SortIndexes } from '@/mocks/workspace/sort-indexes'
import type { InboundCanary, PhoneNumber, SortField } from '@/types/api'

/**
 * The workspace's numbers as storage: the rows of a source (the computed seed, or plain records)
 * overlaid by the rows changed since, with the sort orders and search over both. No API rules
 * here: the Workspace decides what to write, this keeps it.
 */
export class NumberRows {
  private readonly source: NumberSource
  /** Rows changed since the workspace was built, by index: they win over the source, and are what persists. */
  private readonly changed = new Map<number, PhoneNumber>()
  /** Rows written since takeWrittenRecords last ran: what a browser tab must add to what it stores. */
  private readonly written = new Set<number>()
  private readonly sortIndexes: SortIndexes
  /** The columns list filters and usage counts read: built by the first request that needs them. */
  private slotIndex: SlotIndex | null = null

  constructor(numbers: PhoneNumber[] | NumberSource) {
    this.source = Array.isArray(numbers) ? recordSource(numbers.map(copy)) : numbers
    this.sortIndexes = new SortIndexes(this.source.size, (index, field) => {
      const changed = this.changed.get(index)
      return changed ? sortKeyOf(changed, field) : this.source.sortKey(index, field)
    })
  }

  get size(): number {
    return this.source.size
  }

  indexOfId(id: string): number | undefined {
    return this.source.indexOfId(id)
  }

  indexOfPhoneNumber(e164: string): number | undefined {
    return this.source.indexOfPhoneNumber(e164)
  }

  /** A change never touches a number's E.164 form: the source's holds. */
  phoneNumber(index: number): string {
    return this.source.phoneNumber(index)
  }

  /** A copy: callers may change it freely. */
  record(index: number): PhoneNumber {
    const changed = this.changed.get(index)
    return changed ? copy(changed) : this.source.record(index)
  }

  status(index: number): PhoneNumber['status'] {
    return this.changed.get(index)?.status ?? this.source.status(index)
  }

  slot(index: number, field: SlotField): string | null {
    const changed = this.changed.get(index)
    return changed ? changed[field] : this.source.slot(index, field)
  }

  canary(index: number): InboundCanary | null {
    const changed = this.changed.get(index)
    return changed ? copyCanary(changed.inbound_canary) : this.source.canary(index)
  }

  /** The columns of slots, canaries and import errors, kept up to date by writes. */
  slots(): SlotIndex {
    return (this.slotIndex ??= new SlotIndex(this.size, (index) => this.slotValues(index)))
  }

  /** Row indices ascending by `field`. */
  ascending(field: SortField): number[] {
    return this.sortIndexes.ascending(field)
  }

  /** Negative when row `a` comes before row `b` in ascending(field). */
  compare(field: SortField, a: number, b: number): number {
    return this.sortIndexes.compare(field, a, b)
  }

  write(index: number, update: Partial<PhoneNumber>, updatedAt: string): void {
    let number = this.changed.get(index)
    if (!number) {
      number = this.source.record(index)
      this.changed.set(index, number)
    }
    Object.assign(number, update, { updated_at: updatedAt })
    this.written.add(index)
    if (update.inbound_canary) number.inbound_canary = copyCanary(update.inbound_canary)
    this.sortIndexes.rowChanged(index, Object.keys(update))
    this.slotIndex?.rowChanged(index, this.slotValues(index))
  }

  /** The rows written since the last call (copies), and forgets them. */
  takeWrittenRecords(): PhoneNumber[] {
    const records = [...this.written].map((index) => copy(this.changed.get(index)!))
    this.written.clear()
    return records
  }

  /** Every changed row (copies), for persistence. */
  changedRecords(): PhoneNumber[] {
    return [...this.changed.values()].map(copy)
  }

  /** The search of API.md: nickname or label contain the text; a phone-like query also matches digits. */
  searchMatcher(search: string): (index: number) => boolean {
    const text = search.toLowerCase()
    // Digits are compared only when the query looks like a phone number ("+1 415-555-0123"),
    // so a label such as "cc-4410" does not also match every number containing 4410.
    const digits = PHONE_LIKE.test(search) ? search.replace(/\D/g, '') : ''
    const textMatches = this.source.textMatcher(text)
    // A change never touches a number's E.164 form: the source's answer holds for changed rows too.
    const digitsMatch = digits === '' ? null : this.source.digitsMatcher(digits)
    return (index) => {
      const changed = this.changed.get(index)
      if (changed ? recordMatchesText(changed, text) : textMatches(index)) return true
      return digitsMatch !== null && digitsMatch(index)
    }
  }

  /**
   * Builds the search and default-sort indices ahead of the first request that needs them, in
   * steps of a few milliseconds (the browser runs them when idle).
   */
  *prepare(): Generator<void, void, void> {
    yield* this.source.prepareSearch?.() ?? []
    this.sortIndexes.ascending('created_at')
    yield
    yield* this.slots().build()
  }

  private slotValues(index: number): SlotValues {
    const changed = this.changed.get(index)
    if (changed) {
      return {
        inbound: changed.inbound_agent_version_id,
        outbound: changed.outbound_agent_version_id,
        canary: changed.inbound_canary?.agent_version_id ?? null,
        importError: changed.import_error !== null,
      }
    }
    return {
      inbound: this.source.slot(index, 'inbound_agent_version_id'),
      outbound: this.source.slot(index, 'outbound_agent_version_id'),
      canary: this.source.canary(index)?.agent_version_id ?? null,
      importError: this.source.hasImportError(index),
    }
  }
}

const PHONE_LIKE = /^[\d\s+\-().]*\d[\d\s+\-().]*$/

function copy(n: PhoneNumber): PhoneNumber {
  return { ...n, inbound_canary: copyCanary(n.inbound_canary) }
}
