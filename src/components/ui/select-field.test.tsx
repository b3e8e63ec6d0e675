import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { SelectField, type SelectOption } from '@/components/ui/select-field'

const AGENTS: SelectOption[] = [
  { value: 'none', label: 'None' },
  { value: 'front', label: 'Front Desk' },
  { value: 'billing', label: 'Billing Assistant' },
]

test('a letter typed on the closed picker chooses the option starting with it, without opening the list', async () => {
  const user = userEvent.setup()
  const chosen: string[] = []
  render(
    <SelectField
      id="agent"
      label="Inbound agent"
      value="none"
      options={AGENTS}
      onValueChange={(v) => chosen.push(v)}
    />,
  )
  screen.getByRole('combobox', { name: 'Inbound agent' }).focus()
  await user.keyboard('b')
  expect(chosen).toEqual(['billing'])
  expect(screen.queryByRole('listbox')).not.toBeInTheDocument()
})
