import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { vi } from 'vitest'
import { ErrorBoundary } from '@/components/error-boundary'

let broken = true
function Fragile() {
  const [label] = useState('Recovered')
  if (broken) throw new Error('render exploded')
  return <p>{label}</p>
}

test('an unexpected error shows a way back instead of a blank page, and Try again recovers', async () => {
  const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
  render(
    <ErrorBoundary>
      <Fragile />
    </ErrorBoundary>,
  )
  expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong on this page')
  expect(screen.getByRole('alert')).toHaveTextContent('render exploded')
  broken = false
  await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
  expect(screen.getByText('Recovered')).toBeInTheDocument()
  expect(consoleError).toHaveBeenCalled()
})
