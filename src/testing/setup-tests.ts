import '@testing-library/jest-dom/vitest'
import { cleanup, configure } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { credentials, DEFAULT_DEMO_KEY } from '@/lib/credentials'
import { recheckTiming } from '@/features/phone-numbers/api/recheck-number'
import { resetTestBackend, server } from '@/mocks/node'
// The app loads these lazily; importing them here compiles them once up front, so the first test that
// opens a dialog does not spend its time limit on Vite transforming the module.
import '@/features/phone-numbers/components/edit-number-dialog'
import '@/features/session/components/connect-form'
import '@/features/session/components/reconnect-dialog'

// Two cores running Vitest workers side by side: give async queries more than the default second. A
// page of 50 rows rendered by jsdom on a machine doing other work too took over 4 s once (paging.test.tsx,
// while a second Vitest run shared the two cores): queries wait for what they look for up to 10 s.
configure({ asyncUtilTimeout: 10_000 })

// jsdom lacks the pointer-capture and scrolling APIs that Radix Select calls.
const radixNeeds = {
  hasPointerCapture: () => false,
  releasePointerCapture: () => undefined,
  scrollIntoView: () => undefined,
}
for (const [name, value] of Object.entries(radixNeeds)) {
  if (!(name in Element.prototype)) Object.defineProperty(Element.prototype, name, { value, configurable: true })
}

// Any request the demo backend does not know is a bug in the test or the app.
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  resetTestBackend()
  credentials.set(DEFAULT_DEMO_KEY)
  // A re-read seconds after an unclear write would land in a later test: the tests about it set their own delays.
  recheckTiming.delaysMs = []
})
afterEach(() => {
  cleanup()
  server.resetHandlers()
  sessionStorage.clear()
  window.history.replaceState(null, '', '/')
  localStorage.clear()
})
afterAll(() => server.close())

// An unexpected console.error or console.warn (a React warning, an act() warning) fails the test.
const fail =
  (kind: string) =>
  (...args: unknown[]) => {
    throw new Error(`Unexpected console.${kind}: ${args.map(String).join(' ')}`)
  }
console.error = fail('error')
console.warn = fail('warn')
