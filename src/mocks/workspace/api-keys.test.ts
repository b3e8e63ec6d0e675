import { DEMO_KEYS } from '@/mocks/fixtures/demo-keys'
import { create, expectRejected } from '@/mocks/workspace/workspace-test-support'
import { scopes, type Scope } from '@/types/api'

/**
 * Authentication and scopes: which key may call what (../shared/API.md).
 */

describe('authentication and scopes', () => {
  test.each([
    ['a missing header', null],
    ['an empty header', ''],
    ['a key without the Bearer scheme', 'demo_admin'],
    ['another scheme', 'Basic demo_admin'],
    ['Bearer without a key', 'Bearer '],
    ['an unknown key', 'Bearer sk_live_nope'],
    ['a key named like an object property', 'Bearer constructor'],
    ['a key named __proto__', 'Bearer __proto__'],
    ['a key named toString', 'Bearer toString'],
  ])('authenticate: %s is 401 unauthorized', (_name, header) => {
    const ws = create()
    expectRejected(ws, () => ws.authenticate(header), 401, 'unauthorized')
    expectRejected(ws, () => ws.authorize(header, 'numbers:read'), 401, 'unauthorized')
    expectRejected(ws, () => ws.me(header), 401, 'unauthorized')
  })

  test('authenticate: a revoked key is 401 unauthorized', () => {
    const ws = create()
    expect(ws.authenticate('Bearer demo_support').name).toBe('demo-support')
    ws.revokeKey('demo_support')
    expectRejected(ws, () => ws.authenticate('Bearer demo_support'), 401, 'unauthorized')
    expectRejected(ws, () => ws.authorize('Bearer demo_support', 'numbers:read'), 401, 'unauthorized')
    expectRejected(ws, () => ws.me('Bearer demo_support'), 401, 'unauthorized')
    expect(ws.authenticate('Bearer demo_admin').name).toBe('demo-admin') // others unaffected
  })

  test('authenticate accepts "Bearer <key>" (scheme in any case, surrounding spaces ignored)', () => {
    const ws = create()
    expect(ws.authenticate('Bearer demo_admin').name).toBe('demo-admin')
    expect(ws.authenticate('bearer demo_readonly').name).toBe('demo-readonly')
    expect(ws.authenticate('  Bearer   demo_support  ').name).toBe('demo-support')
    ws.addKey('sk_custom', { name: 'custom', scopes: ['agents:read'] })
    expect(ws.authenticate('Bearer sk_custom')).toEqual({ name: 'custom', scopes: ['agents:read'] })
  })

  const granted: Record<keyof typeof DEMO_KEYS, Scope[]> = {
    demo_admin: ['numbers:read', 'numbers:write', 'agents:read', 'agents:manage'],
    demo_support: ['numbers:read', 'numbers:write', 'agents:read'],
    demo_readonly: ['numbers:read', 'agents:read'],
  }
  test.each(
    (Object.keys(granted) as (keyof typeof granted)[]).flatMap((key) => scopes.map((scope) => [key, scope] as const)),
  )('authorize %s for %s: allowed, or 403 insufficient_scope', (key, scope) => {
    const ws = create()
    const header = `Bearer ${key}`
    if (granted[key].includes(scope)) {
      expect(ws.authorize(header, scope).name).toBe(DEMO_KEYS[key].name)
    } else {
      expectRejected(ws, () => ws.authorize(header, scope), 403, 'insufficient_scope')
    }
  })

  test.each(Object.keys(granted) as (keyof typeof granted)[])(
    'me() for %s names the workspace, key and scopes',
    (key) => {
      const ws = create()
      expect(ws.me(`Bearer ${key}`)).toEqual({
        workspace: { id: 'wsp_8c1d', name: 'Acme Health' },
        key_name: DEMO_KEYS[key].name,
        scopes: granted[key],
      })
    },
  )
})
