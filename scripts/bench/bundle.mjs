// @ts-check
/** What a build's index.html makes the browser download before the app runs, and what weighs in it. */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { root } from '../lib/built-app.mjs'
import { demoSourcesIn, generatedCodeBySource } from '../lib/source-map.mjs'

/**
 * @typedef {{ file: string, bytes: number, gzip: number, msw: boolean }} InitialFile
 * @typedef {{ group: string, bytes: number, gzip: number }} WeightGroup
 * @typedef {{ files: InitialFile[], bytes: number, gzip: number, initialContainsMsw: boolean,
 *   anyBuiltJsContainsMsw: string[], breakdown: WeightGroup[] }} InitialJavaScript
 */

/**
 * The module scripts and module preloads of `outDir`'s index.html and the chunks the boot script
 * loads itself before the app runs (React, the app, the first paint: its `__vite__mapDeps` list),
 * their sizes, and the code grouped by package (node_modules/<name>) or app folder, each group
 * gzipped alone.
 * @param {string} outDir
 * @returns {InitialJavaScript}
 */
export function initialJavaScript(outDir) {
  const dir = join(root, outDir)
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const urls = [
    ...[...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] ?? ''),
    ...[...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map((m) => m[1] ?? ''),
  ]
  // The boot script's dynamic imports (src/main.tsx): Vite lists their chunks, transitively, in `__vite__mapDeps`.
  const bootScripts = urls.slice(0, 1).flatMap((url) => {
    const code = readFileSync(join(dir, url.replace(/^\//, '')), 'utf8')
    const list = /__vite__mapDeps=[^[]*\[([^\]]*)\]/.exec(code)?.[1] ?? ''
    return [...list.matchAll(/"([^"]+\.js)"/g)].map((m) => `/${m[1] ?? ''}`)
  })
  const files = [...new Set([...urls, ...bootScripts])].map((url) => {
    const content = readFileSync(join(dir, url.replace(/^\//, '')))
    return {
      file: url,
      bytes: content.length,
      gzip: gzipSync(content).length,
      msw: holdsDemoCode(join(dir, url.replace(/^\//, ''))),
    }
  })
  /** @type {Map<string, string>} */
  const groups = new Map()
  for (const { file } of files) {
    for (const [source, code] of generatedCodeBySource(join(dir, file.replace(/^\//, '')))) {
      const group =
        source === null
          ? '(unmapped)'
          : source.includes('node_modules/')
            ? source.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, 'node_modules/$1')
            : source.replace(/^(src\/[^/]+(\/[^/]+)?)\/.*$/, '$1')
      groups.set(group, (groups.get(group) ?? '') + code)
    }
  }
  const breakdown = [...groups]
    .map(([group, code]) => ({ group, bytes: Buffer.byteLength(code), gzip: gzipSync(code).length }))
    .sort((a, b) => b.bytes - a.bytes)
  // A real-server build's inline script (src/app/inline-boot.ts) counts too; it has no map, so no breakdown.
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => Buffer.from(m[1] ?? ''))
  for (const content of inline) {
    files.push({
      file: '(inline script in index.html)',
      bytes: content.length,
      gzip: gzipSync(content).length,
      msw: false,
    })
  }
  const allJs = readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js'))
  const withMsw = allJs.filter((f) => holdsDemoCode(join(dir, 'assets', f)))
  return {
    files,
    bytes: files.reduce((a, f) => a + f.bytes, 0),
    gzip: files.reduce((a, f) => a + f.gzip, 0),
    initialContainsMsw: files.some((f) => f.msw),
    anyBuiltJsContainsMsw: withMsw,
    breakdown,
  }
}

/** Whether the demo's code (msw, src/mocks) is in a built script. @param {string} file */
const holdsDemoCode = (file) => demoSourcesIn(file).length > 0
