/** Where the browser demo keeps its workspace (browser/persistence.ts), in a module with no imports: the head script reads it. */
export const STORAGE_KEY = 'phone-numbers-demo:workspace:v1'

/** The stored workspace as it is, not parsed; null when there is none or storage is disabled. */
export function readStoredText(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}
