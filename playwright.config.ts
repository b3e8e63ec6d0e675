import { existsSync } from 'node:fs'
import { defineConfig, devices } from '@playwright/test'
import { chromiumLaunchOptions } from './e2e/support/chromium'

const DEMO_PORT = 4173

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
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() } }],
  webServer: {
    // The built demo app, without artificial latency, served as production would serve it.
    command: `npx vite build --outDir dist-e2e --emptyOutDir --logLevel warn && npx vite preview --outDir dist-e2e --port ${DEMO_PORT} --strictPort --host 127.0.0.1`,
    env: { VITE_DEMO_LATENCY_MS: '0' },
    url: `http://127.0.0.1:${DEMO_PORT}`,
    reuseExistingServer: !process.env.CI && existsSync('dist-e2e'),
    timeout: 120_000,
  },
})
