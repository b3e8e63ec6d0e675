import type { UseFormReturn } from 'react-hook-form'
import type { EditNumberFormValues } from '@/features/phone-numbers/domain/edit-number-form'
import { webhookHint } from '@/features/phone-numbers/domain/save-messages'

interface WebhookFieldProps {
  formId: string
  form: UseFormReturn<EditNumberFormValues>
  /** The key may change it (agents:manage and numbers:write); otherwise it is read-only. */
  editable: boolean
  /** Why it is read-only, in words; null when it is editable. */
  note: string | null
  saving: boolean
}

/** `Inbound webhook URL`: an https URL or empty, checked as typed (the form's schema says what is wrong). */
export function WebhookField({ formId, form, editable, note, saving }: WebhookFieldProps) {
  const id = `${formId}-webhook`
  const error = form.formState.errors.webhookUrl?.message
  const described = [error ? `${id}-error` : `${id}-hint`, note ? `${id}-note` : null].filter(Boolean).join(' ')
  return (
    <div className="field webhook-field">
      <label htmlFor={id}>Inbound webhook URL</label>
      <input
        id={id}
        type="text"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder={editable ? 'https://' : 'None'}
        readOnly={!editable}
        disabled={saving}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        {...form.register('webhookUrl')}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : (
        <p className="muted small" id={`${id}-hint`}>
          {webhookHint(editable)}
        </p>
      )}
      {note && (
        <p className="muted small" id={`${id}-note`}>
          {note}
        </p>
      )}
    </div>
  )
}
