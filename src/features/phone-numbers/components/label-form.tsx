import * as Dialog from '@radix-ui/react-dialog'
import { useId, useMemo, useState } from 'react'
import { normalizeText } from '@/features/phone-numbers/domain/desired-state'
import { labelPreviewInWords, labelReason } from '@/features/phone-numbers/domain/writes/bulk-label'
import type { JobNumbers } from '@/features/phone-numbers/domain/writes/job-numbers'
import type { WriteJobSpec } from '@/features/phone-numbers/jobs/use-write-job'
import { MAX_TEXT_LENGTH, characterCount } from '@/types/api'

interface LabelFormProps {
  numbers: JobNumbers
  onApply: (spec: WriteJobSpec) => void
}

/** `Set label…`: one label (empty clears it) for every selected number, one PATCH each, a few at once. */
export function LabelForm({ numbers, onApply }: LabelFormProps) {
  const id = useId()
  const [text, setText] = useState('')
  const label = normalizeText(text)
  const tooLong = characterCount(label ?? '') > MAX_TEXT_LENGTH
  const already = useMemo(() => numbersWithLabel(numbers, label), [numbers, label])
  const preview = labelPreviewInWords(numbers.size, already, label)
  const nothingToDo = already === numbers.size
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
              numbers,
              wantedOf: () => ({ label }),
            })
          }
        >
          Apply
        </button>
      </div>
    </>
  )
}

/** How many of the numbers (as read) have this label already. */
function numbersWithLabel(numbers: JobNumbers, label: string | null): number {
  let count = 0
  for (let row = 0; row < numbers.size; row++) if (numbers.labelAsRead(row) === label) count += 1
  return count
}
