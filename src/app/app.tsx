import { QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { AppHeader } from '@/app/app-header'
import { ErrorBoundary } from '@/components/error-boundary'
import { configError } from '@/config/env'
import { FirstPagePrefetch } from '@/features/phone-numbers/components/first-page-prefetch'
import { PhoneNumbersPage } from '@/features/phone-numbers/components/phone-numbers-page'
import { SessionGate } from '@/features/session/components/session-gate'
import { useOnlineStatus } from '@/hooks/use-online-status'
import { createQueryClient } from '@/lib/react-query'
import '@/app/offline-banner.css'

export function App() {
  const [queryClient] = useState(createQueryClient)
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
        <FirstPagePrefetch />
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
