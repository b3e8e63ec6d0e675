// @ts-check
/**
 * Makes sure the end-to-end tests have a Chromium before `npm test` runs anything: Playwright's
 * own download where the network allows it, Debian's `chromium` package where this runs as root
 * with apt, and otherwise a stop that says which command to run.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { findChromium } from './lib/chromium.mjs'

const found = findChromium()
if (found) process.exit(0)

console.log('No Chromium found for the end-to-end tests; getting one…')

/** Runs a command with inherited output; true when it exits 0 within the time limit. */
function attempt(/** @type {string} */ command, /** @type {string[]} */ args, /** @type {number} */ timeoutMs) {
  console.log(`$ ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, { stdio: 'inherit', timeout: timeoutMs })
  return result.status === 0
}

// 1. Playwright's own browser (fails quickly where only the package registries are reachable).
if (attempt('npx', ['playwright', 'install', 'chromium'], 5 * 60_000) && findChromium()) process.exit(0)

// 2. Debian's package, as root with apt.
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
if (isRoot && existsSync('/usr/bin/apt-get')) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const apt = (/** @type {string[]} */ args) =>
    spawnSync('apt-get', args, { stdio: 'inherit', env, timeout: 10 * 60_000 }).status === 0
  if (apt(['update', '-qq']) && apt(['install', '-y', '-qq', 'chromium']) && findChromium()) process.exit(0)
}

console.error(
  [
    '',
    'The end-to-end tests need Chromium, and none could be installed from here. Run one of:',
    '  npx playwright install chromium            (where the browser download is reachable)',
    '  sudo apt-get install -y chromium           (Debian or Ubuntu; then /usr/bin/chromium is used)',
    'or point CHROMIUM_PATH at an existing Chromium or Chrome binary, then run npm test again.',
  ].join('\n'),
)
process.exit(1)
