import { useEffect, useId, useMemo, useRef } from 'react'
import { Controller, type UseFormReturn } from 'react-hook-form'
import { SelectField } from '@/components/ui/select-field'
import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import {
  canaryAgentOptions,
  canaryOfValues,
  canaryVersionOnAgentPick,
  withCanaryAdded,
  withCanaryPromoted,
} from '@/features/phone-numbers/domain/canary-form'
import { desiredStateFromValues, type EditNumberFormValues } from '@/features/phone-numbers/domain/edit-number-form'
import { canaryShareInWords, slotInWords } from '@/features/phone-numbers/domain/number-view'
import { CANARY_TEXT, draftNote, isCanaryPercent } from '@/features/phone-numbers/domain/save-messages'
import { versionOptions } from '@/features/phone-numbers/domain/slot-options'
import { sameCanary } from '@/features/phone-numbers/domain/writes/canaries-and-drafts'
import type { InboundCanary } from '@/types/api'

interface CanaryFieldsProps {
  form: UseFormReturn<EditNumberFormValues>
  values: EditNumberFormValues
  /** The number's canary now (null: none). */
  held: InboundCanary | null
  catalog: AgentCatalog
  /** The key may change routing (agents:manage); otherwise the canary is shown read-only, without its buttons. */
  editable: boolean
  saving: boolean
  describedBy: string | undefined
  /** False while the dialog opens: the pickers show as closed triggers first (see SideFields). */
  live: boolean
}

/**
 * The inbound canary: the current one in words with its agent, version and share, `Promote canary`
 * and `Remove canary`; or `Add canary` while Inbound holds a version. The buttons change only the
 * form: Save sends the calls.
 */
export function CanaryFields({ form, values, held, catalog, editable, saving, describedBy, live }: CanaryFieldsProps) {
  const id = useId()
  const ids = {
    agent: `${id}-agent`,
    version: `${id}-version`,
    share: `${id}-share`,
    add: `${id}-add`,
    draft: `${id}-draft`,
  }
  const desired = desiredStateFromValues(values)
  const inbound = desired.inbound
  const canary = canaryOfValues(values, inbound)
  const agents = useMemo(() => canaryAgentOptions(catalog, held?.agent_version_id ?? null), [catalog, held])
  const selected = values.canaryVersion ? catalog.versionById.get(values.canaryVersion) : undefined
  const isDraft = canary !== null && selected !== undefined && !selected.version.published
  const disabled = !editable || saving
  const shareError = form.formState.errors.canaryShare?.message
  const versionError = form.formState.errors.canaryVersion?.message

  // The button pressed goes away: focus what took its place, not the page.
  const focusNext = useRef<string | null>(null)
  useEffect(() => {
    const next = focusNext.current
    focusNext.current = null
    if (next) document.getElementById(next)?.focus()
  }, [values.canaryOn])

  const set = (changes: Partial<EditNumberFormValues>, focus: string) => {
    focusNext.current = focus
    for (const [field, value] of Object.entries(changes) as [keyof EditNumberFormValues, string | boolean][]) {
      form.setValue(field, value, { shouldDirty: true, shouldValidate: true })
    }
  }

  return (
    <fieldset className="canary">
      <legend>{CANARY_TEXT.legend}</legend>
      {inbound === null ? (
        <p className={held ? 'notice' : 'muted small'}>
          {held ? CANARY_TEXT.removedWithInbound : CANARY_TEXT.needsInbound}
        </p>
      ) : canary === null ? (
        <>
          <p className={held ? 'notice' : 'muted small'}>
            {held ? CANARY_TEXT.removes(slotInWords(inbound, catalog)) : CANARY_TEXT.none}
          </p>
          {editable && (
            <div className="canary-actions">
              <button
                type="button"
                id={ids.add}
                className="button"
                disabled={saving}
                onClick={() => set(withCanaryAdded(catalog, inbound), ids.agent)}
              >
                Add canary
              </button>
            </div>
          )}
        </>
      ) : (
        <>
          {held && <p className="canary-words">{canaryShareInWords(held, catalog)}</p>}
          <p className={held ? 'muted small' : 'canary-words'}>
            {isCanaryPercent(canary.percent) && canary.agent_version_id && !sameCanary(canary, held)
              ? CANARY_TEXT.afterSave(canaryShareInWords(canary, catalog))
              : CANARY_TEXT.hint}
          </p>
          <div className="canary-pickers">
            <Controller
              control={form.control}
              name="canaryAgent"
              render={({ field }) => (
                <SelectField
                  id={ids.agent}
                  label="Canary agent"
                  live={live}
                  value={field.value === '' ? undefined : field.value}
                  placeholder="Choose an agent"
                  options={agents}
                  disabled={disabled}
                  describedBy={describedBy}
                  onValueChange={(next) => {
                    field.onChange(next)
                    const version = canaryVersionOnAgentPick(catalog, next, inbound, held?.agent_version_id ?? null)
                    form.setValue('canaryVersion', version, { shouldValidate: true })
                  }}
                />
              )}
            />
            <Controller
              control={form.control}
              name="canaryVersion"
              render={({ field }) => (
                <SelectField
                  id={ids.version}
                  label="Canary version"
                  live={live}
                  value={field.value === '' ? undefined : field.value}
                  placeholder="Choose a version"
                  options={versionOptions(catalog, values.canaryAgent, held?.agent_version_id ?? null)}
                  disabled={disabled || values.canaryAgent === ''}
                  describedBy={isDraft ? ids.draft : versionError ? `${ids.version}-error` : describedBy}
                  onValueChange={field.onChange}
                />
              )}
            />
            <div className="field canary-share">
              <label htmlFor={ids.share}>Canary share</label>
              <span className="share-input">
                <input
                  id={ids.share}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={99}
                  step={1}
                  readOnly={!editable}
                  disabled={saving}
                  aria-invalid={shareError ? true : undefined}
                  aria-describedby={shareError ? `${ids.share}-error` : `${ids.share}-hint`}
                  {...form.register('canaryShare')}
                />
                <span aria-hidden="true">%</span>
              </span>
            </div>
          </div>
          {shareError ? (
            <p className="field-error" id={`${ids.share}-error`}>
              {shareError}
            </p>
          ) : (
            <p className="muted small" id={`${ids.share}-hint`}>
              {CANARY_TEXT.shareHint}
            </p>
          )}
          {versionError && (
            <p className="field-error" id={`${ids.version}-error`}>
              {versionError}
            </p>
          )}
          {isDraft && (
            <p className="notice notice-draft" id={ids.draft}>
              {draftNote(selected.version)}
            </p>
          )}
          {editable && (
            <div className="canary-actions">
              <button
                type="button"
                className="button"
                disabled={saving || !canary.agent_version_id}
                onClick={() => set(withCanaryPromoted(values), ids.add)}
              >
                Promote canary
              </button>
              <button
                type="button"
                className="button"
                disabled={saving}
                onClick={() => set({ canaryOn: false }, ids.add)}
              >
                Remove canary
              </button>
            </div>
          )}
        </>
      )}
    </fieldset>
  )
}
