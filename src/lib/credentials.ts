import { configuredApiKey, isDemoMode } from '@/config/env'

/**
 * The API key in use. It lives in memory and in sessionStorage (this tab only), never in the
 * URL, localStorage, logs or error messages. In demo mode it starts as the admin persona's key.
 */

const SESSION_KEY = 'phone-numbers:api-key'
export const DEFAULT_DEMO_KEY = 'demo_admin'

export interface CredentialsState {
  key: string | null
  /** The server answered 401 for this key: it is unknown or was revoked. */
  rejected: boolean
  /** Bumped on every change, so queries can be keyed by session without holding the secret. */
  generation: number
}

type Listener = () => void
const listeners = new Set<Listener>()

function readSession(): string | null {
  try {
    return sessionStorage.getItem(SESSION_KEY)
  } catch {
    return null
  }
}

function writeSession(key: string | null): void {
  try {
    if (key) sessionStorage.setItem(SESSION_KEY, key)
    else sessionStorage.removeItem(SESSION_KEY)
  } catch {
    // sessionStorage unavailable (privacy mode): memory only.
  }
}

let state: CredentialsState = {
  key: readSession() ?? configuredApiKey ?? (isDemoMode ? DEFAULT_DEMO_KEY : null),
  rejected: false,
  generation: 0,
}

function update(next: CredentialsState): void {
  state = next
  listeners.forEach((listener) => listener())
}

export const credentials = {
  get: (): string | null => state.key,
  snapshot: (): CredentialsState => state,
  /** Start a new session with this key (Connect, persona switch, Disconnect with null). */
  set: (key: string | null): void => {
    writeSession(key)
    update({ key, rejected: false, generation: state.generation + 1 })
  },
  /** Replace a refused key within the same session, so the page and its unsaved input stay. */
  reconnect: (key: string): void => {
    writeSession(key)
    update({ key, rejected: false, generation: state.generation })
  },
  /** The server refused the key in use (401): forget it for this tab and ask for another. */
  reject: (): void => {
    if (state.rejected) return
    writeSession(null)
    update({ ...state, rejected: true })
  },
  subscribe: (listener: Listener): (() => void) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}
