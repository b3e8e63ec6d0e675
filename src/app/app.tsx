import { QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { AppHeader } from '@/app/app-header'
import { configError } from '@/config/env'
import { PhoneNumbersPage } from '@/features/phone-numbers/components/phone-numbers-page'
import { SessionGate } from '@/features/session/components/session-gate'
import { createQueryClient } from '@/lib/react-query'

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
      <AppHeader />
      <SessionGate>
        <PhoneNumbersPage />
      </SessionGate>
    </QueryClientProvider>
  )
}
