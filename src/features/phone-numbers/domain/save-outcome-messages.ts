import { quoted } from '@/lib/bidi'
import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import type { WriteCall } from '@/features/phone-numbers/domain/writes/plan-writes'
import { slotInWords } from '@/features/phone-numbers/domain/number-view'
import { canaryInWords, textFieldName } from '@/features/phone-numbers/domain/save-messages'
import { checkCall, fieldsChosen, type StoppedSave } from '@/features/phone-numbers/domain/save-outcome'
import { changedFields, type NumberField } from '@/features/phone-numbers/domain/number-fields'
import { SIDE_NAMES, SLOT_FIELD } from '@/features/phone-numbers/domain/sides'
import { isApiError } from '@/lib/api-error'
import { asSentence } from '@/lib/as-sentence'
import { changeTimeInWords } from '@/lib/changed-numbers'
import type { PhoneNumber } from '@/types/api'

/**
 * Every sentence the page says about how a save ended: what was and was not applied, what someone
 * else changed meanwhile, and a write whose outcome is unknown.
 */

/** Fixed sentences about a save's outcome. */
export const SAVE_OUTCOME_TEXT = {
  conflictHeadline: 'Someone else changed this number after you opened it: nothing of theirs was overwritten.',
  conflictAdvice:
    'Fields you had not changed now show the new values and your changes are kept: Save sends only your changes, over the new state.',
  conflictUnread: 'The page could not read the number again, so the table may not show their change yet.',
  conflictInvisible:
    'What it holds now looks as before (their change was undone since, or is in a field this dialog does not show).',
  unknownAdvice:
    'Saving again is safe: if the first attempt did go through, the server refuses the second and the page reports your change as applied.',
  unknownNotYet:
    'When the page read the number again, it had not been applied (yet): the page reads it again in a few seconds.',
  unknownUnread: 'The page could not read the number again to check.',
  unknownPublish:
    'A publish leaves no trace on the number: the page reads the agents again to see whether it went through.',
  appliedSince: 'Read again since: it has been applied.',
  failureAdvice:
    'Your choices are kept and the table shows what the server holds: Save sends only what is still needed.',
} as const

const PATCH_FIELD_NAMES = { nickname: 'nickname', label: 'label', inbound_webhook_url: 'webhook URL' } as const

/** A planned call in words, for "what was and was not applied". */
export function describeCall(call: WriteCall, catalog: AgentCatalog): string {
  switch (call.kind) {
    case 'patch': {
      const fields = (Object.keys(PATCH_FIELD_NAMES) as (keyof typeof PATCH_FIELD_NAMES)[])
        .filter((field) => field in call.fields)
        .map((field) => PATCH_FIELD_NAMES[field])
      const named = fields.length > 1 ? `${fields.slice(0, -1).join(', ')} and ${fields.at(-1)}` : (fields[0] ?? '')
      return `${named.charAt(0).toUpperCase()}${named.slice(1)} change`
    }
    case 'publish':
      return `Publish ${slotInWords(call.versionId, catalog)}`
    case 'set-canary':
      return `Canary → ${canaryInWords(call.canary, catalog)}`
    case 'remove-canary':
      return 'Canary removed'
  }
  const sides = call.direction === 'both' ? 'Inbound and outbound' : SIDE_NAMES[call.direction]
  if (call.kind === 'unassign') return `${sides} cleared`
  return `${sides} → ${slotInWords(call.versionId, catalog)}`
}

export function callsInWords(
  heading: 'Applied' | 'Not sent' | 'Not applied',
  calls: WriteCall[],
  catalog: AgentCatalog,
): string {
  return `${heading}: ${calls.map((call) => describeCall(call, catalog)).join('; ')}.`
}

export function nothingSaved(reason: string): string {
  return `Nothing was saved: ${reason}`
}

/** One field's new value: `changed to Reminders v2`, `was cleared`. */
function changeOf(field: NumberField, now: PhoneNumber, catalog: AgentCatalog): string {
  switch (field) {
    case 'inbound':
    case 'outbound': {
      const held = now[SLOT_FIELD[field]]
      return held === null ? 'was cleared' : `changed to ${slotInWords(held, catalog)}`
    }
    case 'canary': {
      const canary = now.inbound_canary
      return canary === null
        ? 'was removed'
        : `changed to ${slotInWords(canary.agent_version_id, catalog)} at ${canary.percent} %`
    }
    case 'webhook':
      return now.inbound_webhook_url === null ? 'was cleared' : `changed to ${now.inbound_webhook_url}`
    default: {
      const value = now[field]
      return value === null ? 'was cleared' : `changed to ${quoted(value)}`
    }
  }
}

const FIELD_NAMES: Record<Exclude<NumberField, 'nickname' | 'label'>, string> = {
  inbound: SIDE_NAMES.inbound,
  outbound: SIDE_NAMES.outbound,
  canary: 'The inbound canary',
  webhook: 'The inbound webhook URL',
}
const fieldName = (field: NumberField) =>
  field === 'nickname' || field === 'label' ? textFieldName(field) : FIELD_NAMES[field]

/**
 * What someone else changed, one sentence per field (a side's agent and version are one):
 * `Outbound changed to Reminders v2 since you opened this number.` A field the user changed too says
 * that Save would put the user's choice over it.
 */
export function changesSinceInWords(
  before: PhoneNumber,
  now: PhoneNumber,
  catalog: AgentCatalog,
  chosen: readonly NumberField[] = [],
): string[] {
  return changedFields(before, now).map((field) => {
    const alsoChosen = chosen.includes(field)
    const yours = alsoChosen ? ' You changed it too: Save would put your choice in its place.' : ''
    return `${fieldName(field)} ${changeOf(field, now, catalog)} since you opened this number.${yours}`
  })
}

/**
 * Fields a save had set that someone else changed right after it (found when its last answer was lost):
 * `Outbound changed to Sales v3 by someone else after your save: Undo leaves it.`
 */
export function changedAfterSaveInWords(
  fields: readonly NumberField[],
  now: PhoneNumber,
  catalog: AgentCatalog,
): string[] {
  return fields.map(
    (field) => `${fieldName(field)} ${changeOf(field, now, catalog)} by someone else after your save: Undo leaves it.`,
  )
}

/**
 * Whose change it was, and when: `Changed by another-admin at 08:12:44 UTC (“Move v2 numbers to v3”).`
 * from the change history, else when only (the number's `updated_at` as read again, or the 409's).
 */
export function whoChangedInWords(stopped: Pick<StoppedSave, 'changedBy' | 'current' | 'cause'>): string | null {
  const authors = stopped.changedBy ?? []
  const newest = authors[0]
  if (newest) {
    const names = [...new Set(authors.map((author) => author.actor))]
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
    const reason = newest.reason ? ` (${quoted(newest.reason)})` : ''
    return `Changed by ${list} ${changeTimeInWords(newest.at)}${reason}.`
  }
  const at =
    stopped.current?.updated_at ?? (isApiError(stopped.cause) ? stopped.cause.changedNumbers[0]?.updatedAt : null)
  const when = at ? changeTimeInWords(at) : ''
  return when ? `Changed ${when}.` : null
}

/**
 * Refusals whose own text may be terse or technical, in words that say what it means and what to do;
 * the server's message follows, as it may say more.
 */
const REFUSALS_IN_WORDS: Record<string, string> = {
  insufficient_scope: 'your key is not allowed to make this change',
  version_not_published:
    'the version is a draft, and only a published version can be a canary; saving again publishes it first',
  agent_archived: 'its agent is archived, so its versions can no longer be deployed, published or made a canary',
}

function reasonOf(cause: unknown): string {
  if (!(cause instanceof Error)) return 'the server gave no reason'
  const words = isApiError(cause) ? REFUSALS_IN_WORDS[cause.code] : undefined
  return words ? `${words} (the server said: ${quoted(cause.message)}).` : cause.message
}

/** What became of a save that stopped, in words: what happened, then what was and was not applied. */
export function saveFailureInWords(stopped: StoppedSave, catalog: AgentCatalog): string[] {
  const { applied, failed, notAttempted, outcome, expected, current } = stopped
  const call = describeCall(failed, catalog)
  const lines: string[] = []
  if (outcome === 'conflict') {
    lines.push(SAVE_OUTCOME_TEXT.conflictHeadline)
    const whom = whoChangedInWords(stopped)
    if (whom) lines.push(whom)
    if (current === null) lines.push(SAVE_OUTCOME_TEXT.conflictUnread)
    else {
      const changes = changesSinceInWords(expected, current, catalog, fieldsChosen(expected, stopped.desired))
      lines.push(...(changes.length > 0 ? changes : [SAVE_OUTCOME_TEXT.conflictInvisible]))
    }
    if (applied.length > 0) lines.push(callsInWords('Applied', applied, catalog))
    lines.push(callsInWords('Not applied', [failed, ...notAttempted], catalog))
    return lines
  }
  if (outcome === 'unknown') {
    lines.push(`${call}: ${asSentence(reasonOf(stopped.cause))} It may or may not have been applied.`)
    lines.push(
      failed.kind === 'publish'
        ? SAVE_OUTCOME_TEXT.unknownPublish
        : current === null
          ? SAVE_OUTCOME_TEXT.unknownUnread
          : SAVE_OUTCOME_TEXT.unknownNotYet,
    )
  } else {
    lines.push(`${call} failed and was not applied: ${reasonOf(stopped.cause)}`)
  }
  if (applied.length > 0) lines.push(callsInWords('Applied', applied, catalog))
  if (notAttempted.length > 0) lines.push(callsInWords('Not sent', notAttempted, catalog))
  return lines
}

/**
 * For a write whose outcome was unknown: what the number, as the page holds it now, says since
 * (the page reads it again a few seconds later). Null while nothing has changed.
 */
export function unknownOutcomeSince(stopped: StoppedSave, number: PhoneNumber, catalog: AgentCatalog): string | null {
  if (stopped.outcome !== 'unknown' || stopped.current === null) return null
  if (number.updated_at === stopped.current.updated_at) return null
  if (checkCall(stopped.failed, stopped.expected, number, catalog).applied) return SAVE_OUTCOME_TEXT.appliedSince
  return changesSinceInWords(stopped.expected, number, catalog, fieldsChosen(stopped.expected, stopped.desired)).join(
    ' ',
  )
}

/** Sentences of the page's notices about a save whose dialog was closed before it finished. */
export const detachedSaveText = {
  saving: (title: string) => `Saving ${title}…`,
  waiting: (title: string) => `Waiting for the connection to save ${title}.`,
  cancelled: (title: string) => `The save of ${title} was cancelled: nothing will be sent.`,
  failed: (title: string, failure: string[]) => [`${title} was not saved in full.`, ...failure],
  notSaved: (title: string, reason: string) => `${title}: ${nothingSaved(reason)}`,
}
