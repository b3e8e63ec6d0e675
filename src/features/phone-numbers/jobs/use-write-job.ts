import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { agentQueries } from '@/features/agents/api/agent-queries'
import { catalogOf } from '@/features/agents/domain/agent-catalog'
import { refreshAgentUsage } from '@/features/phone-numbers/api/agent-usage-queries'
import { phoneNumberQueries } from '@/features/phone-numbers/api/phone-number-queries'
import { reconcileJobRecords } from '@/features/phone-numbers/api/reconcile-cache'
import type { JobTally } from '@/features/phone-numbers/domain/writes/job-outcome-words'
import { JobNumbers } from '@/features/phone-numbers/domain/writes/job-numbers'
import type { JobOutcomes } from '@/features/phone-numbers/domain/writes/job-outcomes'
import { jobUndoWanted } from '@/features/phone-numbers/domain/writes/plan-undo'
import type { JobNumber, WantedFields, WriteTarget } from '@/features/phone-numbers/domain/writes/plan-writes'
import { planRowsInSlices } from '@/features/phone-numbers/jobs/plan-in-slices'
import { platformWriteApi } from '@/features/phone-numbers/jobs/platform-write-api'
import { rowsToUndo } from '@/features/phone-numbers/jobs/rows-to-undo'
import { readRowsAgain } from '@/features/phone-numbers/jobs/read-selection'
import { runWrites, type JobProgress } from '@/features/phone-numbers/jobs/run-writes'
import { inSlices } from '@/features/phone-numbers/jobs/yield-to-browser'
/**
 * A write job over many numbers, with the phases every such job shows (components/job-*.tsx):
 * running with progress and Cancel, then the outcome with Retry failed and Undo. Bulk routing,
 * labels and CSV imports all start one with their targets; the page stays usable meanwhile (every
 * answer goes into the cached pages as it arrives, no list refetch per call).
 */

export interface WriteJobSpec {
  /** X-Change-Reason of every call ("Bulk change: inbound → Front Desk v3"); an undo's is "Undo: " and this. */
  reason: string
  /** The numbers as read when the job was prepared: each one's `updated_at` is its precondition, and Undo puts it back. */
  numbers: JobNumbers
  /** What a number (as read) should hold; null leaves it out of the job (outside a rollout's share). */
  wantedOf: (number: JobNumber) => WantedFields | null
  /** One-number calls (PATCHes) in flight at once. */
  concurrency?: number
}

/** A job over a list of targets (a CSV import's lines): the same job, its numbers in columns. */
export function targetsJob(reason: string, targets: readonly WriteTarget[]): WriteJobSpec {
  const wanted = new Map(targets.map((target) => [target.number.id, target.wanted]))
  return {
    reason,
    numbers: JobNumbers.of(targets.map((target) => target.number)),
    wantedOf: (number) => wanted.get(number.id) ?? null,
  }
}

export type JobKind = 'apply' | 'undo'

export type WriteJobState =
  | { phase: 'idle' }
  | { phase: 'running'; kind: JobKind; progress: JobProgress; cancelling: boolean }
  | {
      phase: 'done'
      kind: JobKind
      outcomes: JobOutcomes
      tally: JobTally
      /** Some numbers failed or were not sent: Retry failed sends them again. */
      canRetry: boolean
      /** The user cancelled it: what was not sent yet is not, and the outcome says so. */
      cancelled: boolean
      canUndo: boolean
      /** A Retry failed or an Undo cancelled before it sent anything: the outcome before it stands. */
      stoppedBeforeSending: 'retry' | 'undo' | null
    }
  | { phase: 'error'; kind: JobKind; message: string }

/**
 * What the job keeps between its runs: its numbers (as read: what Undo puts back; as last seen: what
 * the job left), the outcomes, and for Retry failed what the last run wanted of each of its rows.
 */
interface JobMemory {
  reason: string
  kind: JobKind
  concurrency: number | undefined
  numbers: JobNumbers
  /** The last run's rows and what it wanted of each: Retry failed asks it again of those not done. */
  lastRun: { rows: number[]; wanted: WantedFields[] }
  /** What the job asked of a number as read: Undo puts back only those fields. */
  askedOf: WriteJobSpec['wantedOf']
  outcomes: JobOutcomes | null
  /** Whether the last run was cancelled part-way. */
  cancelled: boolean
}

export function useWriteJob() {
  const queryClient = useQueryClient()
  const [state, setState] = useState<WriteJobState>({ phase: 'idle' })
  const memory = useRef<JobMemory | null>(null)
  const controller = useRef<AbortController | null>(null)
  useEffect(() => () => controller.current?.abort(), [])

  /** Plans and runs the candidate rows something is wanted of; a retry's outcomes go into `previous`. */
  const execute = useCallback(
    async (
      kind: JobKind,
      candidates: ArrayLike<number>,
      wantedOf: (row: number) => WantedFields | null,
      previous: JobOutcomes | null = null,
    ) => {
      const job = memory.current!
      const abort = new AbortController()
      controller.current = abort
      setState({ phase: 'running', kind, progress: { done: 0, total: candidates.length }, cancelling: false })
      try {
        const catalog = catalogOf(queryClient.getQueryData(agentQueries.list().queryKey) ?? [])
        const { plan, rows, wanted } = await planRowsInSlices(job.numbers, candidates, wantedOf, catalog, abort.signal)
        const published = plan.calls.flatMap((call) =>
          (call.kind === 'deploy' && call.publishesDraft) || call.kind === 'publish' ? [call.versionId] : [],
        )
        const api = platformWriteApi(kind === 'undo' ? `Undo: ${job.reason}` : job.reason)
        let sentAny = false
        const run = await runWrites({
          plan,
          numbers: job.numbers,
          rows,
          api: {
            ...api,
            send: (request, signal) => {
              sentAny = true
              return api.send(request, signal)
            },
          },
          signal: abort.signal,
          concurrency: job.concurrency,
          onProgress: (progress) => setState((s) => (s.phase === 'running' ? { ...s, progress } : s)),
          onRecords: (records) => reconcileJobRecords(queryClient, records, published),
        })
        if (abort.signal.aborted && !sentAny && job.outcomes !== null) {
          // A Retry failed or an Undo cancelled before it sent anything (while planning): the outcome before it stands.
          setState(
            finishedState(
              job,
              job.outcomes,
              job.outcomes.anyToRetry(job.lastRun.rows),
              previous === null ? 'undo' : 'retry',
            ),
          )
          return
        }
        // A retry's outcomes replace those of the numbers it retried; the others stand.
        previous?.merge(run)
        const outcomes = previous ?? run
        job.outcomes = outcomes
        job.kind = kind
        job.lastRun = { rows, wanted }
        job.cancelled = abort.signal.aborted
        setState(finishedState(job, outcomes, run.anyToRetry(rows)))
      } catch (error) {
        setState({ phase: 'error', kind, message: error instanceof Error ? error.message : String(error) })
      } finally {
        controller.current = null
        // Rows that no longer match the view's filters, and the agents' usage counts: one read each, at the end.
        void queryClient.invalidateQueries({ queryKey: phoneNumberQueries.lists() })
        void queryClient.invalidateQueries({ queryKey: agentQueries.all() })
        void refreshAgentUsage(queryClient)
      }
    },
    [queryClient],
  )

  const start = useCallback(
    (spec: WriteJobSpec) => {
      const { numbers } = spec
      memory.current = {
        reason: spec.reason,
        kind: 'apply',
        concurrency: spec.concurrency,
        numbers,
        lastRun: { rows: [], wanted: [] },
        askedOf: spec.wantedOf,
        outcomes: null,
        cancelled: false,
      }
      void execute('apply', allRows(numbers), (row) => spec.wantedOf(numbers.asRead(row)))
    },
    [execute],
  )

  /** Numbers that failed or were not sent, read again and sent what they still need; numbers someone else changed stay theirs. */
  const retryFailed = useCallback(async () => {
    const job = memory.current
    if (!job?.outcomes) return
    const { outcomes } = job
    const abort = new AbortController()
    controller.current = abort
    setState({ phase: 'running', kind: job.kind, progress: { done: 0, total: 0 }, cancelling: false })
    try {
      const wanted = new Map<number, WantedFields>()
      await inSlices(job.lastRun.rows, (row, index) => {
        if (outcomes.toRetry(row)) wanted.set(row, job.lastRun.wanted[index]!)
      })
      setState((s) => (s.phase === 'running' ? { ...s, progress: { done: 0, total: wanted.size } } : s))
      // What they hold now is each one's precondition; as read stays what Undo puts back.
      const found = await readRowsAgain(job.numbers, [...wanted.keys()], { signal: abort.signal })
      await execute(job.kind, found, (row) => wanted.get(row) ?? null, outcomes)
    } catch (error) {
      // Cancelled before anything was sent: the outcome stands as it was, Retry failed and Undo with it.
      if (abort.signal.aborted) setState(finishedState(job, outcomes, true, 'retry'))
      else setState({ phase: 'error', kind: job.kind, message: error instanceof Error ? error.message : String(error) })
    }
  }, [execute])

  /**
   * Puts back what the job changed, on each number still as the job left it (plan-undo), as a job of
   * its own. Numbers whose change may or may not have gone through are read again first.
   */
  const undo = useCallback(async () => {
    const job = memory.current
    if (!job?.outcomes) return
    const { numbers, outcomes, askedOf } = job
    const abort = new AbortController()
    controller.current = abort
    setState({ phase: 'running', kind: 'undo', progress: { done: 0, total: 0 }, cancelling: false })
    try {
      const readAgain = (rows: readonly number[]) => {
        setState((s) => (s.phase === 'running' ? { ...s, progress: { done: 0, total: rows.length } } : s))
        return readRowsAgain(numbers, rows, { signal: abort.signal })
      }
      const rows = await rowsToUndo(numbers, outcomes, askedOf, readAgain, abort.signal)
      await execute('undo', rows, (row) =>
        jobUndoWanted(numbers.asRead(row), numbers.lastSeen(row), askedOf(numbers.asRead(row))),
      )
    } catch (error) {
      // Cancelled before anything was sent: the outcome stands as it was, Undo with it.
      if (abort.signal.aborted) setState(finishedState(job, outcomes, outcomes.anyToRetry(job.lastRun.rows), 'undo'))
      else setState({ phase: 'error', kind: 'undo', message: error instanceof Error ? error.message : String(error) })
    }
  }, [execute])

  const cancel = useCallback(() => {
    controller.current?.abort()
    setState((s) => (s.phase === 'running' ? { ...s, cancelling: true } : s))
  }, [])

  const reset = useCallback(() => {
    controller.current?.abort()
    memory.current = null
    setState({ phase: 'idle' })
  }, [])

  return { state, start, cancel, retryFailed, undo, reset }
}

export type WriteJob = ReturnType<typeof useWriteJob>

/** The outcome phase of a job's last run. */
function finishedState(
  job: JobMemory,
  outcomes: JobOutcomes,
  canRetry: boolean,
  stoppedBeforeSending: 'retry' | 'undo' | null = null,
): WriteJobState {
  return {
    phase: 'done',
    kind: job.kind,
    outcomes,
    tally: outcomes.tally(),
    canRetry,
    cancelled: job.cancelled,
    stoppedBeforeSending,
    canUndo: job.kind === 'apply' && (outcomes.undoableRows().length > 0 || outcomes.uncheckedRows().length > 0),
  }
}

function allRows(numbers: JobNumbers): Int32Array {
  const rows = new Int32Array(numbers.size)
  for (let row = 0; row < rows.length; row++) rows[row] = row
  return rows
}
