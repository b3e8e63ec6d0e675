import * as Select from '@radix-ui/react-select'
import { useRef, useState, type KeyboardEvent } from 'react'
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
 * every closed picker, off screen, to find the chosen one's text): the trigger shows that text itself,
 * and typing on the closed trigger picks an option by its first letters, as a native select does.
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
  const typed = useRef({ text: '', at: -Infinity })
  const typeToChoose = (event: KeyboardEvent<HTMLButtonElement>) => {
    // Space opens the list (Radix); other printable keys extend what was typed within the last second.
    if (event.key.length !== 1 || event.key === ' ' || event.ctrlKey || event.altKey || event.metaKey) return
    event.preventDefault()
    const text = (event.timeStamp - typed.current.at < TYPEAHEAD_MS ? typed.current.text : '') + event.key.toLowerCase()
    typed.current = { text, at: event.timeStamp }
    const match = optionTypedFor(options, value, text)
    if (match && match.value !== value) onValueChange(match.value)
  }
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
        <Select.Trigger id={id} className="select-trigger" aria-describedby={describedBy} onKeyDown={typeToChoose}>
          {/* A value no option names (a version the agents list does not know) shows nothing, not the placeholder. */}
          <Select.Value placeholder={placeholder}>{chosen ? chosen.label : value ? '' : placeholder}</Select.Value>
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

const TYPEAHEAD_MS = 1000

/**
 * The option that typed text picks: the first whose label starts with it, from the chosen one on; a
 * single letter (or the same letter again and again) moves to the next option starting with it.
 */
export function optionTypedFor(options: SelectOption[], value: string | undefined, text: string) {
  const sameLetter = [...text].every((letter) => letter === text[0])
  const search = sameLetter ? text[0]! : text
  const chosenAt = options.findIndex((option) => option.value === value)
  const from = sameLetter ? chosenAt + 1 : Math.max(chosenAt, 0)
  const inOrder = [...options.slice(from), ...options.slice(0, from)]
  return inOrder.find((option) => option.label.toLowerCase().startsWith(search))
}
