import type { UseFormReturn } from 'react-hook-form'
import type { EditNumberFormValues } from '@/features/phone-numbers/domain/edit-number-form'
import { textFieldName, textHint } from '@/features/phone-numbers/domain/save-messages'

interface TextFieldsProps {
  formId: string
  form: UseFormReturn<EditNumberFormValues>
  /** The key may change them (numbers:write); otherwise they are read-only. */
  editable: boolean
  saving: boolean
}

/** Nickname and label, each with its hint or its error. */
export function TextFields({ formId, form, editable, saving }: TextFieldsProps) {
  return (
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
              readOnly={!editable}
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
                {textHint(field, editable)}
              </p>
            )}
          </div>
        )
      })}
    </div>
  )
}
