/**
 * Build-time configuration. With no VITE_API_BASE_URL the app runs on its demo backend;
 * with one, it talks to that server and the bundle contains no demo code.
 *
 * Checked by hand rather than with zod: the boot script (src/main.tsx) reads this before the app's
 * code, zod included, has loaded, to start the first requests at once.
 */

type Parsed<T> = { ok: true; value: T } | { ok: false }

/** An http(s) URL without trailing slashes; empty (or unset) means the demo backend. */
function parseApiBaseUrl(raw: string | undefined): Parsed<string | null> {
  const value = raw?.trim().replace(/\/+$/, '') ?? ''
  if (value === '') return { ok: true, value: null }
  try {
    const url = new URL(value)
    return /^https?:$/.test(url.protocol) ? { ok: true, value } : { ok: false }
  } catch {
    return { ok: false }
  }
}

const baseUrl = parseApiBaseUrl(import.meta.env.VITE_API_BASE_URL)

/** Set when the build's configuration itself is wrong; the app shows it instead of starting. */
export const configError: string | null = baseUrl.ok
  ? null
  : `VITE_API_BASE_URL must be an http(s) URL such as https://api.example.com (got "${String(import.meta.env.VITE_API_BASE_URL)}").`

export const apiBaseUrl: string | null = baseUrl.ok ? baseUrl.value : null
export const isDemoMode = apiBaseUrl === null
export const configuredApiKey: string | null = baseUrl.ok ? import.meta.env.VITE_API_KEY?.trim() || null : null
