import * as Select from '@radix-ui/react-select'
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
}: SelectFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Select.Root
        value={value ?? '' /* "" shows the placeholder and keeps it controlled */}
        onValueChange={onValueChange}
        disabled={disabled}
      >
        <Select.Trigger id={id} className="select-trigger" aria-describedby={describedBy}>
          <Select.Value placeholder={placeholder} />
          <Select.Icon className="select-icon" aria-hidden>
            ▾
          </Select.Icon>
        </Select.Trigger>
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
      </Select.Root>
    </div>
  )
}
