import type { WriteCall } from '@/features/phone-numbers/domain/writes/plan-writes'
import type { InboundCanary } from '@/types/api'

/**
 * Two facts about writes that the planner, the job runner, the save notices and the undo all ask:
 * whether two canaries are the same, and which drafts a set of calls publishes.
 */

/** The same canary: both none, or the same version at the same share. */
export function sameCanary(a: InboundCanary | null, b: InboundCanary | null): boolean {
  return a === b || (a !== null && b !== null && a.agent_version_id === b.agent_version_id && a.percent === b.percent)
}

/** The drafts these calls publish when they go through (a canary's publish, a deploy of a draft), each once. */
export function draftsPublishedBy(calls: readonly WriteCall[]): string[] {
  const drafts = calls.flatMap((call) =>
    call.kind === 'publish' || (call.kind === 'deploy' && call.publishesDraft) ? [call.versionId] : [],
  )
  return [...new Set(drafts)]
}
