import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { normalizeText, type DesiredNumberState } from '@/features/phone-numbers/domain/desired-state'
import { describeSlot, numberTitle } from '@/features/phone-numbers/domain/number-view'
import { SIDE_NAMES, SIDES, SLOT_FIELD, type Side } from '@/features/phone-numbers/domain/sides'
import type { Permissions } from '@/features/session/use-session'
import type { AgentVersion, PhoneNumber } from '@/types/api'

/**
 * Every sentence the page says about a save before it is sent: what Save will do, why it cannot,
 * what a field means (how a save ended is in save-outcome-messages.ts). Kept together so the words
 * stay consistent (a side is always "Inbound", a slot always "Front Desk v2").
 */

const TEXT_FIELD_NAMES = { nickname: 'Nickname', label: 'Label' } as const
export type TextField = keyof typeof TEXT_FIELD_NAMES

/** Fixed sentences of the edit dialog. */
export const SAVE_TEXT = {
  loadingAgents: 'Loading agents…',
  clearsSide: 'Saving clears this side.',
  offline:
    'You are offline. The save will be sent when the connection returns. You may close this dialog: the page will say how it went.',
} as const

const TEXT_HINTS: Record<TextField, string> = {
  nickname: 'Shown in tables and selectors.',
  label: 'Internal accounting label.',
}

/** The hint under a text field; only a field the key may change says how to clear it. */
export function textHint(field: TextField, editable: boolean): string {
  return editable ? `${TEXT_HINTS[field]} Leave empty to clear.` : TEXT_HINTS[field]
}

/** What the summary says before anything changed: only what this key may change. */
export function nothingToSave(permissions: Pick<Permissions, 'canRoute' | 'canRename'>): string {
  return permissions.canRoute
    ? 'Nothing yet: change a side, the nickname or the label.'
    : 'Nothing yet: change the nickname or the label.'
}

/** `Front Desk v2`, `None`, or `an unknown version`, for sentences. */
export function slotInWords(versionId: string | null, catalog: AgentCatalog): string {
  const view = describeSlot(versionId, catalog)
  if (view.kind === 'empty') return 'None'
  if (view.kind === 'unknown') return 'an unknown version'
  return `${view.agentName} v${view.version}`
}

/**
 * One line per side and field, in words: what Save will do (`planned`), or, for the message after
 * it went through, what it did (`done`: a draft "published", not "publishes").
 */
export function describeChanges(
  number: PhoneNumber,
  catalog: AgentCatalog,
  desired: DesiredNumberState,
  tense: 'planned' | 'done' = 'planned',
): string[] {
  const lines: string[] = []
  for (const side of SIDES) {
    const before = number[SLOT_FIELD[side]]
    const after = desired[side]
    if (before === after) continue
    const from = slotInWords(before, catalog)
    if (after === null) {
      lines.push(`${SIDE_NAMES[side]}: ${from} → cleared`)
      continue
    }
    const entry = catalog.versionById.get(after)
    const verb = tense === 'planned' ? 'publishes' : 'published'
    const publishes = entry && !entry.version.published ? ` (${verb} v${entry.version.version})` : ''
    lines.push(`${SIDE_NAMES[side]}: ${from} → ${slotInWords(after, catalog)}${publishes}`)
  }
  for (const field of ['nickname', 'label'] as const) {
    const before = number[field]
    const after = normalizeText(desired[field])
    if (before === after) continue
    const name = TEXT_FIELD_NAMES[field]
    lines.push(
      after === null
        ? `${name}: “${before}” → cleared`
        : `${name}: ${before === null ? 'none' : `“${before}”`} → “${after}”`,
    )
  }
  return lines
}

/** The message after a save went through: `number` and `catalog` as they were before it. */
export function savedMessage(number: PhoneNumber, catalog: AgentCatalog, desired: DesiredNumberState): string {
  return `Saved ${numberTitle(number)}: ${describeChanges(number, catalog, desired, 'done').join('; ')}.`
}

/** Why the pickers (or every field) are read-only; null when the key may change routing. */
export function routingNote(permissions: Pick<Permissions, 'canRoute' | 'canRename'>): string | null {
  if (permissions.canRoute) return null
  return permissions.canRename
    ? 'Your key can rename numbers but not change routing.'
    : 'Your key can view numbers but not change them.'
}

/** The Save button while a 429 makes the save wait before sending again. */
export function rateLimitWaitLabel(seconds: number): string {
  return `Rate-limited: retrying in ${seconds} s…`
}

/** After a reconnect with a key of fewer scopes: `Inbound and Nickname`. */
export function droppedByKeyNote(fields: string[]): string {
  const list = fields.length === 1 ? fields[0] : `${fields.slice(0, -1).join(', ')} and ${fields.at(-1)}`
  return `The key now in use may not change ${list}: ${fields.length === 1 ? 'that change was' : 'those changes were'} dropped, the rest is kept.`
}

export function draftNote(version: AgentVersion): string {
  return `v${version.version} is a draft: saving publishes it.`
}

export function unknownHeldNote(versionId: string): string {
  return `This side holds a version the agents list does not show (${versionId}). Saving keeps it unless you choose another.`
}

/** Form validation, in words. */
export const validationMessages = {
  tooLong: (field: TextField, length: number, max: number) =>
    `${TEXT_FIELD_NAMES[field]} can be at most ${max} characters; this one has ${length}.`,
  versionRequired: (side: Side) => `Choose a version for the ${side} side.`,
}

/** Why a choice cannot be turned into API calls (the planner refuses before sending anything). */
export const planErrorMessages = {
  cannotClearUnknown: (side: Side) =>
    `${SIDE_NAMES[side]} holds a version that is not in the agent list, so it cannot be cleared. Reload and try again.`,
  unknownVersion: (side: Side) => `${SIDE_NAMES[side]}: the chosen version is not in the agent list.`,
  archivedAgent: (side: Side, agentName: string) =>
    `${SIDE_NAMES[side]}: ${agentName} is archived, so its versions cannot be deployed.`,
}

export function textFieldName(field: TextField): string {
  return TEXT_FIELD_NAMES[field]
}

/** Asked before unsaved changes are discarded. */
export const DISCARD_TEXT = {
  question: 'Discard your changes?',
  explanation: 'They have not been saved.',
  keep: 'Keep editing',
  discard: 'Discard changes',
} as const

/** Why Save waits: an earlier save of the same number has not ended (it may change what this one must send). */
export const EARLIER_SAVE_RUNNING =
  'An earlier save of this number is still running: Save is possible once it has ended.'
