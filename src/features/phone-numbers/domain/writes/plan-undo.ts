import type { JobNumber, WantedFields, WriteTarget } from '@/features/phone-numbers/domain/writes/plan-writes'
import { sameCanary } from '@/features/phone-numbers/domain/writes/canaries-and-drafts'

/** One number as a save found it and as the save left it (the save's last response for it). */
export interface SavedChange {
  before: JobNumber
  after: JobNumber
}

/**
 * What undoing saves asks of each number: the fields the save changed, back to their old values,
 * from the state the save left (so the plan's preconditions are the save's own `updated_at`: a
 * number changed since is refused by the server, never overwritten). Numbers the save left as they
 * were need nothing. Plan the result with planWrites.
 */
export function undoTargets(changes: readonly SavedChange[]): WriteTarget[] {
  const targets: WriteTarget[] = []
  for (const { before, after } of changes) {
    const wanted = undoWanted(before, after)
    if (wanted) targets.push({ number: after, wanted })
  }
  return targets
}

/** What undoing one number's change asks of it (from `after`), null when the change left it as it was. */
export function undoWanted(before: JobNumber, after: JobNumber): WantedFields | null {
  const wanted: WantedFields = {}
  if (before.inbound_agent_version_id !== after.inbound_agent_version_id) {
    wanted.inbound = before.inbound_agent_version_id
  }
  if (before.outbound_agent_version_id !== after.outbound_agent_version_id) {
    wanted.outbound = before.outbound_agent_version_id
  }
  if (!sameCanary(before.inbound_canary, after.inbound_canary)) wanted.canary = before.inbound_canary
  if (before.nickname !== after.nickname) wanted.nickname = before.nickname
  if (before.label !== after.label) wanted.label = before.label
  if (before.inbound_webhook_url !== after.inbound_webhook_url) wanted.webhook = before.inbound_webhook_url
  return Object.keys(wanted).length > 0 ? wanted : null
}
