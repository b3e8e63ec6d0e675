// First: configures zod before any module parses with it.
import '@/lib/zod-config'
import { StrictMode } from 'react'
import type { QueryClient } from '@tanstack/react-query'
import { createRoot, type Root } from 'react-dom/client'
import { App } from '@/app/app'
import { prefetchFirstScreen } from '@/app/first-screen'
import { createQueryClient } from '@/lib/react-query'

/** How long the first render waits for the first screen's answers at most. */
const FIRST_SCREEN_WAIT_MS = 300

/**
 * React, the app and zod, in a chunk of their own that the boot script (main.tsx) loads once the
 * first paint has drawn the first screen's answers (or given up).
 */
export async function mountApp(
  container: HTMLElement,
  /** Stops the first paint (first-paint/), which the app's first render replaces. */
  beforeRender: () => void,
): Promise<{ root: Root; queryClient: QueryClient }> {
  const queryClient = createQueryClient()
  // The queries take the boot script's answers at once, usually in already: the first render shows
  // the rows, instead of a loading state rendered first and the rows rendered again after it.
  // A slow answer does not hold the page back for long: its loading state shows meanwhile.
  await Promise.race([
    prefetchFirstScreen(queryClient),
    new Promise((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS)),
  ])
  beforeRender()
  const root = createRoot(container)
  root.render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  )
  return { root, queryClient }
}

/** The demo backend could not start: say so instead of a page whose every request fails. */
export function mountFatal(container: HTMLElement, error: unknown, appRoot?: Root): void {
  appRoot?.unmount()
  createRoot(container).render(
    <main className="fatal">
      <h1>The demo backend could not start</h1>
      <p>{error instanceof Error ? error.message : String(error)}</p>
      <p>Reload the page to try again.</p>
    </main>,
  )
}
