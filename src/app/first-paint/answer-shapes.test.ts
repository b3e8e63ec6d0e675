import fc from 'fast-check'
import { agentsFrom, meFrom, numberPageFrom } from '@/app/first-paint/answer-shapes'
import { testBackend } from '@/mocks/node'
import { agentListSchema, meSchema, phoneNumberListSchema } from '@/types/api'

/**
 * The first paint's hand-written checks take exactly what the app's zod schemas take: an answer
 * the first paint draws is never one the app then refuses (an error replacing rows already shown),
 * and one the app takes is never left undrawn for want of a check.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** Every place in a JSON value, as paths of keys and indexes. */
function pathsOf(value: Json, path: (string | number)[] = []): (string | number)[][] {
  const below = Array.isArray(value)
    ? value.flatMap((item, i) => pathsOf(item, [...path, i]))
    : typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...path, key]))
      : []
  return [path, ...below]
}

/** `value` with the place at `path` replaced by `replacement`, or removed when it is undefined. */
function changedAt(value: Json, path: (string | number)[], replacement: Json | undefined): Json | undefined {
  if (path.length === 0) return replacement
  const [step, ...rest] = path
  const copy: Json = Array.isArray(value) ? [...value] : { ...(value as Record<string, Json>) }
  const next = changedAt((copy as Record<string | number, Json>)[step!]!, rest, replacement)
  if (next === undefined) {
    if (Array.isArray(copy)) copy.splice(step as number, 1)
    else delete (copy as Record<string, Json>)[step as string]
  } else (copy as Record<string | number, Json>)[step!] = next
  return copy
}

/** Values a server might send instead of the right one: other types, edge numbers and strings. */
const EDGE_VALUES: (Json | undefined)[] = [
  undefined,
  null,
  true,
  '',
  'x',
  'US',
  'USA',
  '+14155550123',
  '14155550123',
  '+0123',
  '+1234567890123456',
  0,
  -1,
  1,
  1.5,
  50,
  99,
  100,
  2 ** 53,
  [],
  {},
  'pending',
  'active',
  'twilio',
  'mobile',
  'local',
  'fax',
]

/** The value at `path` inside `value`. */
const valueAt = (value: Json, path: (string | number)[]): Json =>
  path.reduce<Json>((at, step) => (at as Record<string | number, Json>)[step]!, value)

/** `value` with `key` added to the object at `path` (a field a newer server may send). */
function withKeyAt(value: Json, path: (string | number)[], key: string, added: Json): Json {
  return changedAt(value, path, { ...(valueAt(value, path) as Record<string, Json>), [key]: added }) as Json
}

function agreesWithZod(
  answer: Json,
  check: (json: unknown) => unknown,
  schema: { safeParse: (json: unknown) => { success: boolean } },
) {
  const agree = (changed: Json | undefined, what: string) => {
    expect(check(changed) !== null, what).toBe(schema.safeParse(changed).success)
  }
  const paths = pathsOf(answer)
  // Every place, with every edge value in it: each field's type, range and pattern is tried.
  for (const path of paths) {
    for (const value of EDGE_VALUES)
      agree(changedAt(answer, path, value), `${JSON.stringify(path)} = ${JSON.stringify(value)}`)
  }
  // Every object, with a field neither side knows: both take it (zod drops unknown keys).
  const objectPaths = paths.filter((path) => {
    const at = valueAt(answer, path)
    return typeof at === 'object' && at !== null && !Array.isArray(at)
  })
  for (const path of objectPaths) {
    const changed = withKeyAt(answer, path, 'added_later', 'x')
    expect(check(changed), `${JSON.stringify(path)} + a key`).not.toBeNull()
    agree(changed, `${JSON.stringify(path)} + a key`)
  }
  // And any JSON at all in any place.
  fc.assert(
    fc.property(fc.integer({ min: 0, max: paths.length - 1 }), fc.jsonValue() as fc.Arbitrary<Json>, (at, value) =>
      agree(changedAt(answer, paths[at]!, value), JSON.stringify(paths[at])),
    ),
    { numRuns: 300 },
  )
}

const workspace = () => testBackend.workspace

test('a page of numbers: the first paint takes it exactly when the app does', () => {
  const page = workspace().listPhoneNumbers(new URLSearchParams({ limit: '6' }))
  // Canaries, imports and nulls among the rows: every kind of field is changed somewhere.
  const rows = [
    ...page.data,
    ...workspace()
      .allNumbers()
      .filter((n) => n.inbound_canary || n.import_error)
      .slice(0, 2),
  ]
  const answer = JSON.parse(JSON.stringify({ ...page, data: rows })) as Json
  expect(numberPageFrom(answer)).not.toBeNull()
  // Every kind of value each field may hold is in the sample, so each is changed somewhere.
  expect(rows.some((n) => n.inbound_canary !== null)).toBe(true)
  expect(rows.some((n) => n.import_error !== null)).toBe(true)
  expect(rows.some((n) => n.nickname === null) && rows.some((n) => n.nickname !== null)).toBe(true)
  expect(rows.some((n) => n.inbound_agent_version_id === null)).toBe(true)
  agreesWithZod(answer, numberPageFrom, phoneNumberListSchema)
})

test('the agents: the first paint takes them exactly when the app does', () => {
  const agents = workspace().listAgents()
  const answer = JSON.parse(JSON.stringify(agents)) as Json
  expect(agentsFrom(answer)).not.toBeNull()
  expect(agents.data.some((agent) => agent.archived_at !== null)).toBe(true)
  agreesWithZod(answer, agentsFrom, agentListSchema)
})

test('the key and its scopes: the first paint takes them exactly when the app does', () => {
  const answer = JSON.parse(JSON.stringify(workspace().me('Bearer demo_admin'))) as Json
  expect(meFrom(answer)).not.toBeNull()
  agreesWithZod(answer, meFrom, meSchema)
})
