// @ts-check
/**
 * The one way scripts build the app, serve it with `vite preview` on a free port, start other
 * servers they need, and launch Chromium with the end-to-end tests' options
 * (scripts/screenshots.mjs, scripts/bench.mjs).
 */
import { spawn } from 'node:child_process'
export { chromiumLaunchOptions } from './chromium.mjs'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

/**
 * Runs a command in the project root, inheriting stdio; rejects unless it exits 0.
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: Record<string, string> }} [options]
 * @returns {Promise<void>}
 */
export function run(command, args, { env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)),
    )
  })
}

/**
 * A production build into `outDir` (relative to the root). `env` chooses the mode, e.g. VITE_API_BASE_URL.
 * @param {string} outDir
 * @param {Record<string, string>} [env]
 */
export function buildApp(outDir, env = {}) {
  // Demo builds expose window.__demoBackend (src/mocks/browser/test-hooks.ts): the scripts read the model through it.
  return run('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    env: { VITE_DEMO_TEST_HOOKS: 'true', ...env },
  })
}

/** @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/**
 * @param {string} url
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} timeoutMs
 */
async function waitForServer(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${child.spawnargs.join(' ')} exited with ${child.exitCode}`)
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000}s`)
}

/**
 * Starts a server in its own process group, so stopping it stops npx's children too; it is stopped
 * when this process exits. Resolves once `readyUrl` answers 200.
 * @param {string} command
 * @param {string[]} args
 * @param {{ readyUrl: string, env?: Record<string, string>, timeoutMs?: number }} options
 * @returns {Promise<{ stop: () => void }>}
 */
export async function startServer(command, args, { readyUrl, env = {}, timeoutMs = 30_000 }) {
  const child = spawn(command, args, {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
    env: { ...process.env, ...env },
  })
  const stop = () => {
    if (child.exitCode !== null || child.pid === undefined) return
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // already gone
    }
  }
  process.on('exit', stop)
  try {
    await waitForServer(readyUrl, child, timeoutMs)
  } catch (error) {
    stop()
    throw error
  }
  return { stop }
}

/**
 * Serves a build with `vite preview` on a free port. Resolves once it answers.
 * @param {string} outDir
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<{ baseUrl: string, stop: () => void }>}
 */
export async function startPreview(outDir, { timeoutMs = 30_000 } = {}) {
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const args = ['vite', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1']
  const { stop } = await startServer('npx', args, { readyUrl: baseUrl, timeoutMs })
  return { baseUrl, stop }
}
