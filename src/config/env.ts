import { z } from 'zod'

/**
 * Build-time configuration. With no VITE_API_BASE_URL the app runs on its demo backend;
 * with one, it talks to that server and the bundle contains no demo code.
 */
const envSchema = z.object({
  VITE_API_BASE_URL: z
    .string()
    .trim()
    .transform((value) => value.replace(/\/+$/, ''))
    .pipe(z.union([z.literal(''), z.url({ protocol: /^https?$/ })]))
    .optional(),
  VITE_API_KEY: z.string().trim().optional(),
})

const parsed = envSchema.safeParse(import.meta.env)

/** Set when the build's configuration itself is wrong; the app shows it instead of starting. */
export const configError: string | null = parsed.success
  ? null
  : `VITE_API_BASE_URL must be an http(s) URL such as https://api.example.com (got "${String(import.meta.env.VITE_API_BASE_URL)}").`

const values = parsed.success ? parsed.data : {}

export const apiBaseUrl: string | null = values.VITE_API_BASE_URL || null
export const isDemoMode = apiBaseUrl === null
export const configuredApiKey: string | null = values.VITE_API_KEY || null
