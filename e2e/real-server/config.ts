/**
 * Where the real-server end-to-end setup listens, and the keys its workspace accepts. Shared by
 * playwright.config.ts, the specs in e2e/real-api/ and the test API server itself.
 */

/**
 * Added to every port of the end-to-end setup, so that two checkouts on one machine can run their
 * suites side by side (E2E_PORT_OFFSET=100 npm run test:e2e).
 */
export const E2E_PORT_OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0)

/** The demo build, served by `vite preview`. */
export const DEMO_PORT = 4173 + E2E_PORT_OFFSET

/** The test API server (e2e/real-server/main.ts). */
export const REAL_API_PORT = 4184 + E2E_PORT_OFFSET
export const REAL_API_BASE_URL = `http://127.0.0.1:${REAL_API_PORT}`

/** The app built against that server (VITE_API_BASE_URL set, no VITE_API_KEY), served by `vite preview`. */
export const REAL_APP_PORT = 4183 + E2E_PORT_OFFSET
export const REAL_APP_ORIGIN = `http://127.0.0.1:${REAL_APP_PORT}`
export const REAL_APP_OUT_DIR = 'dist-e2e-real'

/** Not the demo keys: a real-mode build must work with whatever keys its server issues. */
export const TEST_KEYS = {
  admin: 'sk_test_admin',
  support: 'sk_test_support',
  readonly: 'sk_test_readonly',
} as const

export const TEST_KEY_NAMES: Record<keyof typeof TEST_KEYS, string> = {
  admin: 'test-admin',
  support: 'test-support',
  readonly: 'test-readonly',
}
