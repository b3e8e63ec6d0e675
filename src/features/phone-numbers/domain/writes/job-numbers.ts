import {
  ByteColumn,
  CodedColumn,
  Dictionary,
  E164_NUMBERS,
  NumericTextColumn,
  TIMESTAMPS,
  ValueColumn,
  type Column,
} from '@/features/phone-numbers/domain/writes/job-number-columns'
import type { JobNumber, NumberRef, RoutedNumber } from '@/features/phone-numbers/domain/writes/plan-writes'

/**
 * The numbers of a write job, each twice: as read when the job was prepared (what Undo puts back),
 * and as last seen (the `updated_at` every call sends as its precondition, and what the job left).
 * A job over 100,000 numbers must stay under 20 MB (issue 15), so they are kept in columns rather
 * than as objects: ids once, E.164 numbers and timestamps as numbers, versions, labels and webhook
 * URLs as codes into one dictionary, and "last seen" holds a column of its own only for the fields
 * that changed since the read (a routing job: updated_at and one side). Rows are numbered in the
 * order numbers were added; a JobNumber object is made on demand, for one number at a time.
 */

/** The fields a number's state is kept in (its canary as version and percent). */
interface StateColumns {
  updated_at: Column<string>
  nickname: Column<string | null>
  label: Column<string | null>
  inbound_agent_version_id: Column<string | null>
  outbound_agent_version_id: Column<string | null>
  canary_version: Column<string | null>
  canary_percent: Column<number>
  inbound_webhook_url: Column<string | null>
}

type StateField = keyof StateColumns
type StateValues = { [F in StateField]: StateColumns[F] extends Column<infer T> ? T : never }

const STATE_FIELDS = [
  'updated_at',
  'nickname',
  'label',
  'inbound_agent_version_id',
  'outbound_agent_version_id',
  'canary_version',
  'canary_percent',
  'inbound_webhook_url',
] as const satisfies readonly StateField[]

export class JobNumbers {
  private readonly ids: string[] = []
  private readonly rowById = new Map<string, number>()
  private readonly phones = new NumericTextColumn(E164_NUMBERS)
  private readonly dictionary = new Dictionary()
  private readonly read: StateColumns
  /** A field's own column once some number's last seen value differs from its value as read. */
  private readonly seen: Partial<StateColumns> = {}
  private capacity = 0

  constructor() {
    const coded = () => new CodedColumn(this.dictionary)
    this.read = {
      updated_at: new NumericTextColumn(TIMESTAMPS),
      nickname: new ValueColumn(),
      label: coded(),
      inbound_agent_version_id: coded(),
      outbound_agent_version_id: coded(),
      canary_version: coded(),
      canary_percent: new ByteColumn(),
      inbound_webhook_url: coded(),
    }
  }

  /** A store of these numbers, as read. */
  static of(numbers: Iterable<JobNumber>): JobNumbers {
    const store = new JobNumbers()
    for (const number of numbers) store.add(number)
    store.trim()
    return store
  }

  get size(): number {
    return this.ids.length
  }

  /**
   * A number as read; a number already here is read again (its as-read and last seen state become
   * this). Returns its row.
   */
  add(number: JobNumber): number {
    let row = this.rowById.get(number.id)
    if (row === undefined) {
      row = this.ids.length
      if (row === this.capacity) this.resize(Math.max(64, this.capacity * 2))
      this.ids.push(number.id)
      this.rowById.set(number.id, row)
      this.phones.set(row, number.phone_number)
    }
    const values = valuesOf(number)
    for (const field of STATE_FIELDS) {
      setValue(this.read, field, row, values[field])
      if (this.seen[field]) setValue(this.seen as StateColumns, field, row, values[field])
    }
    return row
  }

  /** Gives back the room kept for numbers still to come (after the last `add`). */
  trim(): void {
    this.resize(this.ids.length)
  }

  rowOf(id: string): number | undefined {
    return this.rowById.get(id)
  }

  idOf(row: number): string {
    return this.ids[row]!
  }

  refOf(row: number): NumberRef {
    return { id: this.ids[row]!, phone_number: this.phones.get(row) }
  }

  /** The number as it was read. */
  asRead(row: number): JobNumber {
    return this.numberOf(row, (field) => this.read[field])
  }

  /** The number as the job last saw it: as read, then as each answer about it left it. */
  lastSeen(row: number): JobNumber {
    return this.numberOf(row, (field) => this.seen[field] ?? this.read[field])
  }

  /** A number's id and slots as read, without making the whole number (the routing preview counts 100,000 at a choice). */
  slotsAsRead(row: number): RoutedNumber {
    return {
      id: this.ids[row]!,
      inbound_agent_version_id: this.read.inbound_agent_version_id.get(row),
      outbound_agent_version_id: this.read.outbound_agent_version_id.get(row),
    }
  }

  /** A number's label as read, without making the whole number (a label preview counts 100,000 of them at a keystroke). */
  labelAsRead(row: number): string | null {
    return this.read.label.get(row)
  }

  lastSeenUpdatedAt(row: number): string {
    return (this.seen.updated_at ?? this.read.updated_at).get(row)
  }

  /** Takes in what the server answered about one of these numbers; returns its row, undefined for another number. */
  see(record: JobNumber): number | undefined {
    const row = this.rowById.get(record.id)
    if (row === undefined) return undefined
    const values = valuesOf(record)
    for (const field of STATE_FIELDS) {
      const value = values[field]
      let column = this.seen[field] as Column<typeof value> | undefined
      if (!column) {
        const read = this.read[field] as Column<typeof value>
        if (read.get(row) === value) continue
        column = read.copy()
        ;(this.seen as Record<StateField, Column<typeof value>>)[field] = column
      }
      column.set(row, value)
    }
    return row
  }

  private numberOf(row: number, columnOf: <F extends StateField>(field: F) => StateColumns[F]): JobNumber {
    const canaryVersion = columnOf('canary_version').get(row)
    return {
      id: this.ids[row]!,
      phone_number: this.phones.get(row),
      updated_at: columnOf('updated_at').get(row),
      nickname: columnOf('nickname').get(row),
      label: columnOf('label').get(row),
      inbound_agent_version_id: columnOf('inbound_agent_version_id').get(row),
      outbound_agent_version_id: columnOf('outbound_agent_version_id').get(row),
      inbound_canary:
        canaryVersion === null
          ? null
          : { agent_version_id: canaryVersion, percent: columnOf('canary_percent').get(row) },
      inbound_webhook_url: columnOf('inbound_webhook_url').get(row),
    }
  }

  private resize(capacity: number): void {
    this.capacity = capacity
    this.phones.resize(capacity)
    for (const field of STATE_FIELDS) {
      this.read[field].resize(capacity)
      this.seen[field]?.resize(capacity)
    }
  }
}

function valuesOf(number: JobNumber): StateValues {
  return {
    updated_at: number.updated_at,
    nickname: number.nickname,
    label: number.label,
    inbound_agent_version_id: number.inbound_agent_version_id,
    outbound_agent_version_id: number.outbound_agent_version_id,
    canary_version: number.inbound_canary?.agent_version_id ?? null,
    canary_percent: number.inbound_canary?.percent ?? 0,
    inbound_webhook_url: number.inbound_webhook_url,
  }
}

function setValue<F extends StateField>(columns: StateColumns, field: F, row: number, value: StateValues[F]): void {
  ;(columns[field] as Column<StateValues[F]>).set(row, value)
}
