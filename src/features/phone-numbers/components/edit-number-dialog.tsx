import { zodResolver } from '@hookform/resolvers/zod'
import * as Dialog from '@radix-ui/react-dialog'
import { memo, useId, useMemo, useRef } from 'react'
import { Controller, useForm, useWatch, type Control, type UseFormSetValue } from 'react-hook-form'
import { SelectField } from '@/components/ui/select-field'
import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { SaveError, useSavePhoneNumber, type SaveResult } from '@/features/phone-numbers/api/save-phone-number'
import {
  agentOptions,
  describeCall,
  describeChanges,
  desiredStateFromValues,
  editNumberFormSchema,
  formValuesFromNumber,
  NONE,
  SIDE_NAMES,
  SIDES,
  versionOnAgentPick,
  versionOptions,
  type EditNumberFormValues,
  type Side,
} from '@/features/phone-numbers/components/edit-number-form-model'
import { describeSlot, slotInWords } from '@/features/phone-numbers/domain/describe-slot'
import { PlanError, planSave, SLOT_FIELD, type PlannedCall } from '@/features/phone-numbers/domain/plan-save'
import type { SaveField } from '@/features/phone-numbers/domain/save-outcome'
import type { Permissions } from '@/features/session/use-session'
import { isApiError } from '@/lib/api-error'
import { formatPhoneNumber } from '@/lib/phone-format'
import type { PhoneNumber } from '@/types/api'
import '@/features/phone-numbers/components/edit-number-dialog.css'

interface EditNumberDialogProps {
  /** The number as the cache holds it now; null when the dialog is closed. */
  number: PhoneNumber | null
  catalog: AgentCatalog | null
  permissions: Permissions
  onClose: () => void
  onSaved: (message: string) => void
}

export function EditNumberDialog({ number, catalog, permissions, onClose, onSaved }: EditNumberDialogProps) {
  // No Dialog.Trigger (the row's button opens it), so Radix has nowhere to return focus: remember the opener.
  const openerRef = useRef<HTMLElement | null>(null)
  return (
    <Dialog.Root open={number !== null} onOpenChange={(open) => !open && onClose()}>
      {/* An explicit container: without one, Radix's portal renders nothing until a layout effect,
          and then mounts the whole dialog in a second, synchronous render (one long task). */}
      <Dialog.Portal container={document.body}>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className="dialog"
          aria-describedby={undefined}
          onOpenAutoFocus={() => {
            openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
          }}
          onCloseAutoFocus={(event) => {
            const opener = openerRef.current
            openerRef.current = null
            if (opener?.isConnected) {
              event.preventDefault()
              opener.focus()
            }
          }}
        >
          {number && (
            <>
              <Dialog.Title className="dialog-title">
                {formatPhoneNumber(number.phone_number)}
                {number.nickname && <span className="dialog-subtitle"> · {number.nickname}</span>}
              </Dialog.Title>
              {catalog ? (
                <EditNumberForm
                  key={number.id}
                  number={number}
                  catalog={catalog}
                  permissions={permissions}
                  onClose={onClose}
                  onSaved={onSaved}
                />
              ) : (
                <div className="dialog-body">
                  <p role="status">Loading agents…</p>
                  <div className="dialog-footer">
                    <Dialog.Close className="button">Close</Dialog.Close>
                  </div>
                </div>
              )}
            </>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}

interface EditNumberFormProps {
  number: PhoneNumber
  catalog: AgentCatalog
  permissions: Permissions
  onClose: () => void
  onSaved: (message: string) => void
}

function EditNumberForm({ number, catalog, permissions, onClose, onSaved }: EditNumberFormProps) {
  const formId = useId()
  const save = useSavePhoneNumber(number.id)
  const form = useForm<EditNumberFormValues>({
    resolver: zodResolver(editNumberFormSchema),
    defaultValues: formValuesFromNumber(number, catalog),
    mode: 'onChange',
  })
  const values = useWatch({ control: form.control }) as EditNumberFormValues
  const desired = desiredStateFromValues(values)

  // Planned against the number as it stands now, so after a partial failure only what is left is sent.
  let calls: PlannedCall[] = []
  let planError: string | null = null
  try {
    calls = planSave(number, catalog, desired)
  } catch (error) {
    if (!(error instanceof PlanError)) throw error
    planError = error.message
  }
  const changes = describeChanges(number, catalog, desired)
  const canSave = permissions.canRoute || permissions.canRename
  const saving = save.isPending

  const onSubmit = form.handleSubmit((valid) => {
    const chosen = desiredStateFromValues(valid)
    const plan = planSave(number, catalog, chosen)
    if (plan.length === 0) return
    const summary = describeChanges(number, catalog, chosen)
    save.mutate(
      { number, calls: plan, desired: chosen, catalog },
      {
        // With a conflict the dialog stays open and says what the number holds now.
        onSuccess: (result) =>
          result.conflicts.length === 0 &&
          onSaved(`Saved ${number.nickname ?? formatPhoneNumber(number.phone_number)}: ${summary.join('; ')}.`),
        onError: (error) => {
          const cause = error instanceof SaveError ? error.cause : error
          if (isApiError(cause)) {
            for (const detail of cause.details) {
              if (detail.field === 'nickname' || detail.field === 'label') {
                form.setError(detail.field, { message: detail.message })
              }
            }
          }
        },
      },
    )
  })

  const routingNote = !permissions.canRoute
    ? permissions.canRename
      ? 'Your key can rename numbers but not change routing.'
      : 'Your key can view numbers but not change them.'
    : null

  return (
    <form
      id={formId}
      className="dialog-body"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      onKeyDown={(event) => {
        // Escape while saving would hide the outcome; let the save finish first.
        if (event.key === 'Escape' && saving) event.preventDefault()
      }}
    >
      {routingNote && (
        <p className="notice" id={`${formId}-routing-note`}>
          {routingNote}
        </p>
      )}
      <div className="sides">
        {SIDES.map((side) => (
          <SlotFields
            key={side}
            side={side}
            number={number}
            catalog={catalog}
            control={form.control}
            setValue={form.setValue}
            agentId={values[`${side}Agent`]}
            versionId={values[`${side}Version`]}
            disabled={!permissions.canRoute || saving}
            describedBy={routingNote ? `${formId}-routing-note` : undefined}
          />
        ))}
      </div>

      <div className="text-fields">
        {(['nickname', 'label'] as const).map((field) => {
          const error = form.formState.errors[field]?.message
          const id = `${formId}-${field}`
          return (
            <div className="field" key={field}>
              <label htmlFor={id}>{field === 'nickname' ? 'Nickname' : 'Label'}</label>
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
                  {field === 'nickname'
                    ? 'Shown in tables and selectors. Leave empty to clear.'
                    : 'Internal accounting label. Leave empty to clear.'}
                </p>
              )}
            </div>
          )
        })}
      </div>

      {canSave && (
        <section className="summary" aria-labelledby={`${formId}-summary`}>
          <h3 id={`${formId}-summary`}>What Save will do</h3>
          {planError ? (
            <p role="alert">{planError}</p>
          ) : changes.length === 0 ? (
            <p className="muted">Nothing yet: change a side, the nickname or the label.</p>
          ) : (
            <ul>
              {changes.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </section>
      )}

      {save.isPaused && (
        <p className="notice" role="status">
          You are offline. The save will be sent when the connection returns; keep this dialog open.
        </p>
      )}
      {save.data && save.data.conflicts.length > 0 && <SaveConflict result={save.data} catalog={catalog} />}
      {save.error && <SaveFailure error={save.error} catalog={catalog} />}

      <div className="dialog-footer">
        <button type="button" className="button" onClick={onClose} disabled={saving}>
          {canSave ? 'Cancel' : 'Close'}
        </button>
        {canSave && (
          <button
            type="submit"
            className="button button-primary"
            disabled={saving || calls.length === 0 || planError !== null}
          >
            {saving ? 'Saving…' : 'Save'}
          </button>
        )}
      </div>
    </form>
  )
}

interface SlotFieldsProps {
  side: Side
  number: PhoneNumber
  catalog: AgentCatalog
  control: Control<EditNumberFormValues>
  setValue: UseFormSetValue<EditNumberFormValues>
  /** This side's agent and version as the form holds them now. */
  agentId: string
  versionId: string
  disabled: boolean
  describedBy: string | undefined
}

// Memoised on its side's own values: the form re-rendering for anything else (typing a nickname,
// react-hook-form's own state on mount) does not re-render the pickers.
const SlotFields = memo(function SlotFields({
  side,
  number,
  catalog,
  control,
  setValue,
  agentId,
  versionId,
  disabled,
  describedBy,
}: SlotFieldsProps) {
  const id = useId()
  const held = number[SLOT_FIELD[side]]
  const agents = useMemo(() => agentOptions(catalog, held), [catalog, held])
  const selected = versionId ? catalog.versionById.get(versionId) : undefined
  const draftNoteId = `${id}-draft`
  const heldUnknown = held !== null && !catalog.versionById.has(held)

  return (
    <fieldset className="side">
      <legend>{SIDE_NAMES[side]}</legend>
      {heldUnknown && (
        <p className="notice">
          This side holds a version the agents list does not show ({held}). Saving keeps it unless you choose another.
        </p>
      )}
      <Controller
        control={control}
        name={`${side}Agent`}
        render={({ field }) => (
          <SelectField
            id={`${id}-agent`}
            label={`${SIDE_NAMES[side]} agent`}
            value={field.value}
            options={agents}
            disabled={disabled}
            describedBy={describedBy}
            onValueChange={(next) => {
              field.onChange(next)
              setValue(`${side}Version`, next === NONE ? '' : versionOnAgentPick(catalog, next, held), {
                shouldValidate: true,
              })
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
            value={field.value === '' ? undefined : field.value}
            placeholder={agentId === NONE ? '—' : 'Choose a version'}
            options={agentId === NONE ? [] : versionOptions(catalog, agentId, held)}
            disabled={disabled || agentId === NONE}
            describedBy={selected && !selected.version.published ? draftNoteId : describedBy}
            onValueChange={field.onChange}
          />
        )}
      />
      {selected && !selected.version.published && (
        <p className="notice notice-draft" id={draftNoteId}>
          v{selected.version.version} is a draft: saving publishes it.
        </p>
      )}
      {selected?.version.description && <p className="muted small">{selected.version.description}</p>}
      {agentId === NONE && held !== null && <p className="muted small">Saving clears this side.</p>}
    </fieldset>
  )
})

function SaveConflict({ result, catalog }: { result: SaveResult; catalog: AgentCatalog }) {
  const now = (field: SaveField) => {
    if (field === 'inbound' || field === 'outbound') {
      return `${SIDE_NAMES[field]} now holds ${slotInWords(describeSlot(result.number[SLOT_FIELD[field]], catalog))}`
    }
    const value = result.number[field]
    return `${field === 'nickname' ? 'Nickname' : 'Label'} is now ${value === null ? 'empty' : `“${value}”`}`
  }
  return (
    <div role="alert" className="notice">
      <p>
        <strong>Someone else changed this number while you were saving.</strong> {result.conflicts.map(now).join('; ')}.
      </p>
      <p>The table shows what the server holds now. Save again to apply your choices over it, or Cancel to keep it.</p>
    </div>
  )
}

function SaveFailure({ error, catalog }: { error: Error; catalog: AgentCatalog }) {
  if (!(error instanceof SaveError)) {
    return (
      <div role="alert" className="error-box">
        <p>Nothing was saved: {error.message}</p>
      </div>
    )
  }
  const cause = error.cause
  const outcome =
    error.failedCallApplied === true
      ? ' but the server did apply it (the page checked)'
      : error.failedCallApplied === null
        ? ' and may or may not have been applied (the page could not check)'
        : ' and was not applied'
  return (
    <div role="alert" className="error-box">
      <p>
        <strong>{describeCall(error.failed, catalog)}</strong> failed{outcome}:{' '}
        {cause instanceof Error ? cause.message : 'unknown error'}
      </p>
      {error.applied.length > 0 && (
        <p>Applied: {error.applied.map((call) => describeCall(call, catalog)).join('; ')}.</p>
      )}
      {error.notAttempted.length > 0 && (
        <p>Not sent: {error.notAttempted.map((call) => describeCall(call, catalog)).join('; ')}.</p>
      )}
      <p>Your choices are kept and the table shows what the server holds: Save sends only what is still needed.</p>
    </div>
  )
}
