import { zodResolver } from '@hookform/resolvers/zod'
import { startTransition, useEffect, useEffectEvent, useId, useRef, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { focusFirstControlAfterPaint } from '@/components/ui/focus-first-control'
import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { SaveError } from '@/features/phone-numbers/api/save-phone-number'
import { CanaryFields } from '@/features/phone-numbers/components/canary-fields'
import { ImportErrorNotice } from '@/features/phone-numbers/components/import-error-notice'
import { SaveOutcome } from '@/features/phone-numbers/components/save-outcome'
import { SaveSummary } from '@/features/phone-numbers/components/save-summary'
import { SideFields } from '@/features/phone-numbers/components/side-fields'
import { TextFields } from '@/features/phone-numbers/components/text-fields'
import { WebhookField } from '@/features/phone-numbers/components/webhook-field'
import type { SaveDraft } from '@/features/phone-numbers/domain/desired-state'
import { statesAlongSave } from '@/features/phone-numbers/domain/save-outcome'
import {
  clashesWithServer,
  draftOverNumber,
  editNumberFormSchema,
  followNumber,
  formValuesFromNumber,
  withinPermissions,
  type EditNumberFormValues,
} from '@/features/phone-numbers/domain/edit-number-form'
import {
  CHANGED_WHILE_EDITING,
  droppedByKeyNote,
  EARLIER_SAVE_RUNNING,
  rateLimitWaitLabel,
  routingNote,
  savedMessage,
  webhookNote,
} from '@/features/phone-numbers/domain/save-messages'
import { changesSinceInWords } from '@/features/phone-numbers/domain/save-outcome-messages'
import { SIDES, SLOT_FIELD } from '@/features/phone-numbers/domain/sides'
import { useNumberSave } from '@/features/phone-numbers/hooks/use-number-save'
import { useSavePlan } from '@/features/phone-numbers/hooks/use-save-plan'
import type { Permissions } from '@/features/session/use-session'
import { useLeaveGuard } from '@/hooks/use-leave-guard'
import { isApiError } from '@/lib/api-error'
import type { PhoneNumber } from '@/types/api'

interface EditNumberFormProps {
  /** The number as the cache holds it now. */
  number: PhoneNumber
  /** A choice to start from instead of the number's state (a failed save tried again). */
  draft: SaveDraft | null
  catalog: AgentCatalog
  permissions: Permissions
  onCancel: () => void
  onSaved: () => void
  /** Whether the form holds changes that are not saved and no save is running. */
  onUnsavedChange: (unsaved: boolean) => void
}

/** The form field a refusal's detail names (API.md's field names), to show the server's words beside it. */
const FIELD_OF_DETAIL: Record<string, keyof EditNumberFormValues> = {
  nickname: 'nickname',
  label: 'label',
  inbound_webhook_url: 'webhookUrl',
  percent: 'canaryShare',
  agent_version_id: 'canaryVersion',
}

/**
 * The edit dialog's body: the import error if any, both sides' pickers, the inbound canary, nickname,
 * label and webhook URL, what Save will do, and the last save's outcome.
 */
export function EditNumberForm(props: EditNumberFormProps) {
  const { number, draft, catalog, permissions, onCancel, onSaved, onUnsavedChange } = props
  const formId = useId()
  const saveButton = useRef<HTMLButtonElement>(null)
  const formRef = useRef<HTMLFormElement>(null)
  // The dialog opens with closed triggers for pickers (cheap to mount) and makes them Radix Selects one
  // side per transition: three short tasks instead of one long one. Focus goes to the first control then.
  const [liveSides, setLiveSides] = useState(0)
  const allLive = liveSides === SIDES.length
  useEffect(() => {
    if (!allLive) startTransition(() => setLiveSides(liveSides + 1))
  }, [liveSides, allLive])
  useEffect(() => (allLive ? focusFirstControlAfterPaint(formRef.current) : undefined), [allLive])
  const save = useNumberSave(number.id)
  const form = useForm<EditNumberFormValues>({
    resolver: zodResolver(editNumberFormSchema),
    defaultValues: formValuesFromNumber(number, catalog),
    mode: 'onChange',
  })
  const values = useWatch({ control: form.control }) as EditNumberFormValues
  const plan = useSavePlan(number, catalog, values)
  const canSave = permissions.canRoute || permissions.canRename
  const { saving } = save
  const note = routingNote(permissions)
  const noteId = `${formId}-routing-note`
  const [droppedNote, setDroppedNote] = useState<string | null>(null)
  const unsaved = plan.changes.length > 0 && !saving

  /** Sets the fields whose value differs from `next`, leaving the others (and their state) alone. */
  const setValues = (next: EditNumberFormValues, options?: { shouldDirty: boolean; shouldValidate: boolean }) => {
    const current = form.getValues()
    for (const field of Object.keys(next) as (keyof EditNumberFormValues)[]) {
      if (next[field] !== current[field]) form.setValue(field, next[field], options)
    }
  }
  // A failed save tried again: the fields the user had changed take the chosen values again, over
  // the number as it is now (what someone else changed in the other fields stays).
  const applyDraft = useEffectEvent(() => {
    if (draft) setValues(draftOverNumber(draft, number, catalog), { shouldDirty: true, shouldValidate: true })
  })
  useEffect(() => applyDraft(), [])

  // The number changed on the server (the fresh read on open, another admin's change found after a
  // refused save, an earlier save ending): the fields the user has not changed follow it, also while a
  // save runs (its refusal re-reads the number); what the user changed stays, so Save sends only that.
  // A field the user changed changed on the server too (another admin, another tab, read in by a refetch):
  // say so before Save puts the user's choice over it. While a save runs (this dialog's, or an earlier one
  // of this number from a closed dialog) the number changes by its own calls, and after a refused one
  // SaveOutcome says what changed: not here then.
  const followed = useRef(number)
  const [changedUnderYou, setChangedUnderYou] = useState<string[]>([])
  // The earlier saves of this number running since the form last followed it: the states their calls
  // pass through are theirs, but a refused one reads in someone else's change. Kept in a ref, since such
  // a save's last answer and its end come in one render.
  const earlierSavesSinceFollowed = useRef<typeof save.runningSaves>([])
  useEffect(() => {
    if (saving) return
    const seen = earlierSavesSinceFollowed.current
    seen.push(...save.runningSaves.filter((running) => !seen.includes(running)))
  }, [saving, save.runningSaves])
  const followServer = useEffectEvent(() => {
    const before = followed.current
    followed.current = number
    if (before === number) return
    const earlierStates = earlierSavesSinceFollowed.current.flatMap(({ number: from, calls }) =>
      statesAlongSave(from, calls, catalog),
    )
    earlierSavesSinceFollowed.current = saving ? [] : [...save.runningSaves]
    const values = form.getValues()
    const clashing = clashesWithServer(values, before, number, earlierStates)
    if (!saving && !save.error && clashing.length > 0)
      setChangedUnderYou(changesSinceInWords(before, number, catalog, clashing))
    setValues(followNumber(values, before, number, catalog))
  })
  useEffect(() => followServer(), [number])

  // Another key (a reconnect) may change less: put back what it may not change, keep the rest, say so.
  const { canRoute, canRename } = permissions
  const [allowedSeen, setAllowedSeen] = useState({ canRoute, canRename })
  if (allowedSeen.canRoute !== canRoute || allowedSeen.canRename !== canRename) {
    setAllowedSeen({ canRoute, canRename })
    const { dropped } = withinPermissions(form.getValues(), number, catalog, permissions)
    if (dropped.length > 0) setDroppedNote(droppedByKeyNote(dropped))
  }
  const putBackForbidden = useEffectEvent(() => {
    const allowed = withinPermissions(form.getValues(), number, catalog, permissions).values
    for (const field of Object.keys(allowed) as (keyof EditNumberFormValues)[]) {
      if (allowed[field] !== form.getValues(field)) form.setValue(field, allowed[field], { shouldValidate: true })
    }
  })
  useEffect(() => putBackForbidden(), [canRoute, canRename])

  useEffect(() => {
    onUnsavedChange(unsaved)
  }, [unsaved, onUnsavedChange])
  useLeaveGuard(unsaved)

  // Validation gates the submit; the plan is the one this render shows.
  const nothingToSave = plan.calls.length === 0 || plan.error !== null || save.earlierSaveRunning
  const submitPlan = () => {
    if (nothingToSave || saving) return
    setChangedUnderYou([])
    // The controls are disabled while saving: keep focus on Save (aria-disabled, still focusable), not on <body>.
    saveButton.current?.focus()
    save.submit(
      { number, calls: plan.calls, desired: plan.desired, savedMessage: savedMessage(number, catalog, plan.desired) },
      {
        onSuccess: () => onSaved(),
        onError: (error) => {
          const cause = error instanceof SaveError ? error.cause : error
          if (!isApiError(cause)) return
          for (const detail of cause.details) {
            const field = FIELD_OF_DETAIL[detail.field]
            if (field) form.setError(field, { message: detail.message })
          }
        },
      },
    )
  }

  return (
    <form
      ref={formRef}
      id={formId}
      className="dialog-body"
      noValidate
      onSubmit={(event) => {
        // Nothing to send (Save is aria-disabled): Enter in a field neither validates nor moves focus.
        if (nothingToSave || saving) return event.preventDefault()
        void form.handleSubmit(() => submitPlan())(event)
      }}
    >
      {number.import_error !== null && <ImportErrorNotice reason={number.import_error} />}
      {note && (
        <p className="notice" id={noteId}>
          {note}
        </p>
      )}
      {droppedNote && (
        <p className="notice" role="status">
          {droppedNote}
        </p>
      )}
      <div className="notice live-region" role="status">
        {changedUnderYou.length > 0 && (
          <>
            <p>{CHANGED_WHILE_EDITING}</p>
            {changedUnderYou.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </>
        )}
      </div>
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

      <CanaryFields
        form={form}
        values={values}
        held={number.inbound_canary}
        catalog={catalog}
        editable={permissions.canRoute}
        saving={saving}
        describedBy={note ? noteId : undefined}
        live={allLive}
      />

      <TextFields formId={formId} form={form} editable={permissions.canRename} saving={saving} />
      <WebhookField
        formId={formId}
        form={form}
        editable={permissions.canRoute && permissions.canRename}
        note={webhookNote(permissions)}
        saving={saving}
      />

      {canSave && <SaveSummary formId={formId} changes={plan.changes} error={plan.error} permissions={permissions} />}

      {save.earlierSaveRunning && (
        <p className="notice" role="status">
          {EARLIER_SAVE_RUNNING}
        </p>
      )}
      <SaveOutcome paused={save.paused} error={save.error} number={number} catalog={catalog} />

      <div className="dialog-footer">
        {save.paused ? (
          <button type="button" className="button" onClick={save.cancelQueued}>
            Cancel save
          </button>
        ) : (
          <button type="button" className="button" onClick={onCancel} disabled={saving}>
            {canSave ? 'Cancel' : 'Close'}
          </button>
        )}
        {canSave && (
          <button
            type="submit"
            ref={saveButton}
            className="button button-primary"
            // Never `disabled`: a Save that had focus (a failed save, then nothing left to send) would drop it to the page.
            aria-disabled={saving || nothingToSave || undefined}
          >
            {save.rateLimitWait !== null ? rateLimitWaitLabel(save.rateLimitWait) : saving ? 'Saving…' : 'Save'}
          </button>
        )}
      </div>
    </form>
  )
}
