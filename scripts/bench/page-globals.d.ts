// What the bench's init script (in-page.mjs) adds to the pages it drives.
import type { BenchState } from './in-page.mjs'

declare global {
  interface Window {
    __bench: BenchState
    /** The demo backend's test hooks (src/mocks/browser/test-hooks.ts): the bench asks its model for each query's expected total. */
    __demoBackend?: import('../../src/mocks/browser/test-hooks').DemoBackendTestHooks
  }
}
