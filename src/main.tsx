// First: configures zod before any module parses with it.
import '@/lib/zod-config'
import { prefetchFirstScreen } from '@/app/first-screen'
import { createQueryClient } from '@/lib/react-query'
import '@/app/styles.css'

async function startDemoBackendIfNeeded(): Promise<void> {
  // Read the variable itself, not a derived value: Vite inlines it, so a real-server build drops this import.
  if (import.meta.env.VITE_API_BASE_URL) return
  // Dynamic import: a real-server build contains no msw code at all.
  const { startDemoBackend } = await import('@/mocks/browser')
  // Another demo tab's change: show it here too.
  await startDemoBackend({ onOtherTabChange: () => void queryClient.invalidateQueries() })
}

const container = document.getElementById('root')!
// React and the app are evaluated while the demo backend starts and the first requests travel.
const mount = import('@/app/mount')
const queryClient = createQueryClient()

startDemoBackendIfNeeded()
  .then(
    async () => {
      prefetchFirstScreen(queryClient)
      ;(await mount).mountApp(container, queryClient)
    },
    async (error: unknown) => (await mount).mountFatal(container, error),
  )
  .catch((error: unknown) => {
    // The app's own code failed to load (a lost connection mid-deploy): say so without React.
    container.textContent = `The page could not load (${error instanceof Error ? error.message : String(error)}). Reload to try again.`
  })
