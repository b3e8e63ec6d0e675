import { configuredApiKey, isDemoMode } from '@/config/env'

/**
 * The API key in use. It lives in memory and in sessionStorage (this tab only), never in the
 * URL or localStorage. In demo mode it starts as the admin persona's key.
 */

const SESSION_KEY = 'phone-numbers:api-key'
export const DEFAULT_DEMO_KEY = 'demo_admin'

type Listener = () => void
const listeners = new Set<Listener>()

function readSession(): string | null {
  try {
    return sessionStorage.getItem(SESSION_KEY)
  } catch {
    return null
  }
}

let current: string | null = configuredApiKey ?? readSession() ?? (isDemoMode ? DEFAULT_DEMO_KEY : null)

export const credentials = {
  get: (): string | null => current,
  set: (key: string | null): void => {
    current = key
    try {
      if (key) sessionStorage.setItem(SESSION_KEY, key)
      else sessionStorage.removeItem(SESSION_KEY)
    } catch {
      // sessionStorage unavailable (privacy mode): memory only.
    }
    listeners.forEach((listener) => listener())
  },
  subscribe: (listener: Listener): (() => void) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}
