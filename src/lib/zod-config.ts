import { z } from 'zod'

/**
 * Built pages have a CSP without 'unsafe-eval'. Unless told not to, zod probes `Function('')` on
 * its first object parse, which the browser reports as a CSP violation (zod then parses without
 * eval anyway). Imported first by main.tsx, before anything parses.
 */
z.config({ jitless: true })
