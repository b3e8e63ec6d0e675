import { z } from 'zod'
import {
  agentLabel,
  defaultVersionFor,
  isArchived,
  versionsNewestFirst,
  type AgentCatalog,
} from '@/features/agents/domain/agent-catalog'
import type { SelectOption } from '@/components/ui/select-field'
import { normalizeText, type DesiredNumberState, type SaveDraft } from '@/features/phone-numbers/domain/desired-state'
import { fieldsChosen, type SaveField } from '@/features/phone-numbers/domain/save-outcome'
import { textFieldName, validationMessages } from '@/features/phone-numbers/domain/save-messages'
import { SIDE_NAMES, SIDES, SLOT_FIELD, type Side } from '@/features/phone-numbers/domain/sides'
import type { Permissions } from '@/features/session/use-session'
import { MAX_TEXT_LENGTH, type PhoneNumber } from '@/types/api'

/** Radix Select cannot hold an empty value, so "no agent" has a sentinel. */
export const NONE = '__none__'
/** The slot holds a version the agents list does not know: kept as it is unless the user picks something. */
const UNKNOWN = '__unknown__'

const textField = (field: 'nickname' | 'label') =>
  z.string().superRefine((value, ctx) => {
    const length = normalizeText(value)?.length ?? 0
    if (length > MAX_TEXT_LENGTH) {
      ctx.addIssue({ code: 'custom', message: validationMessages.tooLong(field, length, MAX_TEXT_LENGTH) })
    }
  })

const sideFields = {
  agent: z.string().min(1),
  version: z.string(),
}

export const editNumberFormSchema = z
  .object({
    inboundAgent: sideFields.agent,
    inboundVersion: sideFields.version,
    outboundAgent: sideFields.agent,
    outboundVersion: sideFields.version,
    nickname: textField('nickname'),
    label: textField('label'),
  })
  .superRefine((values, ctx) => {
    for (const side of SIDES) {
      if (values[`${side}Agent`] !== NONE && values[`${side}Version`] === '') {
        ctx.addIssue({ code: 'custom', path: [`${side}Version`], message: validationMessages.versionRequired(side) })
      }
    }
  })

export type EditNumberFormValues = z.infer<typeof editNumberFormSchema>

/** The form as the number stands now. */
export function formValuesFromNumber(number: PhoneNumber, catalog: AgentCatalog): EditNumberFormValues {
  return formValuesFromDesired(
    {
      inbound: number.inbound_agent_version_id,
      outbound: number.outbound_agent_version_id,
      nickname: number.nickname ?? '',
      label: number.label ?? '',
    },
    catalog,
  )
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
    nickname: desired.nickname,
    label: desired.label,
  }
}

/** The form's fields behind each field of a number: a side's agent and version count as one. */
const FORM_FIELDS: Record<SaveField, (keyof EditNumberFormValues)[]> = {
  inbound: ['inboundAgent', 'inboundVersion'],
  outbound: ['outboundAgent', 'outboundVersion'],
  nickname: ['nickname'],
  label: ['label'],
}

/** `number`'s values, except the fields in `chosen`, which keep `values`. */
function overNumber(values: EditNumberFormValues, chosen: SaveField[], number: PhoneNumber, catalog: AgentCatalog) {
  const next = formValuesFromNumber(number, catalog)
  for (const field of chosen) for (const key of FORM_FIELDS[field]) next[key] = values[key]
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

/** A choice taken up again (Edit again): the fields the user had changed over `draft.from`, over the number as it is now. */
export function draftOverNumber(draft: SaveDraft, number: PhoneNumber, catalog: AgentCatalog): EditNumberFormValues {
  return overNumber(
    formValuesFromDesired(draft.desired, catalog),
    fieldsChosen(draft.from, draft.desired),
    number,
    catalog,
  )
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
  const held = formValuesFromNumber(number, catalog)
  const desired = desiredStateFromValues(values)
  const next = { ...values }
  const dropped: string[] = []
  if (!permissions.canRoute) {
    for (const side of SIDES) {
      if (desired[side] === number[SLOT_FIELD[side]]) continue
      next[`${side}Agent`] = held[`${side}Agent`]
      next[`${side}Version`] = held[`${side}Version`]
      dropped.push(SIDE_NAMES[side])
    }
  }
  if (!permissions.canRename) {
    for (const field of ['nickname', 'label'] as const) {
      if (normalizeText(values[field]) === number[field]) continue
      next[field] = held[field]
      dropped.push(textFieldName(field))
    }
  }
  return { values: next, dropped }
}

export function desiredStateFromValues(values: EditNumberFormValues): DesiredNumberState {
  const slot = (side: Side) => (values[`${side}Agent`] === NONE ? null : values[`${side}Version`] || null)
  return { inbound: slot('inbound'), outbound: slot('outbound'), nickname: values.nickname, label: values.label }
}

/** None first, then every live agent by name, plus an archived (or unknown) agent only when this slot holds it now. */
export function agentOptions(catalog: AgentCatalog, heldVersionId: string | null): SelectOption[] {
  const heldAgentId = heldVersionId === null ? null : (catalog.versionById.get(heldVersionId)?.agent.id ?? UNKNOWN)
  const agents = catalog.agents
    .filter((agent) => !isArchived(agent) || agent.id === heldAgentId)
    .sort((a, b) => a.name.localeCompare(b.name))
  return [
    { value: NONE, label: 'None' },
    ...(heldAgentId === UNKNOWN ? [{ value: UNKNOWN, label: 'Unknown agent' }] : []),
    ...agents.map((agent) => ({ value: agent.id, label: agentLabel(agent) })),
  ]
}

/** An agent's versions newest first (`v4 · draft`, `v3`); an archived agent offers only the version the slot holds. */
export function versionOptions(catalog: AgentCatalog, agentId: string, heldVersionId: string | null): SelectOption[] {
  if (agentId === UNKNOWN) return heldVersionId ? [{ value: heldVersionId, label: 'Unknown version' }] : []
  const agent = catalog.agentById.get(agentId)
  if (!agent) return []
  const versions = isArchived(agent) ? agent.versions.filter((v) => v.id === heldVersionId) : versionsNewestFirst(agent)
  return versions.map((v) => ({ value: v.id, label: v.published ? `v${v.version}` : `v${v.version} · draft` }))
}

/** The version selected when the user picks an agent. */
export function versionOnAgentPick(catalog: AgentCatalog, agentId: string, heldVersionId: string | null): string {
  if (agentId === NONE) return ''
  if (agentId === UNKNOWN) return heldVersionId ?? ''
  const agent = catalog.agentById.get(agentId)
  if (!agent) return ''
  if (isArchived(agent)) return heldVersionId ?? ''
  return defaultVersionFor(agent)?.id ?? ''
}
