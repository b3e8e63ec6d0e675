// @ts-check
/**
 * Which Chromium the end-to-end tests and the scripts launch, and with which flags. Plain ESM with
 * JSDoc types so Node runs it as it is (playwright.config.ts, e2e/, scripts/ and
 * scripts/ensure-chromium.mjs all import it).
 */
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

export const DEBIAN_CHROMIUM = '/usr/bin/chromium'

/**
 * The flags every launch uses: no sandbox (CI runs as root), and nothing that reaches for the
 * internet, which these machines refuse.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/** Playwright's own Chromium when it is installed, else CHROMIUM_PATH, else Debian's; null when none is there. */
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, playwrightChromium(), DEBIAN_CHROMIUM]
  return candidates.find((path) => path !== undefined && path !== null && path !== '' && existsSync(path)) ?? null
}

/** @returns {import('@playwright/test').LaunchOptions} */
export function chromiumLaunchOptions() {
  return { executablePath: findChromium() ?? DEBIAN_CHROMIUM, args: CHROMIUM_ARGS }
}

/** @returns {string | null} */
function playwrightChromium() {
  try {
    return chromium.executablePath()
  } catch {
    return null
  }
}
