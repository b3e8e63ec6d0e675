import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { AppHeader } from '@/app/app-header'
import { FirstScreenPrefetch } from '@/app/first-screen'
import { ErrorBoundary } from '@/components/error-boundary'
import { configError } from '@/config/env'
import { PhoneNumbersPage } from '@/features/phone-numbers/components/phone-numbers-page'
import { SessionGate } from '@/features/session/components/session-gate'
import { useOnlineStatus } from '@/hooks/use-online-status'
import '@/app/offline-banner.css'

/** The whole app over one QueryClient (main.tsx creates it first, to start the first requests early). */
export function App({ queryClient }: { queryClient: QueryClient }) {
  if (configError) {
    return (
      <main className="fatal">
        <h1>This build is misconfigured</h1>
        <p>{configError}</p>
      </main>
    )
  }
  return (
    <QueryClientProvider client={queryClient}>
      <ErrorBoundary>
        <AppHeader />
        <OfflineBanner />
        <FirstScreenPrefetch />
        <SessionGate>
          <PhoneNumbersPage />
        </SessionGate>
      </ErrorBoundary>
    </QueryClientProvider>
  )
}

function OfflineBanner() {
  const online = useOnlineStatus()
  if (online) return null
  return (
    <p className="offline-banner" role="status">
      You are offline. What you see may be out of date; saves wait and are sent when the connection returns.
    </p>
  )
}
