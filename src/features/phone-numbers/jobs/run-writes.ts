import { jobNumberOf } from '@/features/phone-numbers/domain/writes/job-number'
import {
  type JobNumber,
  type NumberRef,
  type WritePlan,
  type WriteCall,
} from '@/features/phone-numbers/domain/writes/plan-writes'
import type { NumberOutcome } from '@/features/phone-numbers/domain/writes/number-outcome'
import { writeRequest, type WriteRequest } from '@/features/phone-numbers/domain/writes/write-requests'
import { narrow, numbersOf, reached, refOf } from '@/features/phone-numbers/jobs/write-calls'
import { MAX_IDS_PER_LIST, type PhoneNumber } from '@/types/api'

/**
 * Runs a write plan as a job: call after call, each with the numbers' last seen `updated_at`, and
 * every number's outcome in the end. A 409 drops the numbers someone else changed and resends the
 * rest; an ambiguous failure (5xx, lost connection, malformed answer) re-reads the call's numbers
 * and resends only to those it did not reach; a 429 waits as told (and holds back every call in
 * flight). Calls that name many numbers go one at a time; calls for one number each (PATCHes,
 * canaries) go a few at once, never two for the same number. Cancelling stops before the next
 * call. The API is passed in, so the same code runs against the demo backend in tests.
 */

export interface WriteApi {
  send(request: WriteRequest, signal: AbortSignal | undefined): Promise<PhoneNumber[]>
  /** The current records of these numbers (at most MAX_IDS_PER_LIST ids). */
  read(ids: string[], signal: AbortSignal | undefined): Promise<PhoneNumber[]>
  /** What a failed call means for the job. */
  classify(error: unknown): WriteFailure
  sleep(ms: number, signal: AbortSignal | undefined): Promise<void>
}

export type WriteFailure =
  /** 409: these numbers (E.164) changed since; null when the answer does not say which. */
  | { kind: 'conflict'; phoneNumbers: string[] | null }
  | { kind: 'rate-limited'; retryAfterMs: number }
  /** The call may or may not have been applied. */
  | { kind: 'ambiguous'; message: string }
  /** Refused, nothing applied (400, 403, 404). */
  | { kind: 'refused'; message: string }
  /** Nothing more can be sent (401, the user's cancel): the job stops. */
  | { kind: 'stop'; message: string }

export interface JobProgress {
  /** Numbers whose calls are all done, whatever their outcome. */
  done: number
  total: number
}

export interface RunOptions {
  plan: WritePlan
  /** Each number as the plan saw it: its `updated_at` is the first precondition. */
  numbers: readonly JobNumber[]
  api: WriteApi
  signal?: AbortSignal
  onProgress?: (progress: JobProgress) => void
  /** Every record a call returned or a re-read found, as soon as it is in (the page reconciles its caches). */
  onRecords?: (records: PhoneNumber[]) => void
  /** Calls for one number each sent at once, at most (default PER_NUMBER_CONCURRENCY). */
  concurrency?: number
}

/** How often an ambiguous failure of one call is retried (for the numbers it did not reach) before giving up. */
const AMBIGUOUS_RETRIES = 2
/** "A few in flight": enough to hide the round trip, few enough not to be rate limited at once. */
export const PER_NUMBER_CONCURRENCY = 4

export async function runWrites(options: RunOptions): Promise<NumberOutcome[]> {
  const job = new WriteJob(options)
  return job.run()
}

class WriteJob {
  private readonly seen: Map<string, JobNumber>
  /** Numbers the server answered with a record of during the job: `seen` holds what that record left. */
  private readonly answered = new Set<string>()
  private readonly finished = new Map<string, NumberOutcome>()
  /** Numbers at least one call reached: a later failure leaves them part-changed. */
  private readonly reachedBy = new Set<string>()
  private readonly lastCallOf = new Map<string, number>()
  private done = 0
  /** Set when a call must end the job (401): no further call is sent. */
  private stopMessage: string | null = null
  /** After a 429, no call is sent before this time. */
  private pausedUntil = 0

  constructor(private readonly options: RunOptions) {
    this.seen = new Map(options.numbers.map((n) => [n.id, n]))
    options.plan.calls.forEach((call, index) => {
      for (const number of numbersOf(call)) this.lastCallOf.set(number.id, index)
    })
  }

  async run(): Promise<NumberOutcome[]> {
    const { signal } = this.options
    this.progress()
    for (const segment of segments(this.options.plan.calls)) {
      const workers = segment.length === 1 ? 1 : (this.options.concurrency ?? PER_NUMBER_CONCURRENCY)
      let next = 0
      const worker = async () => {
        while (next < segment.length && !signal?.aborted && this.stopMessage === null) {
          const { call, index } = segment[next++]!
          const stopped = await this.send(call)
          if (stopped !== null) this.stopMessage ??= stopped
          else this.callDone(call, index)
        }
      }
      await Promise.all(Array.from({ length: Math.min(workers, segment.length) }, worker))
      if (signal?.aborted || this.stopMessage !== null) return this.outcomes(this.stopMessage ?? undefined)
    }
    return this.outcomes()
  }

  private callDone(call: WriteCall, index: number): void {
    for (const { id } of numbersOf(call)) {
      const record = this.answered.has(id) ? this.seen.get(id) : undefined
      if (this.lastCallOf.get(id) === index && record && !this.finished.has(id)) {
        this.finish({ number: refOf(record), result: 'changed', record })
      }
    }
    this.progress()
  }

  /** Sends one call until it is through for every number it can be; the stop message when the job must end. */
  private async send(call: WriteCall): Promise<string | null> {
    const { api, signal } = this.options
    let pending = numbersOf(call).filter((n) => !this.finished.has(n.id))
    if (call.kind !== 'publish' && pending.length === 0) return null
    let retries = AMBIGUOUS_RETRIES
    for (;;) {
      const wait = this.pausedUntil - Date.now()
      if (wait > 0) await api.sleep(wait, signal)
      if (signal?.aborted) return 'Cancelled.'
      if (this.stopMessage !== null) return this.stopMessage
      try {
        const records = await api.send(
          writeRequest(narrow(call, pending), (n) => this.seen.get(n.id)?.updated_at),
          signal,
        )
        for (const number of pending) this.reachedBy.add(number.id)
        this.took(records)
        return null
      } catch (error) {
        const failure = api.classify(error)
        switch (failure.kind) {
          case 'stop':
            return failure.message
          case 'rate-limited':
            this.pausedUntil = Math.max(this.pausedUntil, Date.now() + failure.retryAfterMs)
            await api.sleep(failure.retryAfterMs, signal)
            continue
          case 'refused':
            for (const number of pending) this.fail(number, failure.message)
            return null
        }
        if (call.kind === 'publish') {
          // Publishing a draft for canaries: the canary calls that need it will say whether it happened.
          if (failure.kind === 'ambiguous' && retries-- > 0) continue
          return null
        }
        pending = await this.stillToSend(call, pending, failure.kind === 'conflict' ? failure.phoneNumbers : null)
        if (pending.length === 0) return null
        if (failure.kind === 'ambiguous' && retries-- <= 0) {
          for (const number of pending) this.fail(number, failure.message)
          return null
        }
      }
    }
  }
  /**
   * After a refused (409) or ambiguous call: the numbers to send it to again. Named conflicts are
   * dropped at once; otherwise each number is read again: unchanged since last seen means the call
   * did not reach it; changed and holding what the call wanted means it did; changed otherwise
   * means someone else changed it.
   */
  private async stillToSend(call: WriteCall, pending: NumberRef[], conflicts: string[] | null): Promise<NumberRef[]> {
    const named = conflicts?.filter((e164) => pending.some((n) => n.phone_number === e164)) ?? []
    if (named.length > 0) {
      const changed = pending.filter((n) => named.includes(n.phone_number))
      for (const number of changed) this.changedElsewhere(number)
      // The page shows what they hold now, not what it last saw.
      this.took([...(await this.read(changed)).values()])
      return pending.filter((n) => !named.includes(n.phone_number))
    }
    const current = await this.read(pending)
    const still: NumberRef[] = []
    for (const number of pending) {
      const record = current.get(number.id)
      if (!record) this.fail(number, 'This number is no longer in the workspace.')
      else if (record.updated_at === this.seen.get(number.id)?.updated_at) still.push(number)
      else if (conflicts === null && reached(call, record)) this.reachedBy.add(number.id)
      else this.changedElsewhere(number)
    }
    this.took([...current.values()])
    return still
  }

  private async read(numbers: NumberRef[]): Promise<Map<string, PhoneNumber>> {
    const found = new Map<string, PhoneNumber>()
    for (let start = 0; start < numbers.length; start += MAX_IDS_PER_LIST) {
      const ids = numbers.slice(start, start + MAX_IDS_PER_LIST).map((n) => n.id)
      for (const record of await this.options.api.read(ids, this.options.signal)) found.set(record.id, record)
    }
    return found
  }

  private took(records: PhoneNumber[]): void {
    for (const record of records) {
      // Only what an outcome and an undo need, sharing what did not change with the earlier state.
      this.seen.set(record.id, jobNumberOf(record, this.seen.get(record.id)))
      this.answered.add(record.id)
    }
    if (records.length > 0) this.options.onRecords?.(records)
  }

  private changedElsewhere(number: NumberRef): void {
    this.finish({ number, result: 'changed-elsewhere', partly: this.reachedBy.has(number.id) })
  }

  private fail(number: NumberRef, message: string): void {
    this.finish({ number, result: 'failed', message, partly: this.reachedBy.has(number.id) })
  }

  private finish(outcome: NumberOutcome): void {
    if (this.finished.has(outcome.number.id)) return
    this.finished.set(outcome.number.id, outcome)
    if (this.lastCallOf.has(outcome.number.id)) this.done += 1
  }

  private progress(): void {
    this.options.onProgress?.({ done: this.done, total: this.lastCallOf.size })
  }

  /** Every number of the plan, in the order the targets named them. */
  private outcomes(stopMessage?: string): NumberOutcome[] {
    const { plan, numbers } = this.options
    const unchanged = new Set(plan.unchanged.map((n) => n.id))
    const refused = new Map(plan.refused.map((r) => [r.number.id, r.refusal]))
    return numbers.map((number): NumberOutcome => {
      const ref = refOf(number)
      const outcome = this.finished.get(number.id)
      if (outcome) return outcome
      const refusal = refused.get(number.id)
      if (refusal) return { number: ref, result: 'refused', refusal }
      if (unchanged.has(number.id)) return { number: ref, result: 'unchanged' }
      const partly = this.reachedBy.has(number.id)
      return stopMessage === undefined
        ? { number: ref, result: 'not-sent', partly }
        : { number: ref, result: 'not-sent', partly, message: stopMessage }
    })
  }
}

/**
 * The plan cut where calls may go at once: a call naming many numbers alone (publishes go in the
 * plan's order), and runs of one-number calls with no number twice (its second call needs the
 * first's `updated_at`).
 */
function segments(calls: readonly WriteCall[]): { call: WriteCall; index: number }[][] {
  const result: { call: WriteCall; index: number }[][] = []
  let run: { call: WriteCall; index: number }[] = []
  let inRun = new Set<string>()
  const close = () => {
    if (run.length > 0) result.push(run)
    run = []
    inRun = new Set()
  }
  calls.forEach((call, index) => {
    const one = call.kind === 'set-canary' || call.kind === 'remove-canary' || call.kind === 'patch'
    if (!one) {
      close()
      result.push([{ call, index }])
      return
    }
    if (inRun.has(call.number.id)) close()
    inRun.add(call.number.id)
    run.push({ call, index })
  })
  close()
  return result
}
