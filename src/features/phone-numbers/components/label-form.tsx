import * as Dialog from '@radix-ui/react-dialog'
import { useId, useMemo, useState } from 'react'
import { normalizeText } from '@/features/phone-numbers/domain/desired-state'
import { labelPreviewInWords, labelReason } from '@/features/phone-numbers/domain/writes/bulk-label'
import type { JobNumber } from '@/features/phone-numbers/domain/writes/plan-writes'
import type { WriteJobSpec } from '@/features/phone-numbers/jobs/use-write-job'
import { MAX_TEXT_LENGTH } from '@/types/api'

interface LabelFormProps {
  numbers: JobNumber[]
  onApply: (spec: WriteJobSpec) => void
}

/** `Set label…`: one label (empty clears it) for every selected number, one PATCH each, a few at once. */
export function LabelForm({ numbers, onApply }: LabelFormProps) {
  const id = useId()
  const [text, setText] = useState('')
  const label = normalizeText(text)
  const tooLong = (label?.length ?? 0) > MAX_TEXT_LENGTH
  const preview = useMemo(() => labelPreviewInWords(numbers, label), [numbers, label])
  const nothingToDo = numbers.every((n) => n.label === label)
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-label`}>Label</label>
        <input
          id={`${id}-label`}
          type="text"
          autoComplete="off"
          value={text}
          aria-invalid={tooLong || undefined}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setText(event.target.value)}
        />
        <p className={tooLong ? 'field-error' : 'muted small'} id={`${id}-hint`}>
          {tooLong ? `At most ${MAX_TEXT_LENGTH} characters.` : 'Leave empty to clear the label.'}
        </p>
      </div>
      <div className="bulk-preview" id={`${id}-preview`} aria-live="polite">
        <p>{preview}</p>
      </div>
      <div className="dialog-footer">
        <Dialog.Close className="button">Cancel</Dialog.Close>
        <button
          type="button"
          className="button button-primary"
          disabled={tooLong || nothingToDo}
          aria-describedby={`${id}-preview`}
          onClick={() =>
            onApply({
              reason: labelReason(label),
              targets: numbers.map((number) => ({ number, wanted: { label } })),
            })
          }
        >
          Apply
        </button>
      </div>
    </>
  )
}
