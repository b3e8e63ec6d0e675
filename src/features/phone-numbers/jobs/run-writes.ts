import type { JobNumbers } from '@/features/phone-numbers/domain/writes/job-numbers'
import type { JobOutcomes } from '@/features/phone-numbers/domain/writes/job-outcomes'
import type { NumberRef, WritePlan, WriteCall } from '@/features/phone-numbers/domain/writes/plan-writes'
import { writeRequest } from '@/features/phone-numbers/domain/writes/write-requests'
import { JobRows } from '@/features/phone-numbers/jobs/job-rows'
import { callSegments, changedOnlyBy, narrow, reached } from '@/features/phone-numbers/jobs/write-calls'
import type { WriteApi } from '@/features/phone-numbers/jobs/write-api'
import { yieldToBrowser } from '@/features/phone-numbers/jobs/yield-to-browser'
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

export interface JobProgress {
  /** Numbers whose calls are all done, whatever their outcome. */
  done: number
  total: number
}

export interface RunOptions {
  plan: WritePlan
  /**
   * The job's numbers: each one's last seen `updated_at` is its next precondition, and every answer
   * goes in as its new last seen state (what the job left, for Undo).
   */
  numbers: JobNumbers
  /** The rows of `numbers` the plan is about, in the order their outcomes are listed (default: every row). */
  rows?: ArrayLike<number>
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
const GONE = 'This number is no longer in the workspace.'
/** A number whose call failed unclearly and could not be read again: Retry failed reads it first. */
const UNCHECKED = 'The change may or may not have been applied: the number could not be read again to check'
/** A number whose last call had no clear answer, and read again did not show the change (yet). */
const NOT_YET =
  'The change may or may not have been applied: the number read afterwards does not show it yet, and the last try had no clear answer: '
/** "A few in flight": enough to hide the round trip, few enough not to be rate limited at once. */
export const PER_NUMBER_CONCURRENCY = 4

export async function runWrites(options: RunOptions): Promise<JobOutcomes> {
  const job = new WriteJob(options)
  return job.run()
}

/** Records in an answer from which taking it in waits for the next task (a publish's 1,000 numbers). */
const LARGE_ANSWER = 200

class WriteJob {
  private readonly rows: JobRows
  /** Set when a call must end the job (401): no further call is sent. */
  private stopMessage: string | null = null
  /** After a 429, no call is sent before this time. */
  private pausedUntil = 0

  constructor(private readonly options: RunOptions) {
    this.rows = new JobRows(options.numbers, options.plan, options.rows)
  }

  async run(): Promise<JobOutcomes> {
    const { signal } = this.options
    this.progress()
    for (const segment of callSegments(this.options.plan.calls)) {
      const workers = segment.length === 1 ? 1 : (this.options.concurrency ?? PER_NUMBER_CONCURRENCY)
      let next = 0
      const worker = async () => {
        while (next < segment.length && !signal?.aborted && this.stopMessage === null) {
          const { call, index } = segment[next++]!
          const stopped = await this.send(call)
          if (stopped !== null) this.stopMessage ??= stopped
          else {
            this.rows.callDone(call, index)
            this.progress()
          }
        }
      }
      await Promise.all(Array.from({ length: Math.min(workers, segment.length) }, worker))
      if (signal?.aborted || this.stopMessage !== null) return this.rows.outcomes(this.stopMessage ?? undefined)
    }
    return this.rows.outcomes()
  }

  /** Sends one call until it is through for every number it can be; the stop message when the job must end. */
  private async send(call: WriteCall): Promise<string | null> {
    const { api, signal } = this.options
    let pending = this.rows.pendingOf(call)
    if (call.kind !== 'publish' && pending.length === 0) return null
    let retries = AMBIGUOUS_RETRIES
    let unchecked = false
    for (;;) {
      const wait = this.pausedUntil - Date.now()
      if (wait > 0) await api.sleep(wait, signal)
      if (signal?.aborted) return 'Cancelled.'
      if (this.stopMessage !== null) return this.stopMessage
      try {
        const records = await api.send(
          writeRequest(narrow(call, pending), (n) => this.rows.lastSeenUpdatedAt(n)),
          signal,
        )
        for (const number of pending) this.rows.markReached(number)
        // A large answer was read and checked in this task: taking it in (and the page's caches) goes in the next.
        if (records.length >= LARGE_ANSWER) await yieldToBrowser()
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
          case 'refused': {
            // A call for many numbers is refused whole when one has left the workspace: find those, send the rest again.
            const present = pending.length > 1 ? await this.stillPresent(pending) : pending
            if (present.length > 0 && present.length < pending.length) {
              pending = present
              continue
            }
            for (const number of pending) this.rows.fail(number, failure.message)
            return null
          }
        }
        if (call.kind === 'publish') {
          // Publishing a draft for canaries: the canary calls that need it will say whether it happened.
          if (failure.kind === 'ambiguous' && retries-- > 0) continue
          return null
        }
        try {
          // After an attempt nobody could check, a 409 may answer the job's own earlier attempt: check each number.
          pending = await this.stillToSend(
            call,
            pending,
            failure.kind === 'conflict' && !unchecked ? failure.phoneNumbers : null,
          )
        } catch (readError) {
          const next = this.unreadable(readError, pending, retries-- > 0)
          if (next.retry) {
            unchecked = true
            continue
          }
          return next.stop
        }
        if (pending.length === 0) return null
        if (failure.kind === 'ambiguous' && retries-- <= 0) {
          // A request with no clear answer may still be taken in after the read (one that timed out, say).
          for (const number of pending) this.rows.failUnchecked(number, `${NOT_YET}${failure.message}`)
          return null
        }
      }
    }
  }
  /**
   * After a refused (409) or ambiguous call: the numbers to send it to again. Named conflicts are
   * dropped at once; otherwise each number is read again: unchanged since last seen means the call
   * did not reach it; changed and holding what the call wanted means it did (and when more than the
   * call's fields changed, someone else changed it too); changed otherwise means someone else changed it.
   */
  private async stillToSend(call: WriteCall, pending: NumberRef[], conflicts: string[] | null): Promise<NumberRef[]> {
    const named = conflicts?.filter((e164) => pending.some((n) => n.phone_number === e164)) ?? []
    if (named.length > 0) {
      const changed = pending.filter((n) => named.includes(n.phone_number))
      for (const number of changed) this.rows.changedElsewhere(number)
      try {
        // The page shows what they hold now, not what it last saw.
        this.took([...(await this.read(changed)).values()])
      } catch {
        // Only the display: the page reads its rows again when the job ends.
      }
      return pending.filter((n) => !named.includes(n.phone_number))
    }
    const current = await this.read(pending)
    const still: NumberRef[] = []
    for (const number of pending) {
      const record = current.get(number.id)
      if (!record) this.rows.fail(number, GONE)
      else if (record.updated_at === this.rows.lastSeenUpdatedAt(number)) still.push(number)
      else if (conflicts === null && reached(call, record)) {
        this.rows.markReached(number)
        // Reached, and changed by someone else as well: theirs must not become the next call's precondition.
        if (!changedOnlyBy(call, this.rows.lastSeen(number), record)) this.rows.changedElsewhere(number)
      } else this.rows.changedElsewhere(number)
    }
    this.took([...current.values()])
    return still
  }

  /**
   * A failed call's numbers could not be read again (the same outage, a 429, Cancel): whether it reached
   * them is unknown. Retried: it is sent again, conditional as ever (a number it did reach refuses it with
   * a 409, and is checked then). Otherwise they fail as unchecked, and the job stops if it must.
   */
  private unreadable(
    error: unknown,
    pending: NumberRef[],
    mayRetry: boolean,
  ): { retry: true } | { retry: false; stop: string | null } {
    const read = this.options.signal?.aborted ? null : this.options.api.classify(error)
    if (read?.kind === 'rate-limited') this.pausedUntil = Math.max(this.pausedUntil, Date.now() + read.retryAfterMs)
    if (read !== null && read.kind !== 'stop' && mayRetry) return { retry: true }
    const reason = read?.kind === 'ambiguous' || read?.kind === 'refused' ? ` (${read.message})` : ''
    for (const number of pending) this.rows.failUnchecked(number, `${UNCHECKED}${reason}`)
    return { retry: false, stop: read === null ? 'Cancelled.' : read.kind === 'stop' ? read.message : null }
  }

  /** Of `pending`, those still in the workspace; the others fail, said so. All of them when they cannot be read. */
  private async stillPresent(pending: NumberRef[]): Promise<NumberRef[]> {
    let current: Map<string, PhoneNumber>
    try {
      current = await this.read(pending)
    } catch {
      return pending
    }
    const present = pending.filter((n) => current.has(n.id))
    if (present.length === 0) return pending
    // The others keep the precondition they had: one changed meanwhile refuses the call again (409), as it should.
    for (const number of pending) if (!current.has(number.id)) this.rows.fail(number, GONE)
    return present
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
    this.rows.took(records)
    if (records.length > 0) this.options.onRecords?.(records)
  }

  private progress(): void {
    this.options.onProgress?.(this.rows.progress())
  }
}
