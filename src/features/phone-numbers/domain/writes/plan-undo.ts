import type { JobNumber, WantedFields, WriteTarget } from '@/features/phone-numbers/domain/writes/plan-writes'
import { sameText } from '@/features/phone-numbers/domain/desired-state'
import { canaryLeftBySlot, sameCanary } from '@/features/phone-numbers/domain/writes/canaries-and-drafts'
import {
  changedFields,
  NUMBER_FIELDS,
  PROPERTY_OF,
  sameField,
  type NumberField,
} from '@/features/phone-numbers/domain/number-fields'

/**
 * What undoing a write must put back: the number as the write left it (`after`), with the fields it
 * asked to change as it found them (`asRead`). The canary counts as asked when the inbound side is
 * (a deploy promotes it, clearing the side takes it), as long as it is still what that left. Any
 * other field that differs was changed by someone else while the write ran (an unclear reply found
 * applied) or before a Retry failed: it is theirs, and undoing the write must not undo it.
 */
export function beforeTheWrite<T extends JobNumber>(asRead: JobNumber, after: T, asked: readonly NumberField[]): T {
  const fields = new Set(asked)
  const leftByInbound = canaryLeftBySlot(asRead.inbound_canary, after.inbound_agent_version_id)
  if (fields.has('inbound') && sameCanary(after.inbound_canary, leftByInbound)) fields.add('canary')
  const before = { ...after }
  for (const field of fields) Object.assign(before, { [PROPERTY_OF[field]]: asRead[PROPERTY_OF[field]] })
  return before
}

/**
 * Of the fields a write asked for, those the number still holds as asked: the write's own doing, for
 * Undo to put back. One someone else changed since (after a Retry failed read it again, say) is theirs.
 */
export function fieldsStillAsAsked(asked: WantedFields, now: JobNumber): NumberField[] {
  return (Object.keys(asked) as NumberField[]).filter((field) => {
    const value = asked[field]
    const held = now[PROPERTY_OF[field]]
    if (field === 'canary') return sameCanary(now.inbound_canary, asked.canary ?? null)
    if (field === 'nickname' || field === 'label') return sameText(held as string | null, value as string | null)
    return held === value
  })
}

/**
 * Whether a number read again after a write with no clear answer differs from what the job last knew
 * of it (`known`) only as the job asked: each field as it was or as asked, the canary as the inbound
 * side it holds leaves it when that side was asked, every other field as it was. Otherwise someone
 * else changed it too, and undoing it on what was read could undo their change with the job's.
 */
export function changedOnlyAsAsked(known: JobNumber, now: JobNumber, asked: WantedFields): boolean {
  const held = new Set(fieldsStillAsAsked(asked, now))
  const canaryLeft = canaryLeftBySlot(known.inbound_canary, now.inbound_agent_version_id)
  return NUMBER_FIELDS.every(
    (field) =>
      sameField(field, known, now) ||
      held.has(field) ||
      (field === 'canary' && 'inbound' in asked && sameCanary(now.inbound_canary, canaryLeft)),
  )
}

/**
 * What undoing a job asks of one of its numbers: of the fields the job asked of it as read (`asked`),
 * those it still holds as asked, back as read. Null when there is nothing of the job's on it.
 */
export function jobUndoWanted(asRead: JobNumber, lastSeen: JobNumber, asked: WantedFields | null): WantedFields | null {
  return undoWanted(beforeTheWrite(asRead, lastSeen, fieldsStillAsAsked(asked ?? {}, lastSeen)), lastSeen)
}

/** One number as a save found it (the fields it changed: beforeTheWrite) and as it left it (its last response). */
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
  const changed = changedFields(before, after)
  if (changed.length === 0) return null
  return Object.fromEntries(changed.map((field) => [field, before[PROPERTY_OF[field]]]))
}
