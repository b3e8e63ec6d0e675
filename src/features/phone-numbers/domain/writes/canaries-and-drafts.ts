import type { WriteCall } from '@/features/phone-numbers/domain/writes/plan-writes'
import type { InboundCanary } from '@/types/api'

/**
 * Facts about writes that the planner, the job runner, the save notices and the undo all ask:
 * whether two canaries are the same, which canary a slot change leaves, and which drafts a set of
 * calls publishes.
 */

/** The same canary: both none, or the same version at the same share. */
export function sameCanary(a: InboundCanary | null, b: InboundCanary | null): boolean {
  return a === b || (a !== null && b !== null && a.agent_version_id === b.agent_version_id && a.percent === b.percent)
}

/**
 * The canary a number keeps when its inbound slot comes to hold `inbound` (API.md): none when the slot
 * is cleared or takes the canary's own version (promoted), else the same one.
 */
export function canaryLeftBySlot(canary: InboundCanary | null, inbound: string | null): InboundCanary | null {
  return inbound === null || inbound === canary?.agent_version_id ? null : canary
}

/** The drafts these calls publish when they go through (a canary's publish, a deploy of a draft), each once. */
export function draftsPublishedBy(calls: readonly WriteCall[]): string[] {
  const drafts = calls.flatMap((call) =>
    call.kind === 'publish' || (call.kind === 'deploy' && call.publishesDraft) ? [call.versionId] : [],
  )
  return [...new Set(drafts)]
}
