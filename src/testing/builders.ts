import { testBackend } from '@/mocks/node'
import { createSeedRecords } from '@/mocks/seed'
import { Workspace } from '@/mocks/workspace'
import type { ApiKey } from '@/mocks/workspace/api-keys'
import { credentials } from '@/lib/credentials'
import type { NumberChange, PhoneNumber, Scope } from '@/types/api'

/**
 * Builders: each test says which numbers and keys it needs, instead of leaning on the seed's rows.
 * Numbers join the seeded workspace (agents, demo keys and 40 numbers stay as they are).
 */

export interface GivenNumber {
  nickname?: string | null
  label?: string | null
  /** Version ids, as the API holds them: `agv_front_desk_3`. */
  inbound?: string | null
  outbound?: string | null
  status?: PhoneNumber['status']
  phone_number?: string
  canary?: PhoneNumber['inbound_canary']
  webhook?: string | null
  import_error?: string | null
}

// Keys added by givenKey to a workspace, so that a later givenNumber (which rebuilds it) keeps them.
const keysGiven = new WeakMap<Workspace, Record<string, ApiKey>>()

/** A fresh number with exactly this state, stored in the test backend, listed last (newest) on the first page. */
export function givenNumber(given: GivenNumber = {}): PhoneNumber {
  const current = testBackend.workspace
  const numbers = current.allNumbers()
  const newest = Math.max(0, ...numbers.map((n) => Date.parse(n.created_at)))
  const phoneNumber = given.phone_number ?? unusedNumber(current)
  const created = new Date(newest + 60_000).toISOString()
  const number: PhoneNumber = {
    id: `phn_given_${phoneNumber.slice(1)}`,
    phone_number: phoneNumber,
    nickname: given.nickname ?? null,
    label: given.label ?? null,
    status: given.status ?? 'active',
    provider: 'twilio',
    country_code: 'US',
    number_type: 'local',
    inbound_agent_version_id: given.inbound ?? null,
    outbound_agent_version_id: given.outbound ?? null,
    inbound_canary: given.canary ?? null,
    inbound_webhook_url: given.webhook ?? null,
    import_error: given.import_error ?? null,
    created_at: created,
    updated_at: created,
  }
  // The Workspace has no "add a number" rule (the API has none): build the same workspace plus this one.
  const seed = createSeedRecords({ numbers: 0 })
  const keys = keysGiven.get(current) ?? {}
  const next = new Workspace({ ...seed, numbers: [...numbers, number], keys: { ...seed.keys, ...keys } })
  next.applyChanges({ ...current.changes(), numbers: [] })
  keysGiven.set(next, keys)
  testBackend.workspace = next
  return number
}

function unusedNumber(workspace: Workspace): string {
  // 555-01xx numbers are reserved for fiction; area code 628 is not among the seed's.
  for (let n = 100; n < 200; n++) {
    const e164 = `+1628555${String(n).padStart(4, '0')}`
    if (!workspace.numberByE164(e164)) return e164
  }
  throw new Error('givenNumber: more than 100 numbers in one test')
}

/** The number as the test backend holds it now. */
export const storedNumber = (number: PhoneNumber): PhoneNumber => testBackend.workspace.getPhoneNumber(number.id)

/** What "another admin" may change behind the page's back: any field an event names. */
export type OtherAdminChange = NumberChange

/** Another admin changes the number on the server (not through the page): its `updated_at` moves on, an event is recorded. */
export function anotherAdminChanges(number: PhoneNumber, change: OtherAdminChange): PhoneNumber {
  return testBackend.workspace.changeAsAnotherAdmin(number.id, change)
}

/** An API key with exactly these scopes, which the page then uses. */
export function givenKey(scopes: Scope[], secret = 'sk_test_key'): void {
  const key = { name: 'test-key', scopes }
  testBackend.workspace.addKey(secret, key)
  keysGiven.set(testBackend.workspace, { ...keysGiven.get(testBackend.workspace), [secret]: key })
  credentials.set(secret)
}
