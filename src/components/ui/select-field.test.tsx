import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { optionTypedFor, SelectField, type SelectOption } from '@/components/ui/select-field'

const AGENTS: SelectOption[] = [
  { value: 'none', label: 'None' },
  { value: 'front', label: 'Front Desk' },
  { value: 'billing', label: 'Billing Assistant' },
  { value: 'fraud', label: 'Fraud Line' },
]

test('typing on a closed picker chooses by first letters, and the same letter again moves on', () => {
  expect(optionTypedFor(AGENTS, 'none', 'b')?.value).toBe('billing')
  expect(optionTypedFor(AGENTS, 'none', 'f')?.value).toBe('front')
  expect(optionTypedFor(AGENTS, 'front', 'f')?.value).toBe('fraud')
  expect(optionTypedFor(AGENTS, 'fraud', 'ff')?.value).toBe('front')
  expect(optionTypedFor(AGENTS, 'front', 'fr')?.value).toBe('front')
  expect(optionTypedFor(AGENTS, 'front', 'fra')?.value).toBe('fraud')
  expect(optionTypedFor(AGENTS, 'none', 'x')).toBeUndefined()
})

test('a key typed on the closed trigger chooses the option without opening the list', async () => {
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
  expect(screen.getByRole('combobox', { name: 'Inbound agent' })).toHaveTextContent('None')
})
