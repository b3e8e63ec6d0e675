import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { demoSourcesIn } from '../../scripts/lib/source-map.mjs'
import { REAL_API_BASE_URL, REAL_APP_OUT_DIR } from '../real-server/config'

const OUT_DIR = join(import.meta.dirname, '..', '..', REAL_APP_OUT_DIR)

/** Every file of the real-mode build (built by playwright.config.ts's webServer before any test runs). */
function filesOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesOf(join(dir, entry.name)) : [join(dir, entry.name)],
  )
}

test('the real-mode build contains no msw code and allows only its own origin and the API', () => {
  const files = filesOf(OUT_DIR)
  const scripts = files.filter((file) => file.endsWith('.js'))
  expect(scripts.some((file) => file.includes('/assets/'))).toBe(true)
  for (const file of scripts) {
    expect(readFileSync(file, 'utf8'), file).not.toContain('demo-service-worker')
    // What each script was built from, as its source map says: neither msw nor the demo backend. The
    // bundler's own runtime is the one script without a map.
    if (!/\/rolldown-runtime-[\w-]+\.js$/.test(file)) expect(existsSync(`${file}.map`), file).toBe(true)
    expect(demoSourcesIn(file), file).toEqual([])
  }
  // Not even the service worker script that the demo build serves from public/.
  expect(files.map((file) => file.slice(OUT_DIR.length + 1))).not.toContain('demo-service-worker.js')

  const raw = readFileSync(join(OUT_DIR, 'index.html'), 'utf8')
  const html = raw.replaceAll('&#39;', "'")
  expect(html).toContain(`connect-src 'self' ${REAL_API_BASE_URL};`)
  // Scripts from its own origin, and the one inline script (src/app/inline-boot.ts) by its hash.
  const inline = [...raw.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '')
  expect(inline).toHaveLength(1)
  const hash = createHash('sha256')
    .update(inline[0] ?? '')
    .digest('base64')
  expect(html).toContain(`script-src 'self' 'sha256-${hash}';`)
})

test('every script asks Chrome to compile all its functions while it streams', () => {
  const html = readFileSync(join(OUT_DIR, 'index.html'), 'utf8')
  const boot = /<script [^>]*type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1]
  expect(boot).toBeDefined()
  const scripts = filesOf(join(OUT_DIR, 'assets')).filter((file) => file.endsWith('.js'))
  expect(scripts.map((file) => file.slice(OUT_DIR.length + 1))).toContain(boot)
  for (const file of scripts) {
    // Before the first function it covers: only the bundler's one-line map of a chunk's dependencies may come first.
    expect(readFileSync(file, 'utf8').split('\n').slice(0, 2), file).toContain('//# allFunctionsCalledOnLoad')
  }
})
