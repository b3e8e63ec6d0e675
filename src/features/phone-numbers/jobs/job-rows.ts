import type { JobNumbers } from '@/features/phone-numbers/domain/writes/job-numbers'
import { JobOutcomes, type RowOutcome } from '@/features/phone-numbers/domain/writes/job-outcomes'
import type { JobNumber, NumberRef, WriteCall, WritePlan } from '@/features/phone-numbers/domain/writes/plan-writes'
import { numbersOf } from '@/features/phone-numbers/jobs/write-calls'
import { inSlices } from '@/features/phone-numbers/jobs/yield-to-browser'
import type { PhoneNumber } from '@/types/api'

/** A flag of a row: the server answered with its record during the job (its last seen state is what that left). */
const ANSWERED = 1
/** A flag of a row: a call reached it, so a later failure leaves it part-changed. */
const REACHED = 2

/**
 * What a running write job (run-writes.ts) knows of each of its numbers: whether a call reached it
 * and whether the server answered with its record, the last call naming it, its outcome once known,
 * and how many are done. Sending, retrying and reading again are run-writes' part.
 */
export class JobRows {
  /** ANSWERED and REACHED, a byte per row. */
  private readonly flags: Uint8Array
  /** The index of the last call naming each row, -1 for none. */
  private readonly lastCallOf: Int32Array
  private readonly finished: JobOutcomes
  private planned = 0
  private done = 0

  constructor(
    private readonly numbers: JobNumbers,
    private readonly plan: WritePlan,
    rows: ArrayLike<number> | undefined,
  ) {
    this.flags = new Uint8Array(numbers.size)
    this.lastCallOf = new Int32Array(numbers.size).fill(-1)
    this.finished = new JobOutcomes(numbers, rows ?? Array.from({ length: numbers.size }, (_, row) => row))
    plan.calls.forEach((call, index) => {
      for (const number of numbersOf(call)) {
        const row = this.rowOf(number)
        if (this.lastCallOf[row] === -1) this.planned += 1
        this.lastCallOf[row] = index
      }
    })
  }

  /** The row of a number the plan names: the plan is made of the job's numbers. */
  rowOf(number: NumberRef): number {
    const row = this.numbers.rowOf(number.id)
    if (row === undefined) throw new Error(`${number.phone_number} is not one of the job's numbers.`)
    return row
  }

  /** The numbers of a call whose outcome is not known yet. */
  pendingOf(call: WriteCall): NumberRef[] {
    return numbersOf(call).filter((n) => !this.finished.has(this.rowOf(n)))
  }

  lastSeen(number: NumberRef): JobNumber {
    return this.numbers.lastSeen(this.rowOf(number))
  }

  lastSeenUpdatedAt(number: NumberRef): string {
    return this.numbers.lastSeenUpdatedAt(this.rowOf(number))
  }

  markReached(number: NumberRef): void {
    this.flags[this.rowOf(number)]! |= REACHED
  }

  /** Records the server answered with (or a re-read found): each one's new last seen state. */
  took(records: PhoneNumber[]): void {
    for (const record of records) {
      const row = this.numbers.see(record)
      if (row !== undefined) this.flags[row]! |= ANSWERED
    }
  }

  /** A call went through: the numbers it was the last call of, and that the server answered for, are changed. */
  callDone(call: WriteCall, index: number): void {
    for (const number of numbersOf(call)) {
      const row = this.rowOf(number)
      if (this.lastCallOf[row] === index && this.flags[row]! & ANSWERED && !this.finished.has(row)) {
        this.finish(row, { result: 'changed' })
      }
    }
  }

  changedElsewhere(number: NumberRef): void {
    const row = this.rowOf(number)
    this.finish(row, { result: 'changed-elsewhere', partly: this.reached(row) })
  }

  fail(number: NumberRef, message: string): void {
    const row = this.rowOf(number)
    this.finish(row, { result: 'failed', message, partly: this.reached(row) })
  }

  /** The call may have gone through for this number (or still may): it could not be read again to tell, or its last try had no clear answer. */
  failUnchecked(number: NumberRef, message: string): void {
    const row = this.rowOf(number)
    this.finish(row, { result: 'failed', message, partly: this.reached(row), unchecked: true })
  }

  progress(): { done: number; total: number } {
    return { done: this.done, total: this.planned }
  }

  /**
   * Every number of the job: those the plan left out (unchanged, refused), and those the job did not get
   * to, in slices (a job cancelled early has 100,000 of those).
   */
  async outcomes(stopMessage?: string): Promise<JobOutcomes> {
    const unchanged: RowOutcome = { result: 'unchanged' }
    await inSlices(this.plan.unchanged, (number) => this.finish(this.rowOf(number), unchanged))
    await inSlices(this.plan.refused, ({ number, refusal }) =>
      this.finish(this.rowOf(number), { result: 'refused', refusal }),
    )
    const notSent = (partly: boolean): RowOutcome =>
      stopMessage === undefined ? { result: 'not-sent', partly } : { result: 'not-sent', partly, message: stopMessage }
    const [whole, part] = [notSent(false), notSent(true)]
    await inSlices(this.finished.rows(), (row) => this.finish(row, this.reached(row) ? part : whole))
    return this.finished
  }

  private reached(row: number): boolean {
    return (this.flags[row]! & REACHED) !== 0
  }

  private finish(row: number, outcome: RowOutcome): void {
    if (this.finished.has(row)) return
    this.finished.set(row, outcome)
    if (this.lastCallOf[row] !== -1) this.done += 1
  }
}
