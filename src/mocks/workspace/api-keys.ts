import { insufficientScope, unauthorized } from '@/mocks/api-failure'
import type { Scope } from '@/types/api'

export interface ApiKey {
  name: string
  scopes: Scope[]
  revoked?: boolean
}

/** The workspace's API keys by secret: who a request is, and whether it may do what it asks. */
export class ApiKeys {
  // A Map, not an object: a key named `constructor` or `__proto__` must be unknown, not Object.prototype's.
  private readonly keys: Map<string, ApiKey>

  constructor(keys: Record<string, ApiKey>) {
    this.keys = new Map(Object.entries(structuredClone(keys)))
  }

  /** Resolves the `Authorization` header to a key, or throws 401. */
  authenticate(authorization: string | null): ApiKey {
    const match = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? '')
    const key = match?.[1] ? this.keys.get(match[1].trim()) : undefined
    if (!key || key.revoked) throw unauthorized()
    return key
  }

  /** Throws 401 or 403 unless the header names a valid key with this scope. */
  authorize(authorization: string | null, scope: Scope): ApiKey {
    const key = this.authenticate(authorization)
    if (!key.scopes.includes(scope)) throw insufficientScope(scope)
    return key
  }

  revoke(secret: string): void {
    const key = this.keys.get(secret)
    if (key) key.revoked = true
  }

  add(secret: string, key: ApiKey): void {
    this.keys.set(secret, { ...key, scopes: [...key.scopes] })
  }
}
