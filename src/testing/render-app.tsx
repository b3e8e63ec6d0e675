import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { App } from '@/app/app'
import { createQueryClient } from '@/lib/react-query'

/** Renders the whole app, as a user would see it, on the demo backend (msw/node). */
export function renderApp() {
  const user = userEvent.setup()
  // Returned for what only the app's own timing would do otherwise (a refetch on focus, another tab's change).
  const queryClient = createQueryClient()
  const result = render(<App queryClient={queryClient} />)
  return { user, queryClient, ...result }
}
