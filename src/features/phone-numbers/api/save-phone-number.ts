import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { publishAgentVersion } from '@/features/agents/api/publish-agent-version'
import { phoneNumberQueries } from '@/features/phone-numbers/api/phone-number-queries'
import { updatePhoneNumber } from '@/features/phone-numbers/api/update-phone-number'
import type { PlannedCall } from '@/features/phone-numbers/domain/plan-save'
import { reconcileSavedNumbers } from '@/features/phone-numbers/domain/reconcile'
import type { PhoneNumber } from '@/types/api'

/** A save that stopped at one call: the calls before it stay applied (and are in the cache). */
export class SaveError extends Error {
  override readonly name = 'SaveError'
  constructor(
    readonly applied: PlannedCall[],
    readonly failed: PlannedCall,
    readonly notAttempted: PlannedCall[],
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : 'The save failed.')
  }
}

export interface SaveVariables {
  numberId: string
  calls: PlannedCall[]
}

async function sendCall(call: PlannedCall): Promise<PhoneNumber[]> {
  if (call.kind === 'patch') return [await updatePhoneNumber(call.numberId, call.body)]
  return publishAgentVersion(call.agentId, call.versionId, call.body)
}

/**
 * Runs a save plan in order, stopping at the first failure. Each response is reconciled into the
 * cache as soon as it arrives, so a later failure never hides what was already applied.
 */
export async function executeSavePlan(queryClient: QueryClient, calls: PlannedCall[]): Promise<PhoneNumber[]> {
  const records: PhoneNumber[] = []
  for (const [index, call] of calls.entries()) {
    let result: PhoneNumber[]
    try {
      result = await sendCall(call)
    } catch (cause) {
      throw new SaveError(calls.slice(0, index), call, calls.slice(index + 1), cause)
    }
    // Every publish call publishes the version in its path (API.md, semantics step 1).
    reconcileSavedNumbers(queryClient, result, call.kind === 'patch' ? [] : [call.versionId])
    records.push(...result)
  }
  return records
}

export function useSavePhoneNumber(numberId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    // Saves of one number run one after another; different numbers in parallel.
    scope: { id: `phone-number:${numberId}` },
    mutationFn: ({ calls }: SaveVariables) => executeSavePlan(queryClient, calls),
    onMutate: async () => {
      // A list fetch that started before the save must not land after it with older rows.
      await queryClient.cancelQueries({ queryKey: phoneNumberQueries.lists() })
    },
    onSettled: () =>
      // Filters and sort order may no longer hold for the saved rows: mark lists stale without refetching now.
      queryClient.invalidateQueries({ queryKey: phoneNumberQueries.lists(), refetchType: 'none' }),
  })
}
