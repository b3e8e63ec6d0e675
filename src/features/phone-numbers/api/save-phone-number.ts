import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { agentQueries } from '@/features/agents/api/agent-queries'
import { catalogOf } from '@/features/agents/domain/agent-catalog'
import { getPhoneNumber, phoneNumberQueries } from '@/features/phone-numbers/api/phone-number-queries'
import { sendWriteRequest } from '@/features/phone-numbers/api/send-write-request'
import { refreshAgentUsage } from '@/features/phone-numbers/api/agent-usage-queries'
import { reconcileSavedNumbers } from '@/features/phone-numbers/api/reconcile-cache'
import { changesByOthers } from '@/features/phone-numbers/api/changes-by-others'
import { recheckLater } from '@/features/phone-numbers/api/recheck-number'
import type { DesiredNumberState } from '@/features/phone-numbers/domain/desired-state'
import type { WriteCall } from '@/features/phone-numbers/domain/writes/plan-writes'
import { draftsPublishedBy } from '@/features/phone-numbers/domain/writes/canaries-and-drafts'
import { afterCall, checkCall, type ChangeAuthor, type StoppedSave } from '@/features/phone-numbers/domain/save-outcome'
import { writeRequest, type WriteRequest } from '@/features/phone-numbers/domain/writes/write-requests'
import { isApiError } from '@/lib/api-error'
import type { PhoneNumber } from '@/types/api'

/** A 429 says the call was not applied: it may be sent again after Retry-After, a few times. */
const MAX_RATE_LIMIT_RETRIES = 2
const MAX_RETRY_AFTER_SECONDS = 10

/**
 * A save that stopped at one call; the calls before it stay applied (and are in the cache).
 * - `not_applied`: the server refused it (a 4xx, a 429 after its retries): nothing of it was applied;
 * - `conflict`: someone else changed the number since the save read it: the server refused the call
 *   (409), or the save found their change after an unclear answer and did not send the rest over it;
 * - `unknown`: no clear answer (no answer in time, a lost connection, a 5xx, a reply in the wrong
 *   shape) and the number read afterwards does not show the change: it may still be applied (the
 *   page reads it again later), and sending it again is safe, as it is conditional.
 */
export class SaveError extends Error implements StoppedSave {
  override readonly name = 'SaveError'
  readonly applied: WriteCall[]
  readonly failed: WriteCall
  readonly notAttempted: WriteCall[]
  override readonly cause: unknown
  readonly outcome: StoppedSave['outcome']
  readonly expected: PhoneNumber
  readonly current: PhoneNumber | null
  readonly desired: DesiredNumberState
  readonly changedBy: ChangeAuthor[] | null

  constructor(stopped: StoppedSave) {
    super(stopped.cause instanceof Error ? stopped.cause.message : 'The save failed.')
    this.applied = stopped.applied
    this.failed = stopped.failed
    this.notAttempted = stopped.notAttempted
    this.cause = stopped.cause
    this.outcome = stopped.outcome
    this.expected = stopped.expected
    this.current = stopped.current
    this.desired = stopped.desired
    this.changedBy = stopped.changedBy ?? null
  }
}

/** Every save's mutation key starts with this; the page's notices follow them all (components/save-notices.tsx). */
export const SAVE_MUTATION_KEY = [...phoneNumberQueries.all(), 'save'] as const

const SAVE_OUTCOME_KEPT_MS = 60 * 60_000

export interface SaveVariables {
  number: PhoneNumber
  calls: WriteCall[]
  desired: DesiredNumberState
  /** What the page says once the save went through, worded when it was planned (a draft it publishes reads "published v3"). */
  savedMessage?: string
  /** Aborted: a save still queued (offline) is dropped before anything is sent. */
  cancel?: AbortController
  /** Told when a 429 makes the save wait this many seconds before sending the call again. */
  onRateLimitWait?: (seconds: number) => void
  /** The name of the key the save writes with: its own changes in the history are not someone else's. */
  actor?: string
}

/** A queued save was cancelled before it sent anything. */
export class SaveCancelledError extends Error {
  override readonly name = 'SaveCancelledError'
  constructor() {
    super('The save was cancelled before anything was sent.')
  }
}

export interface SaveResult {
  /** The number as the server holds it after the save: as the user chose (every call was conditional). */
  number: PhoneNumber
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function sendCall(request: WriteRequest, onRateLimitWait?: (seconds: number) => void): Promise<PhoneNumber[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await sendWriteRequest(request)
    } catch (error) {
      if (!isApiError(error) || error.status !== 429 || attempt >= MAX_RATE_LIMIT_RETRIES) throw error
      const seconds = Math.min(error.retryAfterSeconds ?? 1, MAX_RETRY_AFTER_SECONDS)
      onRateLimitWait?.(seconds)
      await wait(seconds * 1000)
    }
  }
}

/**
 * Runs a save plan in order, stopping at the first failure. Every call is conditional on the number
 * being as the save last saw it (`expected_updated_at`: the number it was planned from, then each
 * answer's), so nothing someone else changed meanwhile is overwritten. Each answer is reconciled into
 * the cache as soon as it arrives, so a later failure never hides what was already applied. After an
 * unclear answer or a refusal the number is read again: a call whose change is there counts as done.
 */
export async function executeSavePlan(queryClient: QueryClient, variables: SaveVariables): Promise<SaveResult> {
  const { calls, desired } = variables
  if (variables.cancel?.signal.aborted) throw new SaveCancelledError()
  let latest = variables.number
  const absorb = async (records: PhoneNumber[], publishedVersionIds: string[]) => {
    // A list fetch that started before this answer must not land after it with older rows; its
    // cancellation restores the previous data, so it has to finish before the records go in.
    const lists = phoneNumberQueries.lists()
    const interrupted = queryClient.getQueryCache().findAll({ queryKey: lists, fetchStatus: 'fetching' })
    await queryClient.cancelQueries({ queryKey: lists })
    reconcileSavedNumbers(queryClient, records, publishedVersionIds)
    latest = records.find((record) => record.id === latest.id) ?? latest
    // Those fetches were still wanted (a new sort or page shows placeholder rows until its own arrive):
    // send them again, now that the write is in.
    if (interrupted.length > 0) {
      void queryClient.refetchQueries({ predicate: (query) => interrupted.includes(query), type: 'active' })
    }
  }
  type Stop = Pick<StoppedSave, 'outcome' | 'cause' | 'expected' | 'current' | 'changedBy'>
  const stop = (index: number, stopped: Stop) =>
    new SaveError({
      applied: calls.slice(0, index),
      failed: calls[index]!,
      notAttempted: calls.slice(index + 1),
      desired,
      ...stopped,
    })

  // Someone else's change refused (or held back) the save: say whose, from the history.
  const conflict = async (index: number, cause: unknown, expected: PhoneNumber, now: PhoneNumber) => {
    const changedBy = await changesByOthers(now.id, expected.updated_at, variables.actor)
    return stop(index, { outcome: 'conflict', cause, expected, current: now, changedBy })
  }

  for (const [index, call] of calls.entries()) {
    // Conditional on the number as the save last saw it: as planned from, then as each answer left it.
    const request = writeRequest(call, () => latest.updated_at)
    try {
      // Every publish call publishes the version in its path (API.md, semantics step 1).
      await absorb(await sendCall(request, variables.onRateLimitWait), publishedBy(call))
      continue
    } catch (cause) {
      const refused = isApiError(cause) && cause.isPreconditionFailed
      if (!isApiError(cause) || !(refused || cause.isAmbiguous)) {
        // Refused as a draft or as archived: the cached agents were stale, and the next plan needs them right.
        if (isApiError(cause) && STALE_AGENTS_CODES.has(cause.code)) {
          void queryClient.invalidateQueries({ queryKey: agentQueries.all() })
        }
        throw stop(index, { outcome: 'not_applied', cause, expected: latest, current: null })
      }
      const before = latest
      if (call.kind === 'publish') {
        // A publish naming no numbers leaves no trace on the number, and has no precondition to be refused
        // by: reading the number says nothing of it (someone else's change there is no conflict). Only the
        // agents can say whether it went through.
        void queryClient.invalidateQueries({ queryKey: agentQueries.all() })
        throw stop(index, { outcome: 'unknown', cause, expected: before, current: null })
      }
      let now: PhoneNumber
      try {
        now = await getPhoneNumber(before.id)
      } catch {
        // The page could not look, so the cached rows (and a draft's published flag) may be stale: read them again.
        void queryClient.invalidateQueries({ queryKey: phoneNumberQueries.lists() })
        if (draftsPublishedBy([call]).length > 0) void queryClient.invalidateQueries({ queryKey: agentQueries.all() })
        throw stop(index, { outcome: refused ? 'conflict' : 'unknown', cause, expected: before, current: null })
      }
      const catalog = catalogOf(queryClient.getQueryData(agentQueries.list().queryKey) ?? [])
      const check = checkCall(call, before, now, catalog)
      // A deploy found applied published its version, as a successful one does.
      await absorb([now], check.applied && call.kind === 'deploy' ? [call.versionId] : [])
      if (check.applied) {
        // The number holds what the user wanted: the answer was lost, or an earlier attempt went through
        // after all (its resend, conditional like every call, was refused). The save goes on, unless
        // someone else changed other fields meanwhile: the rest is then not sent over their change.
        if (check.changedBySomeoneElse.length === 0 || index === calls.length - 1) continue
        throw await conflict(index + 1, cause, afterCall(call, before, catalog), now)
      }
      if (refused || check.changedBySomeoneElse.length > 0) throw await conflict(index, cause, before, now)
      // Not there yet, which does not mean it never will be (a request that timed out may be taken in later).
      recheckLater(queryClient, now.id, now.updated_at)
      throw stop(index, { outcome: 'unknown', cause, expected: before, current: now })
    }
  }
  return { number: latest }
}

/** The versions a call publishes when it goes through: every publish call publishes the version in its path. */
function publishedBy(call: WriteCall): string[] {
  return call.kind === 'publish' || call.kind === 'deploy' || call.kind === 'unassign' ? [call.versionId] : []
}

/** Refusals that mean the cached agents were wrong about a version (a draft, an archived agent). */
const STALE_AGENTS_CODES = new Set(['version_not_published', 'agent_archived'])

export function useSavePhoneNumber(numberId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: [...SAVE_MUTATION_KEY, numberId],
    // A failure reported after its dialog closed (components/save-notices.tsx) must outlive a coffee break.
    gcTime: SAVE_OUTCOME_KEPT_MS,
    // Saves of one number run one after another; different numbers in parallel.
    scope: { id: `phone-number:${numberId}` },
    mutationFn: (variables: SaveVariables) => executeSavePlan(queryClient, variables),
    onSettled: () => {
      // Filters and sort order may no longer hold for the saved rows: mark lists stale without refetching now.
      void queryClient.invalidateQueries({ queryKey: phoneNumberQueries.lists(), refetchType: 'none' })
      // A failed save may still have applied some calls: the usage counts are read again either way.
      void refreshAgentUsage(queryClient)
    },
  })
}
