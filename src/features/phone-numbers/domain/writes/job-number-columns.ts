/**
 * The columns JobNumbers keeps a job's numbers in: one value per row, packed so that 100,000 numbers
 * weigh a few megabytes rather than 100,000 objects with their strings (issue 15: a job's memory
 * grows by less than 20 MB at 100,000 numbers).
 */

export interface Column<T> {
  get(row: number): T
  set(row: number, value: T): void
  /** Room for `capacity` rows; rows beyond the old end read as the column's empty value. */
  resize(capacity: number): void
  copy(): Column<T>
}

/** Any value, one reference a row (nicknames: each number's own). */
export class ValueColumn<T> implements Column<T> {
  constructor(private readonly values: T[] = []) {}
  get(row: number): T {
    return this.values[row]!
  }
  set(row: number, value: T): void {
    this.values[row] = value
  }
  resize(capacity: number): void {
    if (this.values.length > capacity) this.values.length = capacity
  }
  copy(): ValueColumn<T> {
    return new ValueColumn(this.values.slice())
  }
}

/** The values many rows share (version ids, labels, webhook URLs), each once; code 0 is null. */
export class Dictionary {
  private readonly values: (string | null)[] = [null]
  private readonly codes = new Map<string, number>()

  code(value: string | null): number {
    if (value === null) return 0
    let code = this.codes.get(value)
    if (code === undefined) {
      code = this.values.length
      this.values.push(value)
      this.codes.set(value, code)
    }
    return code
  }

  value(code: number): string | null {
    return this.values[code]!
  }
}

/** A value of a dictionary a row: 2 bytes while the dictionary has under 65,536 values, 4 after. */
export class CodedColumn implements Column<string | null> {
  constructor(
    private readonly dictionary: Dictionary,
    private codes: Uint16Array | Uint32Array = new Uint16Array(0),
  ) {}
  get(row: number): string | null {
    return this.dictionary.value(this.codes[row]!)
  }
  set(row: number, value: string | null): void {
    const code = this.dictionary.code(value)
    if (code > 0xffff && this.codes instanceof Uint16Array) this.codes = Uint32Array.from(this.codes)
    this.codes[row] = code
  }
  resize(capacity: number): void {
    this.codes = resized(this.codes, capacity)
  }
  copy(): CodedColumn {
    return new CodedColumn(this.dictionary, this.codes.slice())
  }
}

/** A small whole number a row (a canary's percent, 0 when none). */
export class ByteColumn implements Column<number> {
  constructor(private bytes = new Uint8Array(0)) {}
  get(row: number): number {
    return this.bytes[row]!
  }
  set(row: number, value: number): void {
    this.bytes[row] = value
  }
  resize(capacity: number): void {
    this.bytes = resized(this.bytes, capacity)
  }
  copy(): ByteColumn {
    return new ByteColumn(this.bytes.slice())
  }
}

/**
 * Text a row that is almost always the same value as a number (a timestamp as milliseconds, an E.164
 * number as its digits): 8 bytes a row. The text is given back exactly as it came, so any text that
 * the number would not spell again the same way (microseconds, another format) is kept as it is.
 */
export class NumericTextColumn implements Column<string> {
  private readonly exceptions = new Map<number, string>()
  /** The last number spelled, and its text: a call's answers share one updated_at, asked for number after number. */
  private lastNumber = Number.NaN
  private lastText = ''
  constructor(
    private readonly codec: NumericTextCodec,
    private numbers = new Float64Array(0),
  ) {}
  get(row: number): string {
    if (this.exceptions.size > 0) {
      const text = this.exceptions.get(row)
      if (text !== undefined) return text
    }
    const number = this.numbers[row]!
    if (number !== this.lastNumber) {
      this.lastNumber = number
      this.lastText = this.codec.text(number)
    }
    return this.lastText
  }
  set(row: number, text: string): void {
    const number = this.codec.number(text)
    if (number !== null && this.codec.text(number) === text) {
      this.numbers[row] = number
      this.exceptions.delete(row)
    } else {
      this.exceptions.set(row, text)
    }
  }
  resize(capacity: number): void {
    this.numbers = resized(this.numbers, capacity)
    for (const row of this.exceptions.keys()) if (row >= capacity) this.exceptions.delete(row)
  }
  copy(): NumericTextColumn {
    const copy = new NumericTextColumn(this.codec, this.numbers.slice())
    for (const [row, text] of this.exceptions) copy.exceptions.set(row, text)
    return copy
  }
}

export interface NumericTextCodec {
  /** The number the text spells, or null when it spells none. */
  number(text: string): number | null
  text(number: number): string
}

const DAY_MS = 86_400_000
/** The years toISOString spells with four digits (0000–9999): the day's text can be reused for them. */
const FOUR_DIGIT_YEARS = [Date.parse('0000-01-01T00:00:00.000Z'), Date.parse('9999-12-31T23:59:59.999Z')]
let spelledDay = Number.NaN
let spelledDayText = ''

/**
 * ISO 8601 timestamps as the API writes them, "2026-12-01T12:00:00.000Z". Spelling one is the job's most
 * frequent work (each number's expected_updated_at, each number made for planning), so the date part is
 * kept from the last day spelled and the time part put together from digits: a third of toISOString's cost.
 */
export const TIMESTAMPS: NumericTextCodec = {
  number: (text) => {
    const ms = Date.parse(text)
    return Number.isNaN(ms) ? null : ms
  },
  text: (ms) => {
    if (!Number.isInteger(ms) || ms < FOUR_DIGIT_YEARS[0]! || ms > FOUR_DIGIT_YEARS[1]!)
      return new Date(ms).toISOString()
    const day = Math.floor(ms / DAY_MS)
    if (day !== spelledDay) {
      spelledDay = day
      spelledDayText = new Date(day * DAY_MS).toISOString().slice(0, 11)
    }
    const time = ms - day * DAY_MS
    const seconds = Math.floor(time / 1000)
    return `${spelledDayText}${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}.${three(time % 1000)}Z`
  },
}

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`)
const three = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`)

/** E.164 numbers, "+14155550123": at most 15 digits, which a double holds exactly. */
export const E164_NUMBERS: NumericTextCodec = {
  number: (text) => (/^\+[1-9]\d{0,14}$/.test(text) ? Number(text.slice(1)) : null),
  text: (digits) => `+${digits}`,
}

function resized<A extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(array: A, capacity: number): A {
  if (array.length === capacity) return array
  const next = new (array.constructor as new (length: number) => A)(capacity)
  next.set(array.length > capacity ? array.subarray(0, capacity) : array)
  return next
}
