import type { JobNumbers } from '@/features/phone-numbers/domain/writes/job-numbers'
import { LISTED_AT_MOST, type JobTally } from '@/features/phone-numbers/domain/writes/job-outcome-words'
import type { NumberOutcome } from '@/features/phone-numbers/domain/writes/number-outcome'
import type { Refusal } from '@/features/phone-numbers/domain/writes/plan-writes'

/** An outcome without the number it is about (JobOutcomes knows that from the row). */
export type RowOutcome = NumberOutcome extends infer O ? (O extends NumberOutcome ? Omit<O, 'number'> : never) : never

const RESULTS = ['changed', 'unchanged', 'changed-elsewhere', 'refused', 'failed', 'not-sent'] as const
/** A flag of a row's code: part of its change went through before it failed, was stopped or was changed by someone else. */
const PARTLY = 0x80
/** A flag of a row's code: it failed unchecked (its change may have been applied). */
const UNCHECKED = 0x40
const FLAGS = PARTLY | UNCHECKED
/** The codes of results (flags aside). */
const codeOf = (result: (typeof RESULTS)[number]) => RESULTS.indexOf(result) + 1
const CHANGED = codeOf('changed')
const UNCHANGED = codeOf('unchanged')
const REFUSED = codeOf('refused')
const FAILED = codeOf('failed')
const NOT_SENT = codeOf('not-sent')

/**
 * How a job ended for each of its numbers (rows of its JobNumbers), in the order the job named them:
 * a byte a number, and the reason only for those that have one (a failure's message, a refusal), so
 * that 100,000 outcomes, mostly "changed", take 100 KB. NumberOutcome objects are made when asked for.
 */
export class JobOutcomes {
  private readonly codes: Uint8Array
  private readonly details = new Map<number, { message?: string; refusal?: Refusal }>()
  private readonly order: Int32Array

  constructor(
    readonly numbers: JobNumbers,
    rows: ArrayLike<number>,
  ) {
    this.codes = new Uint8Array(numbers.size)
    this.order = Int32Array.from(rows)
  }

  /** How many numbers the job named. */
  get size(): number {
    return this.order.length
  }

  has(row: number): boolean {
    return this.codes[row] !== 0
  }

  set(row: number, outcome: RowOutcome): void {
    const partly = 'partly' in outcome && outcome.partly ? PARTLY : 0
    const unchecked = 'unchecked' in outcome && outcome.unchecked ? UNCHECKED : 0
    this.codes[row] = codeOf(outcome.result) | partly | unchecked
    const message = 'message' in outcome ? outcome.message : undefined
    const refusal = 'refusal' in outcome ? outcome.refusal : undefined
    if (message !== undefined || refusal !== undefined) this.details.set(row, { message, refusal })
    else this.details.delete(row)
  }

  get(row: number): NumberOutcome | undefined {
    const code = this.codes[row]!
    if (code === 0) return undefined
    const result = RESULTS[(code & ~FLAGS) - 1]!
    const number = this.numbers.refOf(row)
    const partly = (code & PARTLY) !== 0
    const { message, refusal } = this.details.get(row) ?? {}
    switch (result) {
      case 'changed':
      case 'unchanged':
        return { number, result }
      case 'changed-elsewhere':
        return { number, result, partly }
      case 'refused':
        return { number, result, refusal: refusal! }
      case 'failed':
        return (code & UNCHECKED) !== 0
          ? { number, result, message: message ?? '', partly, unchecked: true }
          : { number, result, message: message ?? '', partly }
      case 'not-sent':
        return message === undefined ? { number, result, partly } : { number, result, partly, message }
    }
  }

  resultOf(row: number): NumberOutcome['result'] | undefined {
    const code = this.codes[row]!
    return code === 0 ? undefined : RESULTS[(code & ~FLAGS) - 1]
  }

  /**
   * The rows Undo has something of the job's to put back on: changed, or failed, not sent or refused
   * (by a retry) after part of their change went through. Not one someone else changed: that is theirs.
   */
  undoableRows(): Int32Array {
    const rows = new Int32Array(this.order.length)
    let count = 0
    for (const row of this.order) {
      const code = this.codes[row]!
      const result = code & ~FLAGS
      if (result === CHANGED || ((result === FAILED || result === NOT_SENT || result === REFUSED) && code & PARTLY)) {
        rows[count++] = row
      }
    }
    return rows.slice(0, count)
  }

  /**
   * The rows whose last change may or may not have gone through (its call had no clear answer and the
   * number could not be read after it): what the job knows of them may be out of date, so Undo reads
   * them again first, and puts back what it finds of the job's.
   */
  uncheckedRows(): number[] {
    const rows: number[] = []
    for (const row of this.order) {
      const code = this.codes[row]!
      const result = code & ~FLAGS
      if ((result === FAILED || result === NOT_SENT) && code & UNCHECKED) rows.push(row)
    }
    return rows
  }

  /**
   * What Undo goes over: the rows with something of the job's on them (undoableRows) and the unchecked
   * ones, once read again; `found` are the unchecked rows read again (one not found is no longer there).
   */
  undoableRowsWith(found: readonly number[]): number[] {
    const unchecked = new Set(this.uncheckedRows())
    return [...this.undoableRows().filter((row) => !unchecked.has(row)), ...found]
  }

  /** The rows the job named, in its order (not to be changed). */
  rows(): Int32Array {
    return this.order
  }

  /**
   * Takes the outcomes of a later run over some of these numbers (Retry failed): theirs replace these,
   * but what this run did stays known. A number part of whose change went through stays partly
   * changed (whatever the retry says); one not done again stays unchecked; one found holding what was
   * wanted after a part or unchecked attempt counts as changed, so that Undo puts it back.
   */
  merge(later: JobOutcomes): void {
    // Codes and details, not outcomes: a retry of 100,000 numbers makes no objects here.
    for (const row of later.order) {
      const code = later.codes[row]!
      if (code === 0) continue
      const earlier = this.codes[row]!
      const result = code & ~FLAGS
      if (result === UNCHANGED && (earlier & FLAGS) !== 0) {
        this.codes[row] = CHANGED
        this.details.delete(row)
        continue
      }
      const notDone = result === FAILED || result === NOT_SENT
      this.codes[row] = code | (earlier & (notDone ? FLAGS : result === CHANGED ? 0 : PARTLY))
      const details = later.details.get(row)
      if (details) this.details.set(row, details)
      else this.details.delete(row)
    }
  }

  /**
   * The counts, and the first `listedAtMost` numbers not changed as outcomes: a byte read per number,
   * so that a cancelled job of 100,000 numbers does not make 100,000 outcomes to show 500.
   */
  tally(listedAtMost = LISTED_AT_MOST): JobTally {
    const tally: JobTally = { changed: 0, unchanged: 0, notChanged: 0, listed: [] }
    for (const row of this.order) {
      const result = this.resultOf(row)
      if (result === 'changed') tally.changed += 1
      else if (result === 'unchanged') tally.unchanged += 1
      else if (result !== undefined) {
        tally.notChanged += 1
        if (tally.listed.length < listedAtMost) tally.listed.push(this.get(row)!)
      }
    }
    return tally
  }

  /** Whether the row failed or was not sent: Retry failed sends it again. */
  toRetry(row: number): boolean {
    const result = this.codes[row]! & ~FLAGS
    return result === FAILED || result === NOT_SENT
  }

  /** Whether any of these rows is to retry (Retry failed has work). */
  anyToRetry(rows: readonly number[]): boolean {
    return rows.some((row) => this.toRetry(row))
  }

  /**
   * These outcomes as they are now, kept apart from later changes (a retry merged in while the results
   * of this run are still being written into a file).
   */
  snapshot(): JobOutcomes {
    const copy = new JobOutcomes(this.numbers, this.order)
    copy.codes.set(this.codes)
    for (const [row, details] of this.details) copy.details.set(row, details)
    return copy
  }

  *[Symbol.iterator](): Iterator<NumberOutcome> {
    for (const row of this.order) {
      const outcome = this.get(row)
      if (outcome) yield outcome
    }
  }
}
