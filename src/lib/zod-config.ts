import { config } from 'zod/mini'

/**
 * Built pages have a CSP without 'unsafe-eval'. Unless told not to, zod probes `Function('')` on
 * its first object parse, which the browser reports as a CSP violation (zod then parses without
 * eval anyway). Imported first by mount.tsx and the demo backend, before anything parses. One
 * setting for zod and zod/mini alike.
 */
config({ jitless: true })
