import { memo, useId, useMemo } from 'react'
import { Controller, type Control, type UseFormSetValue } from 'react-hook-form'
import { SelectField } from '@/components/ui/select-field'
import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import type { EditNumberFormValues } from '@/features/phone-numbers/domain/edit-number-form'
import { agentOptions, NONE, versionOnAgentPick, versionOptions } from '@/features/phone-numbers/domain/slot-options'
import { draftNote, SAVE_TEXT, unknownHeldNote } from '@/features/phone-numbers/domain/save-messages'
import { SIDE_NAMES, type Side } from '@/features/phone-numbers/domain/sides'

interface SideFieldsProps {
  side: Side
  /** The version this side holds now (null: None). */
  held: string | null
  catalog: AgentCatalog
  control: Control<EditNumberFormValues>
  setValue: UseFormSetValue<EditNumberFormValues>
  /** This side's agent and version as the form holds them now. */
  agentId: string
  versionId: string
  disabled: boolean
  describedBy: string | undefined
  /** False while the dialog opens: the pickers show as closed triggers and become Radix Selects in a later task. */
  live: boolean
}

/**
 * The agent and version pickers of one side. Memoised on its side's own values: the form re-rendering
 * for anything else (typing a nickname, react-hook-form's own state on mount) does not re-render them.
 */
export const SideFields = memo(function SideFields({
  side,
  held,
  catalog,
  control,
  setValue,
  agentId,
  versionId,
  disabled,
  describedBy,
  live,
}: SideFieldsProps) {
  const id = useId()
  const agents = useMemo(() => agentOptions(catalog, held), [catalog, held])
  const selected = versionId ? catalog.versionById.get(versionId) : undefined
  const draftNoteId = `${id}-draft`
  const heldUnknown = held !== null && !catalog.versionById.has(held)
  const isDraft = selected !== undefined && !selected.version.published

  return (
    <fieldset className="side">
      <legend>{SIDE_NAMES[side]}</legend>
      {heldUnknown && <p className="notice">{unknownHeldNote(held)}</p>}
      <Controller
        control={control}
        name={`${side}Agent`}
        render={({ field }) => (
          <SelectField
            id={`${id}-agent`}
            label={`${SIDE_NAMES[side]} agent`}
            live={live}
            value={field.value}
            options={agents}
            disabled={disabled}
            describedBy={describedBy}
            onValueChange={(next) => {
              field.onChange(next)
              setValue(`${side}Version`, versionOnAgentPick(catalog, next, held), { shouldValidate: true })
            }}
          />
        )}
      />
      <Controller
        control={control}
        name={`${side}Version`}
        render={({ field }) => (
          <SelectField
            id={`${id}-version`}
            label={`${SIDE_NAMES[side]} version`}
            live={live}
            value={field.value === '' ? undefined : field.value}
            placeholder={agentId === NONE ? '—' : 'Choose a version'}
            options={agentId === NONE ? [] : versionOptions(catalog, agentId, held)}
            disabled={disabled || agentId === NONE}
            describedBy={isDraft ? draftNoteId : describedBy}
            onValueChange={field.onChange}
          />
        )}
      />
      {isDraft && (
        <p className="notice notice-draft" id={draftNoteId}>
          {draftNote(selected.version)}
        </p>
      )}
      {selected?.version.description && <p className="muted small">{selected.version.description}</p>}
      {agentId === NONE && held !== null && <p className="muted small">{SAVE_TEXT.clearsSide}</p>}
    </fieldset>
  )
})
