interface FlagFilterProps {
  id: string
  label: string
  checked: boolean
  onCheckedChange: (checked: boolean) => void
}

/** A yes-or-any filter (`Has canary`, `Import error`): checked narrows the view, unchecked does not filter. */
export function FlagFilter({ id, label, checked, onCheckedChange }: FlagFilterProps) {
  return (
    <div className="field flag-filter">
      <input id={id} type="checkbox" checked={checked} onChange={(event) => onCheckedChange(event.target.checked)} />
      <label htmlFor={id}>{label}</label>
    </div>
  )
}
