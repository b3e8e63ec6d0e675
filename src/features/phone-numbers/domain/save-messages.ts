import { isolated, quoted } from '@/lib/bidi'
import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import {
  normalizeText,
  normalizeUrl,
  sameText,
  type DesiredNumberState,
} from '@/features/phone-numbers/domain/desired-state'
import { numberInSentence, slotInWords } from '@/features/phone-numbers/domain/number-view'
import { SIDE_NAMES, SIDES, SLOT_FIELD, type Side } from '@/features/phone-numbers/domain/sides'
import type { Permissions } from '@/features/session/use-session'
import { formatCount } from '@/lib/format-count'
import {
  MAX_CANARY_PERCENT,
  MIN_CANARY_PERCENT,
  type AgentVersion,
  type InboundCanary,
  type PhoneNumber,
} from '@/types/api'

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
  if (!permissions.canRoute) return 'Nothing yet: change the nickname or the label.'
  return permissions.canRename
    ? 'Nothing yet: change a side, the canary, the webhook URL, the nickname or the label.'
    : 'Nothing yet: change a side or the canary.'
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
  const canary = canaryChangeInWords(number, catalog, desired, tense)
  if (canary) lines.push(canary)
  for (const field of ['nickname', 'label'] as const) {
    const before = number[field]
    const after = normalizeText(desired[field])
    if (sameText(before, after)) continue
    const was = before === null ? 'none' : quoted(before)
    lines.push(`${TEXT_FIELD_NAMES[field]}: ${was} → ${after === null ? 'cleared' : quoted(after)}`)
  }
  const webhook = webhookChangeInWords(number.inbound_webhook_url, normalizeUrl(desired.webhook))
  if (webhook) lines.push(webhook)
  return lines
}

/** A canary's percent the API takes: a whole number from 1 to 99. */
export function isCanaryPercent(percent: number): boolean {
  return Number.isInteger(percent) && percent >= MIN_CANARY_PERCENT && percent <= MAX_CANARY_PERCENT
}

/** `Front Desk v3 at 10 %`. */
export function canaryInWords(canary: InboundCanary, catalog: AgentCatalog): string {
  return `${slotInWords(canary.agent_version_id, catalog)} at ${canary.percent} %`
}

/**
 * The summary's canary line: added, changed, removed, promoted, removed with the inbound side, or
 * kept while the inbound version changes; null when nothing happens to it.
 */
function canaryChangeInWords(
  number: PhoneNumber,
  catalog: AgentCatalog,
  desired: DesiredNumberState,
  tense: 'planned' | 'done',
): string | null {
  const before = number.inbound_canary
  const after = desired.inbound === null ? null : desired.canary
  if (before !== null && after === null) {
    if (desired.inbound === null) return 'Canary removed with the inbound side'
    if (desired.inbound === before.agent_version_id) {
      return `Canary promoted: ${slotInWords(before.agent_version_id, catalog)} takes all inbound calls`
    }
    return `Canary removed (was ${canaryInWords(before, catalog)})`
  }
  if (after === null) return null
  if (!isCanaryPercent(after.percent)) {
    return `Canary: ${slotInWords(after.agent_version_id, catalog)} (choose a share from ${MIN_CANARY_PERCENT} to ${MAX_CANARY_PERCENT} %)`
  }
  if (before === null) return `Canary: ${canaryInWords(after, catalog)}${publishesNote(after, catalog, tense)}`
  if (before.agent_version_id === after.agent_version_id) {
    if (before.percent !== after.percent) return `Canary: ${canaryInWords(before, catalog)} → ${after.percent} %`
    return desired.inbound !== number.inbound_agent_version_id ? `Canary kept: ${canaryInWords(before, catalog)}` : null
  }
  return `Canary: ${canaryInWords(before, catalog)} → ${canaryInWords(after, catalog)}${publishesNote(after, catalog, tense)}`
}

function publishesNote(canary: InboundCanary, catalog: AgentCatalog, tense: 'planned' | 'done'): string {
  const entry = catalog.versionById.get(canary.agent_version_id)
  if (!entry || entry.version.published) return ''
  return ` (${tense === 'planned' ? 'publishes' : 'published'} v${entry.version.version})`
}

function webhookChangeInWords(before: string | null, after: string | null): string | null {
  if (before === after) return null
  if (after === null) return `Webhook: cleared (was ${before})`
  return before === null ? `Webhook: set to ${after}` : `Webhook: set to ${after} (was ${before})`
}

/** The message after a save went through: `number` and `catalog` as they were before it. */
export function savedMessage(number: PhoneNumber, catalog: AgentCatalog, desired: DesiredNumberState): string {
  return `Saved ${numberInSentence(number)}: ${describeChanges(number, catalog, desired, 'done').join('; ')}.`
}

/** Why the webhook URL is read-only: it takes agents:manage and numbers:write; null when the key has both. */
export function webhookNote(permissions: Pick<Permissions, 'canRoute' | 'canRename'>): string | null {
  if (permissions.canRoute && permissions.canRename) return null
  return 'Your key cannot change the webhook URL: that takes a key that may both change routing and rename numbers.'
}

/** The carrier's reason a number failed to import, and what it means. */
export function importErrorInWords(reason: string): { headline: string; meaning: string } {
  return {
    headline: `Import failed: ${reason}`,
    meaning: 'This number takes no calls until the problem is fixed at the carrier.',
  }
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

/** The inbound canary's sentences in the dialog. */
export const CANARY_TEXT = {
  legend: 'Inbound canary',
  hint: 'Tries another version on a share of inbound calls before moving the whole number.',
  none: 'No canary: every inbound call goes to the inbound version.',
  removedWithInbound: 'Saving removes the canary with the inbound side.',
  needsInbound: 'A canary needs an inbound version: choose one to add a canary.',
  removes: (inbound: string) => `Saving removes the canary: every inbound call goes to ${inbound}.`,
  shareHint: 'Per cent of inbound calls, 1 to 99.',
  /** The canary as it will be, beside the one the number has now (or none). */
  afterSave: (canaryInWords: string) => `After saving: ${canaryInWords}.`,
} as const

/** The inbound webhook URL's hint: what it is for, and how to clear it when the key may. */
export function webhookHint(editable: boolean): string {
  const purpose = 'Called at the start of every inbound call for per-call variables.'
  return editable ? `${purpose} An https:// URL; leave empty to clear.` : purpose
}

/** Form validation, in words. */
export const validationMessages = {
  tooLong: (field: TextField, length: number, max: number) =>
    `${TEXT_FIELD_NAMES[field]} can be at most ${max} characters; this one has ${length}.`,
  versionRequired: (side: Side) => `Choose a version for the ${side} side.`,
  canaryVersionRequired: 'Choose a version for the canary.',
  canaryShare: `Canary share must be a whole number from ${MIN_CANARY_PERCENT} to ${MAX_CANARY_PERCENT} (per cent of inbound calls).`,
  webhookNotHttps: 'Inbound webhook URL must be a full https:// address, such as https://hooks.example.com/inbound.',
  webhookTooLong: (length: number, max: number) =>
    `Inbound webhook URL can be at most ${formatCount(max)} characters; this one has ${formatCount(length)}.`,
}

const CANARY_NAME = 'Canary'
const sideOrCanary = (side: Side | 'canary') => (side === 'canary' ? CANARY_NAME : SIDE_NAMES[side])

/** Why a choice cannot be turned into API calls (the planner refuses before sending anything). */
export const planErrorMessages = {
  cannotClearUnknown: (side: Side) =>
    `${SIDE_NAMES[side]} holds a version that is not in the agent list, so it cannot be cleared. Reload and try again.`,
  unknownVersion: (side: Side | 'canary') => `${sideOrCanary(side)}: the chosen version is not in the agent list.`,
  archivedAgent: (side: Side | 'canary', agentName: string) =>
    side === 'canary'
      ? `Canary: ${isolated(agentName)} is archived, so its versions cannot become a canary.`
      : `${SIDE_NAMES[side]}: ${isolated(agentName)} is archived, so its versions cannot be deployed.`,
  canaryWithoutInbound: 'A canary needs an inbound version: choose one for Inbound, or remove the canary.',
  canaryEqualsInbound: (versionId: string, catalog: AgentCatalog) =>
    `Canary: ${slotInWords(versionId, catalog)} is the inbound version too. Choose another version for the canary, remove it, or promote it.`,
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

/** Heads the fields someone changed while the dialog was open that the user had changed too. */
export const CHANGED_WHILE_EDITING = 'Someone else changed this number while you were editing it: nothing is saved yet.'

/** Why Save waits: an earlier save of the same number has not ended (it may change what this one must send). */
export const EARLIER_SAVE_RUNNING =
  'An earlier save of this number is still running: Save is possible once it has ended.'
