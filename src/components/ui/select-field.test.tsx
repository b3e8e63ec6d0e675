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

test('before it is live the picker shows its chosen label under the same name, and a click opens its list', async () => {
  const user = userEvent.setup()
  render(
    <SelectField
      id="agent"
      label="Inbound agent"
      value="front"
      options={AGENTS}
      onValueChange={() => {}}
      live={false}
    />,
  )
  const trigger = screen.getByRole('combobox', { name: 'Inbound agent' })
  expect(trigger).toHaveTextContent('Front Desk')
  expect(trigger).toHaveAttribute('aria-expanded', 'false')

  await user.click(trigger)
  expect(await screen.findByRole('listbox')).toBeInTheDocument()
  expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['None', 'Front Desk✓', 'Billing Assistant'])
})

test('before it is live the picker opens from the keyboard and a choice reaches the form', async () => {
  const user = userEvent.setup()
  const chosen: string[] = []
  render(
    <SelectField
      id="agent"
      label="Inbound agent"
      value="none"
      options={AGENTS}
      onValueChange={(v) => chosen.push(v)}
      live={false}
    />,
  )
  screen.getByRole('combobox', { name: 'Inbound agent' }).focus()
  await user.keyboard('{Enter}')
  await user.click(await screen.findByRole('option', { name: 'Billing Assistant' }))
  expect(chosen).toEqual(['billing'])
})
