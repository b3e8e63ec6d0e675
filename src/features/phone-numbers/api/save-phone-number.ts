import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { agentQueries } from '@/features/agents/api/agent-queries'
import { publishAgentVersion } from '@/features/agents/api/publish-agent-version'
import { catalogOf } from '@/features/agents/domain/agent-catalog'
import { getPhoneNumber, phoneNumberQueries } from '@/features/phone-numbers/api/phone-number-queries'
import { updatePhoneNumber } from '@/features/phone-numbers/api/update-phone-number'
import { reconcileSavedNumbers } from '@/features/phone-numbers/api/reconcile-cache'
import type { DesiredNumberState } from '@/features/phone-numbers/domain/desired-state'
import type { PlannedCall } from '@/features/phone-numbers/domain/plan-save'
import { callTookEffect, differencesFromDesired, type SaveField } from '@/features/phone-numbers/domain/save-outcome'
import { isApiError } from '@/lib/api-error'
import type { PhoneNumber } from '@/types/api'

/** A 429 says the call was not applied: it may be sent again after Retry-After, a few times. */
const MAX_RATE_LIMIT_RETRIES = 2
const MAX_RETRY_AFTER_SECONDS = 10

/**
 * A save that stopped at one call. The calls before it stay applied (and are in the cache). When
 * the failure was ambiguous (5xx, timeout, lost answer) the number was read again: `failedCallApplied`
 * then says the failed call did not take effect (false) or that the page could not tell (null); a
 * call found applied is no failure, and the save went on.
 */
export class SaveError extends Error {
  override readonly name = 'SaveError'
  constructor(
    readonly applied: PlannedCall[],
    readonly failed: PlannedCall,
    readonly notAttempted: PlannedCall[],
    override readonly cause: unknown,
    readonly failedCallApplied: false | null = false,
  ) {
    super(cause instanceof Error ? cause.message : 'The save failed.')
  }
}

/** Every save's mutation key starts with this; the page's notices follow them all (components/save-notices.tsx). */
export const SAVE_MUTATION_KEY = [...phoneNumberQueries.all(), 'save'] as const

const SAVE_OUTCOME_KEPT_MS = 60 * 60_000

export interface SaveVariables {
  number: PhoneNumber
  calls: PlannedCall[]
  desired: DesiredNumberState
  /** What the page says once the save went through, worded when it was planned (a draft it publishes reads "published v3"). */
  savedMessage?: string
  /** Aborted: a save still queued (offline) is dropped before anything is sent. */
  cancel?: AbortController
  /** Told when a 429 makes the save wait this many seconds before sending the call again. */
  onRateLimitWait?: (seconds: number) => void
}

/** A queued save was cancelled before it sent anything. */
export class SaveCancelledError extends Error {
  override readonly name = 'SaveCancelledError'
  constructor() {
    super('The save was cancelled before anything was sent.')
  }
}

export interface SaveResult {
  /** The number as the server holds it after the save. */
  number: PhoneNumber
  /** Fields that do not show what the user chose: someone else changed them meanwhile. */
  conflicts: SaveField[]
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function sendCall(call: PlannedCall, onRateLimitWait?: (seconds: number) => void): Promise<PhoneNumber[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      if (call.kind === 'patch') return [await updatePhoneNumber(call.numberId, call.body)]
      return await publishAgentVersion(call.agentId, call.versionId, call.body)
    } catch (error) {
      if (!isApiError(error) || error.status !== 429 || attempt >= MAX_RATE_LIMIT_RETRIES) throw error
      const seconds = Math.min(error.retryAfterSeconds ?? 1, MAX_RETRY_AFTER_SECONDS)
      onRateLimitWait?.(seconds)
      await wait(seconds * 1000)
    }
  }
}

/**
 * Runs a save plan in order, stopping at the first failure. Each response is reconciled into the
 * cache as soon as it arrives, so a later failure never hides what was already applied; after an
 * ambiguous failure the number is read again so the page shows what the server really holds.
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

  for (const [index, call] of calls.entries()) {
    try {
      // Every publish call publishes the version in its path (API.md, semantics step 1).
      await absorb(await sendCall(call, variables.onRateLimitWait), call.kind === 'patch' ? [] : [call.versionId])
    } catch (cause) {
      let failedCallApplied: boolean | null = false
      if (isApiError(cause) && cause.isAmbiguous) {
        try {
          const fresh = await getPhoneNumber(latest.id)
          // The agents as cached now: a clear took effect when the slot no longer holds the agent's versions.
          const catalog = catalogOf(queryClient.getQueryData(agentQueries.list().queryKey) ?? [])
          failedCallApplied = callTookEffect(call, fresh, catalog)
          // A deploy that took effect published its version, as a successful one does.
          await absorb([fresh], failedCallApplied && call.kind === 'deploy' ? [call.versionId] : [])
        } catch {
          failedCallApplied = null
          // The page could not check, so the cached rows (and a draft's published flag) may be stale: read them again.
          void queryClient.invalidateQueries({ queryKey: phoneNumberQueries.lists() })
          if (call.kind === 'deploy' && call.publishesDraft)
            void queryClient.invalidateQueries({ queryKey: agentQueries.all() })
        }
      }
      // The answer was lost but the call took effect: it succeeded, so the save goes on.
      if (failedCallApplied) continue
      throw new SaveError(calls.slice(0, index), call, calls.slice(index + 1), cause, failedCallApplied)
    }
  }
  return { number: latest, conflicts: differencesFromDesired(latest, desired) }
}

export function useSavePhoneNumber(numberId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: [...SAVE_MUTATION_KEY, numberId],
    // A failure reported after its dialog closed (components/save-notices.tsx) must outlive a coffee break.
    gcTime: SAVE_OUTCOME_KEPT_MS,
    // Saves of one number run one after another; different numbers in parallel.
    scope: { id: `phone-number:${numberId}` },
    mutationFn: (variables: SaveVariables) => executeSavePlan(queryClient, variables),
    onSettled: () =>
      // Filters and sort order may no longer hold for the saved rows: mark lists stale without refetching now.
      queryClient.invalidateQueries({ queryKey: phoneNumberQueries.lists(), refetchType: 'none' }),
  })
}
