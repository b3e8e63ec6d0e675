import { CURATED_LOCALS, GENERATED_COUNTRIES } from '@/mocks/seed/generated-values'

/**
 * What searches read of every generated row, as typed arrays (8 bytes a row), and the digit test
 * that works on a number's parts instead of its string: a search over 100,000 rows builds no
 * strings.
 */

/** Per row: nickname code, label number, prefix (index into GENERATED_PREFIXES) and local number. */
export interface ScanColumns {
  nickname: Uint16Array
  label: Uint16Array
  prefix: Uint8Array
  local: Uint32Array
}

/** A generated row's parts, as the seed computes them. */
interface GeneratedRowParts {
  nicknameCode: number
  labelNumber: number
  shapeIndex: number
  local: number
  /** Which prefix of its country the row draws. */
  first: number
}

/** Rows per step of prepareSearch: a few milliseconds each. */
export const SCAN_STEP = 10_000
/** In ScanColumns.prefix: a row whose number moved off its prefix (see SeedNumbers.phoneNumber). */
export const MOVED_PREFIX = 255

/** Every prefix of generated numbers (its digits), in country order; FIRST_PREFIX_OF_SHAPE indexes into it. */
const GENERATED_PREFIXES = GENERATED_COUNTRIES.flatMap((shape) =>
  shape.prefixes.map((prefix) => ({ digits: prefix.slice(1), localDigits: shape.digits })),
)
const FIRST_PREFIX_OF_SHAPE = GENERATED_COUNTRIES.map((_, i) =>
  GENERATED_COUNTRIES.slice(0, i).reduce((sum, shape) => sum + shape.prefixes.length, 0),
)

export function emptyScanColumns(size: number): ScanColumns {
  return {
    nickname: new Uint16Array(size),
    label: new Uint16Array(size),
    prefix: new Uint8Array(size),
    local: new Uint32Array(size),
  }
}

export function writeScanRow(scan: ScanColumns, index: number, parts: GeneratedRowParts): void {
  scan.nickname[index] = parts.nicknameCode
  scan.label[index] = parts.labelNumber
  scan.local[index] = parts.local
  // Possibly moved off its prefix: searches check the number itself.
  scan.prefix[index] = CURATED_LOCALS.has(parts.local)
    ? MOVED_PREFIX
    : FIRST_PREFIX_OF_SHAPE[parts.shapeIndex]! + parts.first
}

/**
 * A test of whether a generated number (its prefix column and local number) contains `digits`:
 * the digits lie in the prefix, inside the local number (an integer that never starts with 0), or
 * across the two. Not for rows whose prefix is MOVED_PREFIX.
 */
export function partsDigitsMatcher(digits: string): (prefix: number, local: number) => boolean {
  const n = digits.length
  const windowSize = 10 ** n
  const windowValue = Number(digits)
  // Inside the local number: the n digits starting `shift` digits from its end.
  const windows = new Map(
    [7, 8].map((localDigits) => [
      localDigits,
      Array.from({ length: Math.max(0, localDigits - n + 1) }, (_, shift) => 10 ** shift),
    ]),
  )
  const tests = GENERATED_PREFIXES.map(({ digits: prefixDigits, localDigits }) => ({
    always: prefixDigits.includes(digits),
    windows: windows.get(localDigits)!,
    // Across: the first k digits end the prefix, the rest begin the local number.
    spans: Array.from({ length: n }, (_, k) => k)
      .filter((k) => k > 0 && n - k <= localDigits && digits[k] !== '0' && prefixDigits.endsWith(digits.slice(0, k)))
      .map((k) => ({ divisor: 10 ** (localDigits - (n - k)), value: Number(digits.slice(k)) })),
  }))
  return (prefix, local) => {
    const test = tests[prefix]!
    if (test.always) return true
    for (const divisor of test.windows) if (Math.floor(local / divisor) % windowSize === windowValue) return true
    for (const { divisor, value } of test.spans) if (Math.floor(local / divisor) === value) return true
    return false
  }
}
