import type { SelectOption } from '@/components/ui/select-field'

interface NativeSelectFieldProps {
  id: string
  label: string
  value: string
  options: SelectOption[]
  onValueChange: (value: string) => void
}

/**
 * A labelled native <select> for compact toolbar filters: it renders with the first rows, so it
 * must not pull the Radix Select machinery into the initial bundle (the dialog's pickers load it later).
 */
export function NativeSelectField({ id, label, value, options, onValueChange }: NativeSelectFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onValueChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}
