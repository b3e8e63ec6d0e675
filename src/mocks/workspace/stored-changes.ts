import type { AgentStore } from '@/mocks/workspace/agent-store'
import { expandEvent, type EventLog } from '@/mocks/workspace/event-log'
import type { NumberRows } from '@/mocks/workspace/number-rows'
import type { WorkspaceChanges } from '@/mocks/workspace/workspace-data'

/**
 * Takes stored changes into a workspace (a reload, another tab's writes): a number held in a later
 * state than the stored one keeps it; events join the history (those of numbers this workspace does
 * not have are dropped, as the numbers are).
 */
export function applyStoredChanges(
  changes: WorkspaceChanges,
  rows: NumberRows,
  agents: AgentStore,
  events: EventLog,
): void {
  for (const saved of changes.numbers) {
    const index = rows.indexOfId(saved.id)
    if (index === undefined || rows.phoneNumber(index) !== saved.phone_number) continue
    if (rows.record(index).updated_at > saved.updated_at) continue
    rows.write(index, saved, saved.updated_at)
  }
  agents.applyChanges(changes.publishedVersionIds, changes.agentsUpdatedAt)
  events.add(
    (changes.events ?? []).flatMap((stored) => {
      const index = rows.indexOfId(stored[4])
      const event = index === undefined ? null : expandEvent(stored, rows.phoneNumber(index))
      return event ? [event] : []
    }),
  )
}
