import { z } from 'zod'
import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { canaryFormValues, canaryOfValues, shareOf } from '@/features/phone-numbers/domain/canary-form'
import {
  desiredFromNumber,
  normalizeText,
  normalizeUrl,
  type DesiredNumberState,
  type SaveDraft,
} from '@/features/phone-numbers/domain/desired-state'
import { changedFields, type NumberField } from '@/features/phone-numbers/domain/number-fields'
import { fieldsChosen } from '@/features/phone-numbers/domain/save-outcome'
import { isCanaryPercent, textFieldName, validationMessages } from '@/features/phone-numbers/domain/save-messages'
import { SIDE_NAMES, SIDES, type Side } from '@/features/phone-numbers/domain/sides'
import { NONE, UNKNOWN } from '@/features/phone-numbers/domain/slot-options'
import type { Permissions } from '@/features/session/use-session'
import { MAX_TEXT_LENGTH, MAX_WEBHOOK_URL_LENGTH, characterCount, type PhoneNumber } from '@/types/api'

const textField = (field: 'nickname' | 'label') =>
  z.string().superRefine((value, ctx) => {
    const length = characterCount(normalizeText(value) ?? '')
    if (length > MAX_TEXT_LENGTH) {
      ctx.addIssue({ code: 'custom', message: validationMessages.tooLong(field, length, MAX_TEXT_LENGTH) })
    }
  })

/**
 * An absolute https:// URL with a host, as API.md takes it: the host as written (a URL parser reads
 * "https:///vars" as the host "vars"), and no white space or control characters inside.
 */
export function isHttpsUrl(text: string): boolean {
  if (!/^https:\/\/[^/?#]/i.test(text) || [...text].some((c) => c.trim() === '' || c < ' ' || c === '\u007f')) {
    return false
  }
  try {
    const url = new URL(text)
    return url.protocol === 'https:' && url.hostname !== ''
  } catch {
    return false
  }
}

const webhookField = z.string().superRefine((value, ctx) => {
  const url = normalizeUrl(value)
  if (url === null) return
  const length = characterCount(url)
  if (length > MAX_WEBHOOK_URL_LENGTH) {
    ctx.addIssue({ code: 'custom', message: validationMessages.webhookTooLong(length, MAX_WEBHOOK_URL_LENGTH) })
  } else if (!isHttpsUrl(url)) {
    ctx.addIssue({ code: 'custom', message: validationMessages.webhookNotHttps })
  }
})

export const editNumberFormSchema = z
  .object({
    inboundAgent: z.string().min(1),
    inboundVersion: z.string(),
    outboundAgent: z.string().min(1),
    outboundVersion: z.string(),
    canaryOn: z.boolean(),
    canaryAgent: z.string(),
    canaryVersion: z.string(),
    canaryShare: z.string(),
    nickname: textField('nickname'),
    label: textField('label'),
    webhookUrl: webhookField,
  })
  .superRefine((values, ctx) => {
    for (const side of SIDES) {
      if (values[`${side}Agent`] !== NONE && values[`${side}Version`] === '') {
        ctx.addIssue({ code: 'custom', path: [`${side}Version`], message: validationMessages.versionRequired(side) })
      }
    }
    // A canary exists only beside an inbound version: with inbound None its fields are not in play.
    if (!values.canaryOn || values.inboundAgent === NONE) return
    if (values.canaryVersion === '') {
      ctx.addIssue({ code: 'custom', path: ['canaryVersion'], message: validationMessages.canaryVersionRequired })
    }
    if (!isCanaryPercent(shareOf(values.canaryShare))) {
      ctx.addIssue({ code: 'custom', path: ['canaryShare'], message: validationMessages.canaryShare })
    }
  })

export type EditNumberFormValues = z.infer<typeof editNumberFormSchema>

/** The form as the number stands now. */
export function formValuesFromNumber(number: PhoneNumber, catalog: AgentCatalog): EditNumberFormValues {
  return formValuesFromDesired(desiredFromNumber(number), catalog)
}

/** The form holding a choice (a save to try again): the inverse of desiredStateFromValues. */
export function formValuesFromDesired(desired: DesiredNumberState, catalog: AgentCatalog): EditNumberFormValues {
  const side = (versionId: string | null) => {
    if (versionId === null) return { agent: NONE, version: '' }
    const entry = catalog.versionById.get(versionId)
    return entry ? { agent: entry.agent.id, version: versionId } : { agent: UNKNOWN, version: versionId }
  }
  const inbound = side(desired.inbound)
  const outbound = side(desired.outbound)
  return {
    inboundAgent: inbound.agent,
    inboundVersion: inbound.version,
    outboundAgent: outbound.agent,
    outboundVersion: outbound.version,
    ...canaryFormValues(desired.canary, catalog),
    nickname: desired.nickname,
    label: desired.label,
    webhookUrl: desired.webhook,
  }
}

/** The form's fields behind each field of a number: a side's agent and version count as one, so do the canary's. */
const FORM_FIELDS: Record<NumberField, (keyof EditNumberFormValues)[]> = {
  inbound: ['inboundAgent', 'inboundVersion'],
  outbound: ['outboundAgent', 'outboundVersion'],
  canary: ['canaryOn', 'canaryAgent', 'canaryVersion', 'canaryShare'],
  nickname: ['nickname'],
  label: ['label'],
  webhook: ['webhookUrl'],
}

/** `number`'s values, except the fields in `chosen`, which keep `values`. */
function overNumber(values: EditNumberFormValues, chosen: NumberField[], number: PhoneNumber, catalog: AgentCatalog) {
  const next = formValuesFromNumber(number, catalog)
  const into = next as Record<keyof EditNumberFormValues, unknown>
  for (const field of chosen) for (const key of FORM_FIELDS[field]) into[key] = values[key]
  return next
}

/**
 * The form once the number moved from `before` to `after` (the fresh read on open, another admin's
 * change seen after a refused save, an earlier save ending): every field the user has not changed
 * takes the number's new value, and what the user changed stays, so Save sends only that.
 */
export function followNumber(
  values: EditNumberFormValues,
  before: PhoneNumber,
  after: PhoneNumber,
  catalog: AgentCatalog,
): EditNumberFormValues {
  return overNumber(values, fieldsChosen(before, desiredStateFromValues(values)), after, catalog)
}

/**
 * Fields the number changed on the server (`before` → `after`) that the user has changed too: Save
 * would put the user's choice over a change the user may not have seen. `ownStates` are the states the
 * user's earlier saves of the number pass through (statesAlongSave): a field now as one of them has it
 * is that save's doing (or someone else's same value, which loses nothing), but a refused save reads in
 * someone else's change.
 */
export function clashesWithServer(
  values: EditNumberFormValues,
  before: PhoneNumber,
  after: PhoneNumber,
  ownStates: readonly PhoneNumber[] = [],
): NumberField[] {
  const desired = desiredStateFromValues(values)
  const chosen = fieldsChosen(before, desired)
  // A field the server now holds as the user chose it (the user's own save, part-way) is no clash.
  const stillDiffering = fieldsChosen(after, desired)
  const asOwnSaveLeft = (field: NumberField) => ownStates.some((own) => !changedFields(own, after).includes(field))
  return changedFields(before, after).filter(
    (field) => chosen.includes(field) && stillDiffering.includes(field) && !asOwnSaveLeft(field),
  )
}

/** A choice taken up again (Edit again): the fields the user had changed over `draft.from`, over the number as it is now. */
export function draftOverNumber(draft: SaveDraft, number: PhoneNumber, catalog: AgentCatalog): EditNumberFormValues {
  return overNumber(
    formValuesFromDesired(draft.desired, catalog),
    fieldsChosen(draft.from, draft.desired),
    number,
    catalog,
  )
}

/** What each field needs of a key: routing (agents:manage) for sides and canary, both scopes for the webhook URL. */
function allowed(field: NumberField, permissions: Pick<Permissions, 'canRoute' | 'canRename'>): boolean {
  switch (field) {
    case 'inbound':
    case 'outbound':
    case 'canary':
      return permissions.canRoute
    case 'nickname':
    case 'label':
      return permissions.canRename
    case 'webhook':
      return permissions.canRoute && permissions.canRename
  }
}

const FIELD_NAMES: Record<NumberField, string> = {
  inbound: SIDE_NAMES.inbound,
  outbound: SIDE_NAMES.outbound,
  canary: 'Canary',
  nickname: textFieldName('nickname'),
  label: textFieldName('label'),
  webhook: 'Inbound webhook URL',
}

/**
 * The values with every change the key may not make put back to what the number holds (a reconnect
 * with a key of fewer scopes), and the names of the fields that were put back.
 */
export function withinPermissions(
  values: EditNumberFormValues,
  number: PhoneNumber,
  catalog: AgentCatalog,
  permissions: Pick<Permissions, 'canRoute' | 'canRename'>,
): { values: EditNumberFormValues; dropped: string[] } {
  const forbidden = fieldsChosen(number, desiredStateFromValues(values)).filter((field) => !allowed(field, permissions))
  const held = formValuesFromNumber(number, catalog)
  const next = { ...values }
  const into = next as Record<keyof EditNumberFormValues, unknown>
  for (const field of forbidden) for (const key of FORM_FIELDS[field]) into[key] = held[key]
  return { values: next, dropped: forbidden.map((field) => FIELD_NAMES[field]) }
}

export function desiredStateFromValues(values: EditNumberFormValues): DesiredNumberState {
  const slot = (side: Side) => (values[`${side}Agent`] === NONE ? null : values[`${side}Version`] || null)
  const inbound = slot('inbound')
  return {
    inbound,
    outbound: slot('outbound'),
    canary: canaryOfValues(values, inbound),
    nickname: values.nickname,
    label: values.label,
    webhook: values.webhookUrl,
  }
}
