import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { App } from '@/app/app'
import { createQueryClient } from '@/lib/react-query'

/** Renders the whole app, as a user would see it, on the demo backend (msw/node). */
export function renderApp() {
  const user = userEvent.setup()
  const result = render(<App queryClient={createQueryClient()} />)
  return { user, ...result }
}
