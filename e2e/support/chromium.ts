import { existsSync } from 'node:fs'
import { chromium, type LaunchOptions } from '@playwright/test'

/**
 * Playwright cannot download its own browser on these machines: use its own when it is there,
 * otherwise CHROMIUM_PATH or Debian's /usr/bin/chromium, with the flags that keep Chromium
 * from reaching for the internet.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  const bundled = safeExecutablePath()
  const executablePath = process.env.CHROMIUM_PATH ?? (bundled && existsSync(bundled) ? bundled : '/usr/bin/chromium')
  return {
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  }
}

function safeExecutablePath(): string | null {
  try {
    return chromium.executablePath()
  } catch {
    return null
  }
}
