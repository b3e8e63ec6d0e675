import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { agentQueries } from '@/features/agents/api/agent-queries'
import { catalogOf } from '@/features/agents/domain/agent-catalog'
import { phoneNumberQueries } from '@/features/phone-numbers/api/phone-number-queries'
import { refreshAgentUsage } from '@/features/phone-numbers/api/agent-usage-queries'
import { reconcileSavedNumbers } from '@/features/phone-numbers/api/reconcile-cache'
import { JobNumbers } from '@/features/phone-numbers/domain/writes/job-numbers'
import type { NumberOutcome } from '@/features/phone-numbers/domain/writes/number-outcome'
import { undoTargets, type SavedChange } from '@/features/phone-numbers/domain/writes/plan-undo'
import { planWrites } from '@/features/phone-numbers/domain/writes/plan-writes'
import { platformWriteApi } from '@/features/phone-numbers/jobs/platform-write-api'
import { runWrites } from '@/features/phone-numbers/jobs/run-writes'

/** Every undo's mutation key: the page's notices follow them (components/undo-notices.tsx). */
export const UNDO_MUTATION_KEY = [...phoneNumberQueries.all(), 'undo'] as const

export interface UndoVariables {
  /** What the save changed, number by number: as it found them and as it left them. */
  changes: SavedChange[]
  /** How the notices name the save ("Main Support Line"). */
  title: string
  /** X-Change-Reason of every call ("Undo: …"). */
  reason: string
  /** Drafts the save published: they stay published, and the outcome says so. */
  publishedByTheSave: string[]
}

export interface UndoResult {
  outcomes: NumberOutcome[]
}

/**
 * Puts back what a save changed: the fewest calls (planWrites), each conditional on the number being
 * as the save left it, so a number someone changed since is left alone and reported, never
 * overwritten. Every answer goes into the cached rows as it arrives.
 */
export async function undoSave(queryClient: QueryClient, variables: UndoVariables): Promise<UndoResult> {
  const catalog = catalogOf(queryClient.getQueryData(agentQueries.list().queryKey) ?? [])
  const targets = undoTargets(variables.changes)
  const outcomes = await runWrites({
    plan: planWrites(targets, catalog),
    numbers: JobNumbers.of(targets.map((target) => target.number)),
    api: platformWriteApi(variables.reason),
    onRecords: (records) => reconcileSavedNumbers(queryClient, records, []),
  })
  void queryClient.invalidateQueries({ queryKey: phoneNumberQueries.lists(), refetchType: 'none' })
  void refreshAgentUsage(queryClient)
  return { outcomes: [...outcomes] }
}

export function useUndoSave() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationKey: UNDO_MUTATION_KEY,
    gcTime: 60 * 60_000,
    mutationFn: (variables: UndoVariables) => undoSave(queryClient, variables),
  })
}
