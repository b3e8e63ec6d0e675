import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'
import { chromiumLaunchOptions } from './e2e/support/chromium'
import {
  DEMO_PORT,
  REAL_API_BASE_URL,
  REAL_API_PORT,
  REAL_APP_ORIGIN,
  REAL_APP_OUT_DIR,
  REAL_APP_PORT,
} from './e2e/real-server/config'

/** Specs that drive the real-mode build against the test API server (e2e/real-server/). */
const REAL_API_SPECS = /real-api\/.*\.spec\.ts$/
/** The seeded chaos run (e2e/chaos.spec.ts): minutes long, so it is its own project. */
const CHAOS_SPECS = /chaos\.spec\.ts$/

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${DEMO_PORT}`,
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
  projects: [
    {
      name: 'real-api',
      testMatch: REAL_API_SPECS,
      // One workspace on one server, reset before each test: these tests take turns, on one worker
      // while the demo tests use the other (listed first so that both run from the start).
      workers: 1,
      use: { ...devices['Desktop Chrome'], baseURL: REAL_APP_ORIGIN, launchOptions: chromiumLaunchOptions() },
    },
    {
      name: 'chromium',
      testIgnore: [REAL_API_SPECS, CHAOS_SPECS],
      use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() },
    },
    {
      name: 'chaos',
      testMatch: CHAOS_SPECS,
      // About 4 minutes of edits, then the final comparison.
      timeout: 8 * 60_000,
      use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() },
    },
  ],
  // Started one after the other, so the builds do not compete for the two cores.
  webServer: [
    {
      // The built demo app, without artificial latency, served as production would serve it.
      command: `npx vite build --outDir dist-e2e --emptyOutDir --logLevel warn && npx vite preview --outDir dist-e2e --port ${DEMO_PORT} --strictPort --host 127.0.0.1`,
      env: { VITE_DEMO_LATENCY_MS: '0', VITE_DEMO_TEST_HOOKS: 'true' },
      url: `http://127.0.0.1:${DEMO_PORT}`,
      reuseExistingServer: !process.env.CI && existsSync('dist-e2e'),
      timeout: 120_000,
    },
    {
      // The app built for a real server: no msw, and no key baked in (the page asks for one).
      command: `npx vite build --outDir ${REAL_APP_OUT_DIR} --emptyOutDir --logLevel warn && npx vite preview --outDir ${REAL_APP_OUT_DIR} --port ${REAL_APP_PORT} --strictPort --host 127.0.0.1`,
      env: { VITE_API_BASE_URL: REAL_API_BASE_URL, VITE_API_KEY: '' },
      url: REAL_APP_ORIGIN,
      reuseExistingServer: !process.env.CI && existsSync(REAL_APP_OUT_DIR),
      timeout: 120_000,
    },
    {
      // The test API server (Node's http over the demo backend's handlers), bundled first: Node 20 runs no TypeScript.
      command:
        'npx vite build --ssr e2e/real-server/main.ts --outDir dist-real-server --emptyOutDir --logLevel warn && node dist-real-server/main.js',
      env: { REAL_API_PORT: String(REAL_API_PORT), REAL_API_ALLOWED_ORIGINS: REAL_APP_ORIGIN },
      url: `${REAL_API_BASE_URL}/__control/health`,
      reuseExistingServer: !process.env.CI && existsSync('dist-real-server'),
      timeout: 60_000,
    },
  ],
})
