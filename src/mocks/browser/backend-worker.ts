// First: configures zod before the demo backend parses anything with it, and gives msw what it looks for.
import '@/lib/zod-config'
import '@/mocks/browser/worker-globals'
import { hostDemoBackend } from '@/mocks/browser/backend-host'
import type { BackendPort } from '@/mocks/browser/backend-messages'
import { createTestHooks } from '@/mocks/browser/test-hooks'

/** The demo backend's Web Worker (started by src/mocks/browser.ts). */
hostDemoBackend(self as unknown as BackendPort, {
  // Compared with a literal so that Vite folds it, and other builds drop the hooks' code.
  testHooks: import.meta.env.VITE_DEMO_TEST_HOOKS === 'true' ? createTestHooks : null,
})
