import { zodResolver } from '@hookform/resolvers/zod'
import { startTransition, useEffect, useId, useRef, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { focusFirstControlAfterPaint } from '@/components/ui/focus-first-control'
import { SaveError, useSavePhoneNumber } from '@/features/phone-numbers/api/save-phone-number'
import { SaveOutcome } from '@/features/phone-numbers/components/save-outcome'
import { SideFields } from '@/features/phone-numbers/components/side-fields'
import {
  editNumberFormSchema,
  formValuesFromNumber,
  type EditNumberFormValues,
} from '@/features/phone-numbers/domain/edit-number-form'
import { routingNote, SAVE_TEXT, savedMessage, textFieldName } from '@/features/phone-numbers/domain/save-messages'
import { SIDES, SLOT_FIELD } from '@/features/phone-numbers/domain/sides'
import { useSavePlan } from '@/features/phone-numbers/hooks/use-save-plan'
import type { Permissions } from '@/features/session/use-session'
import { isApiError } from '@/lib/api-error'
import type { PhoneNumber } from '@/types/api'

interface EditNumberFormProps {
  /** The number as the cache holds it now. */
  number: PhoneNumber
  catalog: AgentCatalog
  permissions: Permissions
  onClose: () => void
  onSaved: (message: string) => void
}

/** The edit dialog's body: both sides' pickers, nickname and label, what Save will do, and the last save's outcome. */
export function EditNumberForm({ number, catalog, permissions, onClose, onSaved }: EditNumberFormProps) {
  const formId = useId()
  const formRef = useRef<HTMLFormElement>(null)
  // The dialog opens with closed triggers for pickers (cheap to mount) and makes them Radix Selects one
  // side per transition: three short tasks instead of one long one. Focus goes to the first control then.
  const [liveSides, setLiveSides] = useState(0)
  const allLive = liveSides === SIDES.length
  useEffect(() => {
    if (!allLive) startTransition(() => setLiveSides(liveSides + 1))
  }, [liveSides, allLive])
  useEffect(() => (allLive ? focusFirstControlAfterPaint(formRef.current) : undefined), [allLive])
  const save = useSavePhoneNumber(number.id)
  const form = useForm<EditNumberFormValues>({
    resolver: zodResolver(editNumberFormSchema),
    defaultValues: formValuesFromNumber(number, catalog),
    mode: 'onChange',
  })
  const values = useWatch({ control: form.control }) as EditNumberFormValues
  const plan = useSavePlan(number, catalog, values)
  const canSave = permissions.canRoute || permissions.canRename
  const saving = save.isPending
  const note = routingNote(permissions)
  const noteId = `${formId}-routing-note`

  // Validation gates the submit; the plan is the one this render shows.
  const onSubmit = form.handleSubmit(() => {
    if (plan.calls.length === 0) return
    save.mutate(
      { number, calls: plan.calls, desired: plan.desired },
      {
        // With a conflict the dialog stays open and says what the number holds now.
        onSuccess: (result) => result.conflicts.length === 0 && onSaved(savedMessage(number, plan.changes)),
        onError: (error) => {
          const cause = error instanceof SaveError ? error.cause : error
          if (!isApiError(cause)) return
          for (const detail of cause.details) {
            if (detail.field === 'nickname' || detail.field === 'label') {
              form.setError(detail.field, { message: detail.message })
            }
          }
        },
      },
    )
  })

  return (
    <form
      ref={formRef}
      id={formId}
      className="dialog-body"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      onKeyDown={(event) => {
        // Escape while saving would hide the outcome; let the save finish first.
        if (event.key === 'Escape' && saving) event.preventDefault()
      }}
    >
      {note && (
        <p className="notice" id={noteId}>
          {note}
        </p>
      )}
      <div className="sides">
        {SIDES.map((side, index) => (
          <SideFields
            key={side}
            side={side}
            held={number[SLOT_FIELD[side]]}
            catalog={catalog}
            control={form.control}
            setValue={form.setValue}
            agentId={values[`${side}Agent`]}
            versionId={values[`${side}Version`]}
            disabled={!permissions.canRoute || saving}
            describedBy={note ? noteId : undefined}
            live={index < liveSides}
          />
        ))}
      </div>

      <div className="text-fields">
        {(['nickname', 'label'] as const).map((field) => {
          const error = form.formState.errors[field]?.message
          const id = `${formId}-${field}`
          return (
            <div className="field" key={field}>
              <label htmlFor={id}>{textFieldName(field)}</label>
              <input
                id={id}
                type="text"
                autoComplete="off"
                readOnly={!permissions.canRename}
                disabled={saving}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : `${id}-hint`}
                {...form.register(field)}
              />
              {error ? (
                <p className="field-error" id={`${id}-error`}>
                  {error}
                </p>
              ) : (
                <p className="muted small" id={`${id}-hint`}>
                  {SAVE_TEXT.textHints[field]}
                </p>
              )}
            </div>
          )
        })}
      </div>

      {canSave && (
        <section className="summary" aria-labelledby={`${formId}-summary`}>
          <h3 id={`${formId}-summary`}>What Save will do</h3>
          {plan.error ? (
            <p role="alert">{plan.error}</p>
          ) : plan.changes.length === 0 ? (
            <p className="muted">{SAVE_TEXT.nothingToSave}</p>
          ) : (
            <ul>
              {plan.changes.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </section>
      )}

      <SaveOutcome paused={save.isPaused} result={save.data} error={save.error} catalog={catalog} />

      <div className="dialog-footer">
        <button type="button" className="button" onClick={onClose} disabled={saving}>
          {canSave ? 'Cancel' : 'Close'}
        </button>
        {canSave && (
          <button
            type="submit"
            className="button button-primary"
            disabled={saving || plan.calls.length === 0 || plan.error !== null}
          >
            {saving ? 'Saving…' : 'Save'}
          </button>
        )}
      </div>
    </form>
  )
}
