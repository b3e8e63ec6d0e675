import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { WritePlanner, type WritePlan, type WriteTarget } from '@/features/phone-numbers/domain/writes/plan-writes'
import { inSlices } from '@/features/phone-numbers/jobs/yield-to-browser'

/** planWrites for many numbers without a long task: the same plan, built in slices. */
export async function planInSlices(
  targets: readonly WriteTarget[],
  catalog: AgentCatalog,
  signal?: AbortSignal,
): Promise<WritePlan> {
  const planner = new WritePlanner(catalog)
  await inSlices(targets, (target) => planner.add(target), signal)
  return planner.finish()
}
