import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { SelectField, type SelectOption } from '@/components/ui/select-field'

const AGENTS: SelectOption[] = [
  { value: 'none', label: 'None' },
  { value: 'front', label: 'Front Desk' },
  { value: 'billing', label: 'Billing Assistant' },
]

/** The Inbound agent picker holding `value`; returns what it reported as chosen. */
function renderPicker(value: string, live?: boolean) {
  const chosen: string[] = []
  render(
    <SelectField
      id="agent"
      label="Inbound agent"
      value={value}
      options={AGENTS}
      onValueChange={(v) => chosen.push(v)}
      live={live}
    />,
  )
  return chosen
}

test('a letter typed on the closed picker chooses the option starting with it, without opening the list', async () => {
  const user = userEvent.setup()
  const chosen = renderPicker('none')
  screen.getByRole('combobox', { name: 'Inbound agent' }).focus()
  await user.keyboard('b')
  expect(chosen).toEqual(['billing'])
  expect(screen.queryByRole('listbox')).not.toBeInTheDocument()
})

test('before it is live the picker shows its chosen label under the same name, and a click opens its list', async () => {
  const user = userEvent.setup()
  renderPicker('front', false)
  const trigger = screen.getByRole('combobox', { name: 'Inbound agent' })
  expect(trigger).toHaveTextContent('Front Desk')
  expect(trigger).toHaveAttribute('aria-expanded', 'false')

  await user.click(trigger)
  expect(await screen.findByRole('listbox')).toBeInTheDocument()
  expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['None', 'Front Desk✓', 'Billing Assistant'])
})

test('before it is live the picker opens from the keyboard and a choice reaches the form', async () => {
  const user = userEvent.setup()
  const chosen = renderPicker('none', false)
  screen.getByRole('combobox', { name: 'Inbound agent' }).focus()
  await user.keyboard('{Enter}')
  await user.click(await screen.findByRole('option', { name: 'Billing Assistant' }))
  expect(chosen).toEqual(['billing'])
})
