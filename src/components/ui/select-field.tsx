import * as Select from '@radix-ui/react-select'
import { useState } from 'react'
import '@/components/ui/select-field.css'

export interface SelectOption {
  value: string
  label: string
}

interface SelectFieldProps {
  id: string
  label: string
  value: string | undefined
  options: SelectOption[]
  onValueChange: (value: string) => void
  disabled?: boolean
  placeholder?: string
  describedBy?: string
  /**
   * False: the trigger only, without the options behind it. Radix renders a closed Select's options
   * off screen (for its typeahead and a native select), which costs two more synchronous renders in
   * the mounting commit; a dialog mounts its pickers this way and makes them live in a later task.
   * A picker opened before that renders its options at once. Defaults to true.
   */
  live?: boolean
}

/** A labelled Radix Select: a button with role combobox whose accessible name is the label. */
export function SelectField({
  id,
  label,
  value,
  options,
  onValueChange,
  disabled,
  placeholder,
  describedBy,
  live = true,
}: SelectFieldProps) {
  const [open, setOpen] = useState(false)
  // The trigger shows the chosen label itself, so it does not wait for the options to be rendered.
  const chosen = options.find((option) => option.value === value)?.label ?? ''
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Select.Root
        value={value ?? '' /* "" shows the placeholder and keeps it controlled */}
        onValueChange={onValueChange}
        open={open}
        onOpenChange={setOpen}
        disabled={disabled}
      >
        <Select.Trigger id={id} className="select-trigger" aria-describedby={describedBy}>
          <Select.Value placeholder={placeholder}>{chosen}</Select.Value>
          <Select.Icon className="select-icon" aria-hidden>
            ▾
          </Select.Icon>
        </Select.Trigger>
        {(live || open) && (
          <Select.Portal>
            <Select.Content className="select-content" position="popper" sideOffset={4}>
              <Select.Viewport>
                {options.map((option) => (
                  <Select.Item key={option.value} value={option.value} className="select-item">
                    <Select.ItemText>{option.label}</Select.ItemText>
                    <Select.ItemIndicator className="select-indicator" aria-hidden>
                      ✓
                    </Select.ItemIndicator>
                  </Select.Item>
                ))}
              </Select.Viewport>
            </Select.Content>
          </Select.Portal>
        )}
      </Select.Root>
    </div>
  )
}
