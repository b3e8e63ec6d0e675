import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { agentQueries } from '@/features/agents/api/agent-queries'
import { catalogOf } from '@/features/agents/domain/agent-catalog'
import { phoneNumberQueries } from '@/features/phone-numbers/api/phone-number-queries'
import { reconcileJobRecords } from '@/features/phone-numbers/api/reconcile-cache'
import { tallyOutcomes, type JobTally } from '@/features/phone-numbers/domain/writes/job-outcome-words'
import type { NumberOutcome } from '@/features/phone-numbers/domain/writes/number-outcome'
import { undoTargets } from '@/features/phone-numbers/domain/writes/plan-undo'
import type { JobNumber, WantedFields, WriteTarget } from '@/features/phone-numbers/domain/writes/plan-writes'
import { planInSlices } from '@/features/phone-numbers/jobs/plan-in-slices'
import { platformWriteApi } from '@/features/phone-numbers/jobs/platform-write-api'
import { readSelection } from '@/features/phone-numbers/jobs/read-selection'
import { runWrites, type JobProgress } from '@/features/phone-numbers/jobs/run-writes'

/**
 * A write job over many numbers, with the phases every such job shows (components/job-*.tsx):
 * running with progress and Cancel, then the outcome with Retry failed and Undo. Bulk routing,
 * labels and CSV imports all start one with their targets; the page stays usable meanwhile (every
 * answer goes into the cached pages as it arrives, no list refetch per call).
 */

export interface WriteJobSpec {
  /** X-Change-Reason of every call ("Bulk change: inbound → Front Desk v3"); an undo's is "Undo: " and this. */
  reason: string
  /** Each number as read when the job was prepared (its `updated_at` is the precondition) and what it should hold. */
  targets: WriteTarget[]
  /** One-number calls (PATCHes) in flight at once. */
  concurrency?: number
}

export type JobKind = 'apply' | 'undo'

export type WriteJobState =
  | { phase: 'idle' }
  | { phase: 'running'; kind: JobKind; progress: JobProgress; cancelling: boolean }
  | {
      phase: 'done'
      kind: JobKind
      outcomes: NumberOutcome[]
      tally: JobTally
      /** Some numbers failed or were not sent: Retry failed sends them again. */
      canRetry: boolean
      canUndo: boolean
    }
  | { phase: 'error'; kind: JobKind; message: string }

/** What the job keeps between its runs: for Retry failed, what each number not done should hold; for Undo, each changed number as it was. */
interface JobMemory {
  reason: string
  kind: JobKind
  concurrency: number | undefined
  wanted: Map<string, WantedFields>
  before: Map<string, JobNumber>
  outcomes: NumberOutcome[]
}

export function useWriteJob() {
  const queryClient = useQueryClient()
  const [state, setState] = useState<WriteJobState>({ phase: 'idle' })
  const memory = useRef<JobMemory | null>(null)
  const controller = useRef<AbortController | null>(null)
  useEffect(() => () => controller.current?.abort(), [])

  const execute = useCallback(
    async (kind: JobKind, targets: WriteTarget[], previous: NumberOutcome[] = []) => {
      const job = memory.current!
      const abort = new AbortController()
      controller.current = abort
      setState({ phase: 'running', kind, progress: { done: 0, total: targets.length }, cancelling: false })
      try {
        const catalog = catalogOf(queryClient.getQueryData(agentQueries.list().queryKey) ?? [])
        const plan = await planInSlices(targets, catalog, abort.signal)
        const published = plan.calls.flatMap((call) =>
          (call.kind === 'deploy' && call.publishesDraft) || call.kind === 'publish' ? [call.versionId] : [],
        )
        const outcomes = await runWrites({
          plan,
          numbers: targets.map((target) => target.number),
          api: platformWriteApi(kind === 'undo' ? `Undo: ${job.reason}` : job.reason),
          signal: abort.signal,
          concurrency: job.concurrency,
          onProgress: (progress) => setState((s) => (s.phase === 'running' ? { ...s, progress } : s)),
          onRecords: (records) => reconcileJobRecords(queryClient, records, published),
        })
        // A retry's outcomes replace those of the numbers it retried; the others stand.
        const retried = new Set(outcomes.map((o) => o.number.id))
        const all = [...previous.filter((o) => !retried.has(o.number.id)), ...outcomes]
        job.outcomes = all
        job.kind = kind
        const retryable = new Set(outcomes.filter(isRetryable).map((o) => o.number.id))
        job.wanted = new Map(targets.filter((t) => retryable.has(t.number.id)).map((t) => [t.number.id, t.wanted]))
        const tally = tallyOutcomes(all)
        setState({
          phase: 'done',
          kind,
          outcomes: all,
          tally,
          canRetry: job.wanted.size > 0,
          canUndo: kind === 'apply' && tally.changed > 0,
        })
      } catch (error) {
        setState({ phase: 'error', kind, message: error instanceof Error ? error.message : String(error) })
      } finally {
        controller.current = null
        // Rows that no longer match the view's filters, and the agents' usage counts: one read each, at the end.
        void queryClient.invalidateQueries({ queryKey: phoneNumberQueries.lists() })
        void queryClient.invalidateQueries({ queryKey: agentQueries.all() })
      }
    },
    [queryClient],
  )

  const start = useCallback(
    (spec: WriteJobSpec) => {
      memory.current = {
        reason: spec.reason,
        kind: 'apply',
        concurrency: spec.concurrency,
        wanted: new Map(),
        before: new Map(spec.targets.map((t) => [t.number.id, t.number])),
        outcomes: [],
      }
      void execute('apply', spec.targets)
    },
    [execute],
  )

  /** Numbers that failed or were not sent, read again and sent what they still need; numbers someone else changed stay theirs. */
  const retryFailed = useCallback(async () => {
    const job = memory.current
    if (!job || job.wanted.size === 0) return
    const abort = new AbortController()
    controller.current = abort
    setState({ phase: 'running', kind: job.kind, progress: { done: 0, total: job.wanted.size }, cancelling: false })
    try {
      const current = await readSelection({ kind: 'ids', ids: [...job.wanted.keys()] }, { signal: abort.signal })
      const targets = current.map((number) => ({ number, wanted: job.wanted.get(number.id)! }))
      await execute(job.kind, targets, job.outcomes)
    } catch (error) {
      setState({ phase: 'error', kind: job.kind, message: error instanceof Error ? error.message : String(error) })
    }
  }, [execute])

  /** Puts back what the job changed, on each number still as the job left it (plan-undo), as a job of its own. */
  const undo = useCallback(() => {
    const job = memory.current
    if (!job) return
    const changes = job.outcomes.flatMap((outcome) => {
      const before = job.before.get(outcome.number.id)
      return outcome.result === 'changed' && before ? [{ before, after: outcome.record }] : []
    })
    void execute('undo', undoTargets(changes))
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

/** Failed or not sent: worth sending again (a number someone else changed is theirs). */
function isRetryable(outcome: NumberOutcome): boolean {
  return outcome.result === 'failed' || outcome.result === 'not-sent'
}
