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
   * False: only the closed trigger, as Radix renders it, without Radix behind it. Mounting a Radix
   * Select costs three synchronous renders in one commit (its trigger and value refs, the options'
   * fragment, the native options), so a dialog shows its pickers like this first and makes them live
   * in a following task. Defaults to true.
   */
  live?: boolean
}

/** A labelled Radix Select: a button with role combobox whose accessible name is the label. */
export function SelectField({ live = true, ...props }: SelectFieldProps) {
  // Opened before the dialog made it live: this picker becomes live at once, open, as Radix's would be.
  const [openedEarly, setOpenedEarly] = useState(false)
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {live || openedEarly ? (
        <LiveSelect {...props} defaultOpen={openedEarly} />
      ) : (
        <ClosedTrigger {...props} onOpen={() => setOpenedEarly(true)} />
      )}
    </div>
  )
}

type PickerProps = Omit<SelectFieldProps, 'live'>

function LiveSelect({
  id,
  value,
  options,
  onValueChange,
  disabled,
  placeholder,
  describedBy,
  defaultOpen,
}: PickerProps & { defaultOpen: boolean }) {
  return (
    <Select.Root
      defaultOpen={defaultOpen}
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
  )
}

/**
 * The markup Radix's closed trigger has (same role, state, name and text), so the switch to the
 * live picker changes nothing a user or a screen reader can see. An unknown value shows nothing,
 * as Radix does; an empty one shows the placeholder. It opens on the same gestures as Radix's trigger.
 */
function ClosedTrigger({
  id,
  value,
  options,
  disabled,
  placeholder,
  describedBy,
  onOpen,
}: PickerProps & { onOpen: () => void }) {
  const empty = value === undefined || value === ''
  const chosen = empty ? undefined : options.find((option) => option.value === value)
  return (
    <button
      type="button"
      id={id}
      role="combobox"
      aria-expanded={false}
      aria-autocomplete="none"
      aria-describedby={describedBy}
      className="select-trigger"
      data-state="closed"
      data-placeholder={empty ? '' : undefined}
      data-disabled={disabled ? '' : undefined}
      disabled={disabled}
      onPointerDown={(event) => {
        // Radix opens on a mouse's press and keeps focus off the trigger (its list takes focus).
        if (event.button === 0 && !event.ctrlKey && event.pointerType === 'mouse') {
          event.preventDefault()
          onOpen()
        }
      }}
      onClick={(event) => {
        // Touch and pen open on the click, like Radix; a mouse press has opened it already.
        if ((event.nativeEvent as PointerEvent).pointerType !== 'mouse') onOpen()
      }}
      onKeyDown={(event) => {
        if (OPEN_KEYS.includes(event.key)) {
          event.preventDefault()
          onOpen()
        }
      }}
    >
      <span style={{ pointerEvents: 'none' }}>{empty ? placeholder : chosen?.label}</span>
      <span className="select-icon" aria-hidden>
        ▾
      </span>
    </button>
  )
}

/** The keys that open Radix's Select from its trigger. */
const OPEN_KEYS = [' ', 'Enter', 'ArrowUp', 'ArrowDown']
