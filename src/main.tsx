// First: configures zod before any module parses with it.
import '@/lib/zod-config'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from '@/app/app'
import '@/app/styles.css'

async function startDemoBackendIfNeeded(): Promise<void> {
  // Read the variable itself, not a derived value: Vite inlines it, so a real-server build drops this import.
  if (import.meta.env.VITE_API_BASE_URL) return
  // Dynamic import: a real-server build contains no msw code at all.
  const { startDemoBackend } = await import('@/mocks/browser')
  await startDemoBackend()
}

const root = createRoot(document.getElementById('root')!)
startDemoBackendIfNeeded()
  .then(() =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  )
  .catch((error: unknown) => {
    root.render(
      <main className="fatal">
        <h1>The demo backend could not start</h1>
        <p>{error instanceof Error ? error.message : String(error)}</p>
        <p>Reload the page to try again.</p>
      </main>,
    )
  })
