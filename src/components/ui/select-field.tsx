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
}

/**
 * A labelled Radix Select: a button with role combobox whose accessible name is the label. The
 * options are rendered only while the list is open (Radix would otherwise render every option of
 * every closed picker, off screen, to find the chosen one's text): the trigger shows that text itself.
 */
export function SelectField({
  id,
  label,
  value,
  options,
  onValueChange,
  disabled,
  placeholder,
  describedBy,
}: SelectFieldProps) {
  const [open, setOpen] = useState(false)
  const chosen = options.find((option) => option.value === value)
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Select.Root
        value={value ?? '' /* "" shows the placeholder and keeps it controlled */}
        onValueChange={onValueChange}
        disabled={disabled}
        open={open}
        onOpenChange={setOpen}
      >
        <Select.Trigger id={id} className="select-trigger" aria-describedby={describedBy}>
          <Select.Value placeholder={placeholder}>{chosen?.label ?? placeholder}</Select.Value>
          <Select.Icon className="select-icon" aria-hidden>
            ▾
          </Select.Icon>
        </Select.Trigger>
        {open && (
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
