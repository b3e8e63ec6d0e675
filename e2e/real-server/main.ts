/**
 * Starts the test API server. Node 20 cannot run TypeScript, so playwright.config.ts bundles this
 * file with Vite's SSR build (which applies the `@/` alias; msw and zod stay in node_modules):
 *
 *   npx vite build --ssr e2e/real-server/main.ts --outDir dist-real-server && node dist-real-server/main.js
 *
 * REAL_API_PORT and REAL_API_ALLOWED_ORIGINS (comma-separated) override the defaults in config.ts;
 * REAL_API_NUMBERS seeds that many numbers instead of the demo's default (the bench uses 10,000).
 */
import { REAL_API_PORT, REAL_APP_ORIGIN } from './config'
import { createRealApiServer } from './server'

const HOST = '127.0.0.1'

async function main(): Promise<void> {
  const port = Number(process.env.REAL_API_PORT ?? REAL_API_PORT)
  const allowedOrigins = (process.env.REAL_API_ALLOWED_ORIGINS ?? REAL_APP_ORIGIN)
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
  const numbers = process.env.REAL_API_NUMBERS ? Number(process.env.REAL_API_NUMBERS) : undefined
  if (numbers !== undefined && !(Number.isInteger(numbers) && numbers >= 0)) {
    throw new Error(`REAL_API_NUMBERS must be a whole number, not ${process.env.REAL_API_NUMBERS}`)
  }
  const api = createRealApiServer({ allowedOrigins, numbers })
  await api.listen(port, HOST)
  const seeded = numbers === undefined ? 'the default seed' : `${numbers} numbers`
  console.log(`Test API server on http://${HOST}:${port} (${seeded}), CORS for ${allowedOrigins.join(', ')}`)
  const stop = () => void api.close().then(() => process.exit(0))
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
