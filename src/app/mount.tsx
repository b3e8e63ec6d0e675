import type { QueryClient } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from '@/app/app'

/**
 * React and the app, in a chunk of their own: main.tsx starts the first requests before this chunk
 * is evaluated, so they are in flight while it is (the build preloads it alongside main.tsx).
 */
export function mountApp(container: HTMLElement, queryClient: QueryClient): void {
  createRoot(container).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  )
}

export function mountFatal(container: HTMLElement, error: unknown): void {
  createRoot(container).render(
    <main className="fatal">
      <h1>The demo backend could not start</h1>
      <p>{error instanceof Error ? error.message : String(error)}</p>
      <p>Reload the page to try again.</p>
    </main>,
  )
}
