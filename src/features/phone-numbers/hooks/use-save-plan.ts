import { useMemo } from 'react'
import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import type { DesiredNumberState } from '@/features/phone-numbers/domain/desired-state'
import { desiredStateFromValues, type EditNumberFormValues } from '@/features/phone-numbers/domain/edit-number-form'
import { PlanError, planSave } from '@/features/phone-numbers/domain/plan-save'
import type { WriteCall } from '@/features/phone-numbers/domain/writes/plan-writes'
import { describeChanges } from '@/features/phone-numbers/domain/save-messages'
import type { PhoneNumber } from '@/types/api'

interface SavePlan {
  desired: DesiredNumberState
  /** The calls Save sends; empty when nothing changed or the choice cannot be planned. */
  calls: WriteCall[]
  /** Why the choice cannot be turned into calls, in words; null when it can. */
  error: string | null
  /** What Save will do, one line per side and field. */
  changes: string[]
}

/**
 * What Save would do with the form's values, planned once per change of the number, the agents or
 * the values, and shared by the summary, the Save button and the submit. Planned against the number
 * as it stands now, so after a partial failure only what is left is sent.
 */
export function useSavePlan(number: PhoneNumber, catalog: AgentCatalog, values: EditNumberFormValues): SavePlan {
  return useMemo(() => {
    const desired = desiredStateFromValues(values)
    const changes = describeChanges(number, catalog, desired)
    try {
      return { desired, calls: planSave(number, catalog, desired), error: null, changes }
    } catch (error) {
      if (!(error instanceof PlanError)) throw error
      return { desired, calls: [], error: error.message, changes }
    }
  }, [number, catalog, values])
}
