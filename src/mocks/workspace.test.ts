import { ApiFailure } from '@/mocks/api-failure'
import { DEMO_KEYS } from '@/mocks/fixtures/demo-keys'
import { createSeedRecords, createSeedWorkspace, DEFAULT_NUMBER_COUNT } from '@/mocks/seed'
import { Workspace, type WorkspaceData } from '@/mocks/workspace'
import { agentSchema, phoneNumberSchema, scopes, type PhoneNumber, type Scope, type SortField } from '@/types/api'

/**
 * The demo backend's model, rule by rule against ../shared/API.md. Every error case also checks
 * that the workspace is exactly as it was before the call.
 */

const NOW = '2025-06-01T12:00:00.000Z'
const clock = () => new Date(NOW)

function create(data: WorkspaceData = createSeedWorkspace()): Workspace {
  return new Workspace(data, clock)
}

// Curated seed rows (src/mocks/seed.ts) used by name below.
const MAIN = '+14155550123' // in: front_desk_3, out: none; "Main Support Line", label cc-4410
const BILLING = '+14155550148' // billing_3 on both sides
const APPOINTMENTS = '+14155550172' // reminders_2 on both sides
const NEW_YORK = '+12125550134' // in: front_desk_1, out: sales_3
const CHICAGO = '+13125550187' // in: legacy_ivr_2 (archived agent), out: none
const UNASSIGNED = '+16175550110' // no agent, no nickname, no label
const LONDON = '+442079460123' // in: front_desk_3, out: reminders_2
const MUNICH = '+4989123456789' // in: reminders_2, out: reminders_1
const BRISBANE = '+61755501234' // legacy_ivr_1 (archived agent) on both sides
const SALES_1 = '+16465550161' // in: none, out: sales_3
const NOT_IN_WORKSPACE = '+15555550100'

const DRAFT = { agent: 'agt_reminders', version: 'agv_reminders_3' } // a draft of an active agent

function query(params: Record<string, string | number> = {}): URLSearchParams {
  return new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))
}

function byE164(ws: Workspace, e164: string): PhoneNumber {
  const number = ws.allNumbers().find((n) => n.phone_number === e164)
  if (!number) throw new Error(`no ${e164} in the workspace`)
  return number
}

function version(ws: Workspace, versionId: string) {
  const found = ws
    .listAgents()
    .data.flatMap((a) => a.versions)
    .find((v) => v.id === versionId)
  if (!found) throw new Error(`no version ${versionId}`)
  return found
}

function slots(n: PhoneNumber) {
  return { inbound: n.inbound_agent_version_id, outbound: n.outbound_agent_version_id }
}

/** Every row of a listing, page by page at the largest page size. */
function listAll(ws: Workspace, params: Record<string, string> = {}): PhoneNumber[] {
  const rows: PhoneNumber[] = []
  for (let page = 1; ; page++) {
    const result = ws.listPhoneNumbers(query({ ...params, page, limit: 200 }))
    rows.push(...result.data)
    if (result.data.length < 200) {
      expect(rows).toHaveLength(result.total)
      return rows
    }
  }
}

function failure(action: () => unknown): ApiFailure {
  try {
    action()
  } catch (error) {
    if (error instanceof ApiFailure) return error
    throw error
  }
  throw new Error('expected an ApiFailure, but the call succeeded')
}

/** The call fails with this status and code, and changes nothing at all. */
function expectRejected(ws: Workspace, action: () => unknown, status: number, code: string): ApiFailure {
  const before = { numbers: ws.allNumbers(), agents: ws.listAgents(), changes: ws.changes() }
  const error = failure(action)
  expect({ status: error.status, code: error.code }).toEqual({ status, code })
  expect(error.message).not.toBe('')
  expect(error.toBody()).toEqual({
    error: { code, message: error.message, ...(error.details ? { details: error.details } : {}) },
  })
  expect(ws.allNumbers()).toEqual(before.numbers)
  expect(ws.listAgents()).toEqual(before.agents)
  expect(ws.changes()).toEqual(before.changes)
  return error
}

const ids = (rows: PhoneNumber[]) => rows.map((n) => n.id)
const byCreatedAt = (a: PhoneNumber, b: PhoneNumber) => (a.created_at < b.created_at ? -1 : 1)

describe('GET /v1/phone-numbers', () => {
  test('defaults: page 1, limit 50, sorted by created_at ascending', () => {
    const data = createSeedRecords({ numbers: 120 })
    data.numbers.reverse() // storage order must not matter: the default sort is created_at
    const ws = create(data)
    const result = ws.listPhoneNumbers(query())
    expect(result.page).toBe(1)
    expect(result.limit).toBe(50)
    expect(result.total).toBe(120)
    expect(ids(result.data)).toEqual(ids([...ws.allNumbers()].sort(byCreatedAt).slice(0, 50)))
    expect(result).toEqual(ws.listPhoneNumbers(query({ page: 1, limit: 50, sort: 'created_at', order: 'asc' })))
  })

  test('paging: page and limit pick a slice, total counts every match', () => {
    const ws = create(createSeedWorkspace({ numbers: 120 }))
    const all = [...ws.allNumbers()].sort(byCreatedAt)
    const pages = [1, 2, 3, 4].map((page) => ws.listPhoneNumbers(query({ page, limit: 50 })))
    expect(pages.map((p) => p.data.length)).toEqual([50, 50, 20, 0])
    expect(pages.map((p) => [p.page, p.limit, p.total])).toEqual([
      [1, 50, 120],
      [2, 50, 120],
      [3, 50, 120],
      [4, 50, 120],
    ])
    expect(ids(pages.flatMap((p) => p.data))).toEqual(ids(all))
    // total is the number of matches, not the page size
    const active = ws.allNumbers().filter((n) => n.status === 'active').length
    expect(ws.listPhoneNumbers(query({ status: 'active', limit: 7, page: 2 })).total).toBe(active)
  })

  test('limit accepts 1 to 200', () => {
    const ws = create(createSeedWorkspace({ numbers: 250 }))
    expect(ws.listPhoneNumbers(query({ limit: 1 })).data).toHaveLength(1)
    expect(ws.listPhoneNumbers(query({ limit: 200 })).data).toHaveLength(200)
    expect(ws.listPhoneNumbers(query({ limit: 200, page: 2 })).data).toHaveLength(50)
  })

  test.each([
    ['page', '0'],
    ['page', '-1'],
    ['page', '1.5'],
    ['page', 'abc'],
    ['page', ''],
    ['limit', '0'],
    ['limit', '201'],
    ['limit', '500'],
    ['limit', '2.5'],
    ['limit', '1e2'],
    ['limit', 'ten'],
    ['sort', 'name'],
    ['sort', 'CREATED_AT'],
    ['order', 'up'],
    ['order', 'ASC'],
    ['status', 'disabled'],
    ['status', ''],
  ])('out-of-range or unknown %s=%j is 400 validation_failed', (name, value) => {
    const ws = create()
    const error = expectRejected(ws, () => ws.listPhoneNumbers(query({ [name]: value })), 400, 'validation_failed')
    expect(error.details).toEqual([{ field: name, message: expect.any(String) as string }])
  })

  test('status filter returns only numbers with that status', () => {
    const ws = create(createSeedWorkspace({ numbers: 300 }))
    for (const status of ['pending', 'active'] as const) {
      const rows = listAll(ws, { status })
      const expected = ws.allNumbers().filter((n) => n.status === status)
      expect(expected.length).toBeGreaterThan(0)
      expect(ids(rows)).toEqual(ids(expected.sort(byCreatedAt)))
    }
  })

  test('search matches the nickname, case-insensitively', () => {
    const ws = create()
    for (const search of ['main support', 'MAIN SUPPORT LINE', 'Main Support Line', '  main support  ']) {
      expect(ws.listPhoneNumbers(query({ search })).data.map((n) => n.phone_number)).toEqual([MAIN])
    }
    expect(ws.listPhoneNumbers(query({ search: 'MÜNCHEN' })).data.map((n) => n.phone_number)).toEqual([MUNICH])
    expect(ws.listPhoneNumbers(query({ search: 'no such nickname' })).total).toBe(0)
  })

  test('search matches the label, case-insensitively', () => {
    const ws = create()
    const expected = ids(ws.allNumbers().filter((n) => n.label === 'cc-4410'))
    expect(expected.length).toBeGreaterThan(1)
    expect(ids(ws.listPhoneNumbers(query({ search: 'CC-4410' })).data)).toEqual(expected)
    expect(ids(ws.listPhoneNumbers(query({ search: 'cc-4410' })).data)).toEqual(expected)
    // a label-only match: no nickname contains "clinic-chi"
    expect(ws.listPhoneNumbers(query({ search: 'Clinic-CHI' })).data.map((n) => n.phone_number)).toEqual([CHICAGO])
  })

  test('search matches the digits of the number: "4155550123" and "+1 415-555-0123" both match +14155550123', () => {
    const ws = create()
    for (const search of ['4155550123', '+1 415-555-0123', '+14155550123', '(415) 555-0123', '1.415.555.0123']) {
      expect(ws.listPhoneNumbers(query({ search })).data.map((n) => n.phone_number)).toEqual([MAIN])
    }
    expect(ws.listPhoneNumbers(query({ search: '+44 20 7946 0123' })).data.map((n) => n.phone_number)).toEqual([LONDON])
    const partial = ws.listPhoneNumbers(query({ search: '415 555' })).data.map((n) => n.phone_number)
    expect(partial).toEqual(
      ws
        .allNumbers()
        .filter((n) => n.phone_number.includes('415555'))
        .map((n) => n.phone_number),
    )
    expect(partial.length).toBeGreaterThan(1)
  })

  test('agent_id filter: numbers whose inbound or outbound slot holds any version of that agent', () => {
    const ws = create(createSeedWorkspace({ numbers: 300 }))
    for (const agent of ws.listAgents().data) {
      const versionIds = new Set(agent.versions.map((v) => v.id))
      const expected = ws
        .allNumbers()
        .filter(
          (n) => versionIds.has(n.inbound_agent_version_id ?? '') || versionIds.has(n.outbound_agent_version_id ?? ''),
        )
      expect(ids(listAll(ws, { agent_id: agent.id }))).toEqual(ids(expected.sort(byCreatedAt)))
    }
    const seeded = create()
    const phones = (agent_id: string) => listAll(seeded, { agent_id }).map((n) => n.phone_number)
    expect(phones('agt_legacy_ivr')).toEqual([CHICAGO, BRISBANE]) // archived agent, inbound only and both sides
    expect(phones('agt_sales')).toContain(NEW_YORK) // outbound slot only
    expect(phones('agt_sales')).toContain('+16465550162') // another version of the same agent
    expect(phones('agt_claims')).toEqual([]) // only drafts: in no slot
  })

  test('filters combine, and total counts the combined matches', () => {
    const ws = create(createSeedWorkspace({ numbers: 500 }))
    const agent = ws.listAgents().data.find((a) => a.id === 'agt_front_desk')!
    const versionIds = new Set(agent.versions.map((v) => v.id))
    const expected = ws
      .allNumbers()
      .filter((n) => n.status === 'active')
      .filter((n) => n.nickname?.toLowerCase().includes('clinic') || n.label?.toLowerCase().includes('clinic'))
      .filter(
        (n) => versionIds.has(n.inbound_agent_version_id ?? '') || versionIds.has(n.outbound_agent_version_id ?? ''),
      )
    expect(expected.length).toBeGreaterThan(0)
    const rows = listAll(ws, { status: 'active', search: 'clinic', agent_id: 'agt_front_desk' })
    expect(ids(rows)).toEqual(ids(expected.sort(byCreatedAt)))
  })

  const sortKey = (n: PhoneNumber, field: SortField) => (field === 'nickname' ? n.nickname?.toLowerCase() : n[field])

  test.each(
    (['phone_number', 'nickname', 'created_at', 'updated_at'] as const).flatMap((field) =>
      (['asc', 'desc'] as const).map((order) => [field, order] as const),
    ),
  )('sort=%s order=%s orders every page (nicknames: nulls last ascending)', (sort, order) => {
    const ws = create(createSeedWorkspace({ numbers: 450 }))
    const rows = listAll(ws, { sort, order })
    expect(new Set(ids(rows)).size).toBe(450) // each number once across the pages
    const keys = rows.map((n) => sortKey(n, sort))
    const named = keys.filter((k): k is string => k !== undefined)
    const ascending = [...named].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    expect(named).toEqual(order === 'asc' ? ascending : ascending.reverse())
    if (sort === 'nickname') {
      const nulls = keys.length - named.length
      expect(nulls).toBeGreaterThan(0)
      // ascending: unnamed numbers after every named one; descending mirrors it
      const block = order === 'asc' ? keys.slice(named.length) : keys.slice(0, nulls)
      expect(block.every((k) => k === undefined)).toBe(true)
    }
  })

  test('listing returns copies: changing a result does not change the workspace', () => {
    const ws = create()
    const row = ws.listPhoneNumbers(query()).data[0]!
    row.nickname = 'mutated'
    expect(ws.getPhoneNumber(row.id).nickname).not.toBe('mutated')
  })
})

describe('GET /v1/phone-numbers/{id}', () => {
  test('returns the number with that id', () => {
    const ws = create()
    const main = byE164(ws, MAIN)
    const got = ws.getPhoneNumber(main.id)
    expect(got).toEqual(main)
    expect(phoneNumberSchema.parse(got)).toEqual(got)
  })

  test('an unknown id is 404 not_found', () => {
    const ws = create()
    expectRejected(ws, () => ws.getPhoneNumber('phn_nope'), 404, 'not_found')
    expectRejected(ws, () => ws.getPhoneNumber(MAIN), 404, 'not_found') // the E.164 is not the id
  })
})

describe('PATCH /v1/phone-numbers/{id}', () => {
  test('only the fields present change; the rest keep their values', () => {
    const ws = create()
    const before = byE164(ws, MAIN)
    const renamed = ws.patchPhoneNumber(before.id, { nickname: 'Front Line' })
    expect(renamed).toEqual({ ...before, nickname: 'Front Line', updated_at: NOW })
    const relabelled = ws.patchPhoneNumber(before.id, { label: 'cc-9999' })
    expect(relabelled).toEqual({ ...before, nickname: 'Front Line', label: 'cc-9999', updated_at: NOW })
    expect(ws.patchPhoneNumber(before.id, {})).toEqual(relabelled)
    expect(ws.getPhoneNumber(before.id)).toEqual(relabelled)
    // the other numbers are untouched
    expect(ws.allNumbers().filter((n) => n.id !== before.id)).toEqual(
      create()
        .allNumbers()
        .filter((n) => n.id !== before.id),
    )
  })

  test('null or "" clears a field (as does white space only)', () => {
    const ws = create()
    const main = byE164(ws, MAIN)
    expect(ws.patchPhoneNumber(main.id, { nickname: null })).toMatchObject({ nickname: null, label: 'cc-4410' })
    expect(ws.patchPhoneNumber(main.id, { label: '' })).toMatchObject({ nickname: null, label: null })
    const billing = byE164(ws, BILLING)
    expect(ws.patchPhoneNumber(billing.id, { nickname: '   ', label: null })).toMatchObject({
      nickname: null,
      label: null,
    })
  })

  test('surrounding white space is trimmed', () => {
    const ws = create()
    const main = byE164(ws, MAIN)
    expect(ws.patchPhoneNumber(main.id, { nickname: '  Front Line \n', label: '\tcc-1 ' })).toMatchObject({
      nickname: 'Front Line',
      label: 'cc-1',
    })
    expect(ws.getPhoneNumber(main.id)).toMatchObject({ nickname: 'Front Line', label: 'cc-1' })
  })

  test('exactly 255 characters after trimming is accepted', () => {
    const ws = create()
    const main = byE164(ws, MAIN)
    const max = 'n'.repeat(255)
    expect(ws.patchPhoneNumber(main.id, { nickname: max }).nickname).toBe(max)
    expect(ws.patchPhoneNumber(main.id, { label: `   ${'l'.repeat(255)}   ` }).label).toBe('l'.repeat(255))
  })

  test.each(['nickname', 'label'])('%s of 256 characters after trimming is 400 with a details entry', (field) => {
    const ws = create()
    const main = byE164(ws, MAIN)
    const error = expectRejected(
      ws,
      () => ws.patchPhoneNumber(main.id, { [field]: ` ${'x'.repeat(256)} ` }),
      400,
      'validation_failed',
    )
    expect(error.details).toEqual([{ field, message: expect.any(String) as string }])
  })

  test.each([42, 0, true, false, {}, [], ['name'], { text: 'name' }])(
    'a value that is not a string or null (%j) is 400',
    (value) => {
      const ws = create()
      const main = byE164(ws, MAIN)
      for (const field of ['nickname', 'label']) {
        const error = expectRejected(
          ws,
          () => ws.patchPhoneNumber(main.id, { [field]: value }),
          400,
          'validation_failed',
        )
        expect(error.details?.[0]?.field).toBe(field)
      }
    },
  )

  test('a valid field beside an invalid one is not applied either', () => {
    const ws = create()
    const main = byE164(ws, MAIN)
    expectRejected(ws, () => ws.patchPhoneNumber(main.id, { nickname: 'Fine', label: 7 }), 400, 'validation_failed')
    expectRejected(
      ws,
      () => ws.patchPhoneNumber(main.id, { nickname: 'Fine', label: 'y'.repeat(256) }),
      400,
      'validation_failed',
    )
  })

  test.each([
    { agent_id: null },
    { agent_id: 'agt_front_desk' },
    { inbound_agent_version_id: null },
    { outbound_agent_version_id: 'agv_sales_1' },
    { nickname: 'Fine', phone_number: '+14155550999' },
    { status: 'pending' },
    { Nickname: 'wrong case' },
  ])('an unknown field is 400 validation_failed: %j', (body) => {
    const ws = create()
    const main = byE164(ws, MAIN)
    const error = expectRejected(ws, () => ws.patchPhoneNumber(main.id, body), 400, 'validation_failed')
    const known = new Set(['nickname', 'label'])
    expect(error.details?.map((d) => d.field)).toEqual(Object.keys(body).filter((k) => !known.has(k)))
  })

  test.each([null, undefined, [], [{ nickname: 'x' }], 'nickname', 42, true])(
    'a body that is not a JSON object (%j) is 400',
    (body) => {
      const ws = create()
      const main = byE164(ws, MAIN)
      expectRejected(ws, () => ws.patchPhoneNumber(main.id, body), 400, 'validation_failed')
    },
  )

  test('an unknown id is 404 not_found', () => {
    const ws = create()
    expectRejected(ws, () => ws.patchPhoneNumber('phn_nope', { nickname: 'x' }), 404, 'not_found')
  })

  test('never changes routing, the number, or anything but nickname and label', () => {
    const ws = create()
    for (const n of ws.allNumbers()) {
      ws.patchPhoneNumber(n.id, { nickname: `Renamed ${n.phone_number}`, label: null })
    }
    const seed = create().allNumbers()
    expect(ws.allNumbers()).toEqual(
      seed.map((n) => ({ ...n, nickname: `Renamed ${n.phone_number}`, label: null, updated_at: NOW })),
    )
  })
})

describe('GET /v1/agents', () => {
  test('lists every agent, archived ones included, each with all its versions, newest last', () => {
    const seed = createSeedWorkspace()
    const agents = create(seed).listAgents().data
    expect(agents.map((a) => a.id)).toEqual(seed.agents.map((a) => a.id))
    expect(agents.find((a) => a.id === 'agt_legacy_ivr')?.archived_at).not.toBeNull()
    for (const agent of agents) {
      expect(agentSchema.parse(agent)).toEqual(agent)
      const source = seed.agents.find((a) => a.id === agent.id)!
      expect(new Set(agent.versions.map((v) => v.id))).toEqual(new Set(source.versions.map((v) => v.id)))
      const numbers = agent.versions.map((v) => v.version)
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
      expect(agent.versions.every((v) => v.agent_id === agent.id)).toBe(true)
    }
    // newest last even when the stored data holds the versions in another order
    const shuffled = createSeedWorkspace()
    for (const agent of shuffled.agents) agent.versions.reverse()
    expect(create(shuffled).listAgents()).toEqual(create(seed).listAgents())
  })
})

describe('POST /v1/agents/{agent_id}/versions/{version_id}/publish', () => {
  test('sets the version published', () => {
    const ws = create()
    expect(version(ws, DRAFT.version).published).toBe(false)
    expect(ws.publish(DRAFT.agent, DRAFT.version, {})).toEqual({ data: [] })
    expect(version(ws, DRAFT.version).published).toBe(true)
    // the other versions keep their flags
    const before = create()
      .listAgents()
      .data.flatMap((a) => a.versions)
    const after = ws.listAgents().data.flatMap((a) => a.versions)
    expect(after.filter((v) => v.id !== DRAFT.version).map((v) => v.published)).toEqual(
      before.filter((v) => v.id !== DRAFT.version).map((v) => v.published),
    )
    // an empty body (no JSON at all) is a publish-only call too
    const other = create()
    other.publish('agt_billing', 'agv_billing_4', undefined)
    expect(version(other, 'agv_billing_4').published).toBe(true)
  })

  test('every call publishes, even one that only unassigns', () => {
    const ws = create()
    const { data } = ws.publish(DRAFT.agent, DRAFT.version, {
      unassign_phone_numbers: [APPOINTMENTS],
      direction: 'both',
    })
    expect(version(ws, DRAFT.version).published).toBe(true)
    expect(slots(byE164(ws, APPOINTMENTS))).toEqual({ inbound: null, outbound: null })
    expect(data).toEqual([byE164(ws, APPOINTMENTS)])
  })

  test('omitting phone_numbers publishes without changing any assignment', () => {
    const ws = create()
    const before = ws.allNumbers()
    expect(ws.publish(DRAFT.agent, DRAFT.version, { direction: 'both' })).toEqual({ data: [] })
    expect(ws.publish('agt_front_desk', 'agv_front_desk_3', {})).toEqual({ data: [] })
    expect(ws.allNumbers()).toEqual(before)
  })

  test('direction inbound writes the inbound slot only', () => {
    const ws = create()
    ws.publish('agt_billing', 'agv_billing_2', { phone_numbers: [UNASSIGNED, NEW_YORK], direction: 'inbound' })
    expect(slots(byE164(ws, UNASSIGNED))).toEqual({ inbound: 'agv_billing_2', outbound: null })
    expect(slots(byE164(ws, NEW_YORK))).toEqual({ inbound: 'agv_billing_2', outbound: 'agv_sales_3' })
  })

  test('direction outbound writes the outbound slot only', () => {
    const ws = create()
    ws.publish('agt_billing', 'agv_billing_2', { phone_numbers: [UNASSIGNED, NEW_YORK], direction: 'outbound' })
    expect(slots(byE164(ws, UNASSIGNED))).toEqual({ inbound: null, outbound: 'agv_billing_2' })
    expect(slots(byE164(ws, NEW_YORK))).toEqual({ inbound: 'agv_front_desk_1', outbound: 'agv_billing_2' })
  })

  test('direction both writes both slots', () => {
    const ws = create()
    ws.publish('agt_billing', 'agv_billing_2', { phone_numbers: [UNASSIGNED, NEW_YORK], direction: 'both' })
    expect(slots(byE164(ws, UNASSIGNED))).toEqual({ inbound: 'agv_billing_2', outbound: 'agv_billing_2' })
    expect(slots(byE164(ws, NEW_YORK))).toEqual({ inbound: 'agv_billing_2', outbound: 'agv_billing_2' })
  })

  test('direction defaults to inbound', () => {
    const ws = create()
    ws.publish('agt_billing', 'agv_billing_2', { phone_numbers: [NEW_YORK] })
    expect(slots(byE164(ws, NEW_YORK))).toEqual({ inbound: 'agv_billing_2', outbound: 'agv_sales_3' })
    ws.publish('agt_sales', 'agv_sales_3', { unassign_phone_numbers: [NEW_YORK] })
    expect(slots(byE164(ws, NEW_YORK))).toEqual({ inbound: 'agv_billing_2', outbound: 'agv_sales_3' })
  })

  test('deploying a draft publishes it and puts it in the slot; any held version is replaced', () => {
    const ws = create()
    const { data } = ws.publish(DRAFT.agent, DRAFT.version, { phone_numbers: [CHICAGO, MAIN], direction: 'both' })
    expect(version(ws, DRAFT.version).published).toBe(true)
    // CHICAGO held the archived agent's version: replacing it is allowed
    expect(slots(byE164(ws, CHICAGO))).toEqual({ inbound: DRAFT.version, outbound: DRAFT.version })
    expect(slots(byE164(ws, MAIN))).toEqual({ inbound: DRAFT.version, outbound: DRAFT.version })
    expect(data).toEqual([byE164(ws, CHICAGO), byE164(ws, MAIN)])
    expect(data.every((n) => n.updated_at === NOW)).toBe(true)
  })

  test('unassign clears only slots holding any version of this agent; other agents are untouched, not an error', () => {
    const ws = create()
    // through version 3 of Front Desk: NEW_YORK holds version 1 inbound and Outbound Sales outbound
    const { data } = ws.publish('agt_front_desk', 'agv_front_desk_3', {
      unassign_phone_numbers: [NEW_YORK, MAIN, BILLING, UNASSIGNED],
      direction: 'both',
    })
    expect(slots(byE164(ws, NEW_YORK))).toEqual({ inbound: null, outbound: 'agv_sales_3' })
    expect(slots(byE164(ws, MAIN))).toEqual({ inbound: null, outbound: null })
    expect(slots(byE164(ws, BILLING))).toEqual({ inbound: 'agv_billing_3', outbound: 'agv_billing_3' })
    expect(byE164(ws, BILLING)).toEqual(byE164(create(), BILLING))
    expect(byE164(ws, UNASSIGNED)).toEqual(byE164(create(), UNASSIGNED))
    expect(data.map((n) => n.phone_number).sort()).toEqual([NEW_YORK, MAIN, BILLING, UNASSIGNED].sort())
  })

  test('unassign with direction inbound or outbound clears that slot only', () => {
    const ws = create()
    ws.publish('agt_reminders', 'agv_reminders_2', { unassign_phone_numbers: [MUNICH], direction: 'outbound' })
    expect(slots(byE164(ws, MUNICH))).toEqual({ inbound: 'agv_reminders_2', outbound: null })
    ws.publish('agt_reminders', 'agv_reminders_1', { unassign_phone_numbers: [APPOINTMENTS], direction: 'inbound' })
    expect(slots(byE164(ws, APPOINTMENTS))).toEqual({ inbound: null, outbound: 'agv_reminders_2' })
  })

  test('unassign with direction both clears both slots that hold this agent', () => {
    const ws = create()
    ws.publish('agt_reminders', 'agv_reminders_1', {
      unassign_phone_numbers: [APPOINTMENTS, LONDON, MUNICH],
      direction: 'both',
    })
    expect(slots(byE164(ws, APPOINTMENTS))).toEqual({ inbound: null, outbound: null })
    expect(slots(byE164(ws, LONDON))).toEqual({ inbound: 'agv_front_desk_3', outbound: null })
    expect(slots(byE164(ws, MUNICH))).toEqual({ inbound: null, outbound: null })
  })

  test('deploy and unassign in one call: the response lists every named number once, after the call', () => {
    const ws = create()
    const { data } = ws.publish('agt_sales', 'agv_sales_2', {
      phone_numbers: [UNASSIGNED, UNASSIGNED, MAIN],
      unassign_phone_numbers: [NEW_YORK, SALES_1, NEW_YORK],
      direction: 'outbound',
    })
    expect(slots(byE164(ws, UNASSIGNED))).toEqual({ inbound: null, outbound: 'agv_sales_2' })
    expect(slots(byE164(ws, MAIN))).toEqual({ inbound: 'agv_front_desk_3', outbound: 'agv_sales_2' })
    expect(slots(byE164(ws, NEW_YORK))).toEqual({ inbound: 'agv_front_desk_1', outbound: null })
    expect(slots(byE164(ws, SALES_1))).toEqual({ inbound: null, outbound: null })
    expect(data).toHaveLength(4)
    expect(new Set(data.map((n) => n.phone_number))).toEqual(new Set([UNASSIGNED, MAIN, NEW_YORK, SALES_1]))
    for (const n of data) expect(n).toEqual(ws.getPhoneNumber(n.id))
  })

  test('accepts up to 1,000 numbers in one call', () => {
    const ws = create(createSeedWorkspace({ numbers: 1200 }))
    const e164s = ws.allNumbers().map((n) => n.phone_number)
    const { data } = ws.publish('agt_survey', 'agv_survey_1', {
      phone_numbers: e164s.slice(0, 600),
      unassign_phone_numbers: e164s.slice(600, 1000),
      direction: 'outbound',
    })
    expect(data).toHaveLength(1000)
    expect(
      ws
        .allNumbers()
        .slice(0, 600)
        .every((n) => n.outbound_agent_version_id === 'agv_survey_1'),
    ).toBe(true)
  })

  test('an unknown agent is 404 not_found', () => {
    const ws = create()
    expectRejected(
      ws,
      () => ws.publish('agt_nope', 'agv_front_desk_1', { phone_numbers: [UNASSIGNED] }),
      404,
      'not_found',
    )
  })

  test('a version of another agent (or no such version) is 404 not_found', () => {
    const ws = create()
    expectRejected(
      ws,
      () => ws.publish('agt_front_desk', 'agv_reminders_3', { phone_numbers: [UNASSIGNED] }),
      404,
      'not_found',
    )
    expectRejected(ws, () => ws.publish('agt_front_desk', 'agv_nope', {}), 404, 'not_found')
  })

  test("deploying an archived agent's version is 400 agent_archived", () => {
    const ws = create()
    const archived = { agent: 'agt_legacy_ivr', version: 'agv_legacy_ivr_2' }
    expectRejected(
      ws,
      () => ws.publish(archived.agent, archived.version, { phone_numbers: [UNASSIGNED] }),
      400,
      'agent_archived',
    )
    // phone_numbers present is a deploy, even with the unassign list beside it or an empty list
    expectRejected(
      ws,
      () =>
        ws.publish(archived.agent, archived.version, {
          phone_numbers: [UNASSIGNED],
          unassign_phone_numbers: [CHICAGO],
        }),
      400,
      'agent_archived',
    )
    expectRejected(ws, () => ws.publish(archived.agent, archived.version, { phone_numbers: [] }), 400, 'agent_archived')
  })

  test("publishing an archived agent's draft is 400 agent_archived, even an unassign-only call", () => {
    const data = createSeedWorkspace()
    const legacy = data.agents.find((a) => a.id === 'agt_legacy_ivr')!
    legacy.versions.push({
      id: 'agv_legacy_ivr_3',
      agent_id: legacy.id,
      version: 3,
      published: false,
      description: 'Draft never released',
      created_at: legacy.updated_at,
    })
    const ws = create(data)
    expectRejected(ws, () => ws.publish(legacy.id, 'agv_legacy_ivr_3', {}), 400, 'agent_archived')
    expectRejected(
      ws,
      () => ws.publish(legacy.id, 'agv_legacy_ivr_3', { unassign_phone_numbers: [CHICAGO], direction: 'both' }),
      400,
      'agent_archived',
    )
  })

  test("an unassign-only call through an archived agent's published version is allowed", () => {
    const ws = create()
    const { data } = ws.publish('agt_legacy_ivr', 'agv_legacy_ivr_1', {
      unassign_phone_numbers: [CHICAGO, BRISBANE],
      direction: 'both',
    })
    expect(slots(byE164(ws, CHICAGO))).toEqual({ inbound: null, outbound: null })
    expect(slots(byE164(ws, BRISBANE))).toEqual({ inbound: null, outbound: null })
    expect(data).toEqual([byE164(ws, CHICAGO), byE164(ws, BRISBANE)])
  })

  // All through a draft version, so a call that published before failing would show up.
  const invalidBodies: [string, unknown][] = [
    ['phone_numbers entry without +', { phone_numbers: [UNASSIGNED, '4155550123'] }],
    ['phone_numbers entry with spaces', { phone_numbers: ['+1 415 555 0123'] }],
    ['phone_numbers entry starting +0', { phone_numbers: ['+04155550123'] }],
    ['phone_numbers entry of 16 digits', { phone_numbers: ['+1234567890123456'] }],
    ['phone_numbers entry that is empty', { phone_numbers: [''] }],
    ['unassign_phone_numbers entry not E.164', { unassign_phone_numbers: [APPOINTMENTS, '415-555-0172'] }],
    ['phone_numbers entry not in this workspace', { phone_numbers: [UNASSIGNED, NOT_IN_WORKSPACE] }],
    [
      'unassign_phone_numbers entry not in this workspace',
      { unassign_phone_numbers: [APPOINTMENTS, NOT_IN_WORKSPACE] },
    ],
    ['a number in both lists', { phone_numbers: [UNASSIGNED, MAIN], unassign_phone_numbers: [APPOINTMENTS, MAIN] }],
    ['unknown direction "sideways"', { phone_numbers: [UNASSIGNED], direction: 'sideways' }],
    ['unknown direction "Inbound"', { phone_numbers: [UNASSIGNED], direction: 'Inbound' }],
    ['direction that is not a string', { unassign_phone_numbers: [APPOINTMENTS], direction: 1 }],
    ['direction given without lists', { direction: 'all' }],
    ['phone_numbers that is a string', { phone_numbers: UNASSIGNED }],
    ['phone_numbers that is an object', { phone_numbers: { 0: UNASSIGNED } }],
    ['phone_numbers with a non-string entry', { phone_numbers: [UNASSIGNED, 14155550123] }],
    ['phone_numbers that is null', { phone_numbers: null }],
    ['unassign_phone_numbers that is a string', { unassign_phone_numbers: APPOINTMENTS }],
    ['unassign_phone_numbers with a non-string entry', { unassign_phone_numbers: [APPOINTMENTS, null] }],
    ['a body that is an array', [UNASSIGNED]],
    ['a body that is a string', 'publish'],
    ['a body that is a number', 1],
  ]
  test.each(invalidBodies)('%s is 400 validation_failed', (_name, body) => {
    const ws = create()
    expectRejected(ws, () => ws.publish(DRAFT.agent, DRAFT.version, body), 400, 'validation_failed')
  })

  test('more than 1,000 numbers in one call is 400 validation_failed', () => {
    const ws = create(createSeedWorkspace({ numbers: 1200 }))
    const e164s = ws.allNumbers().map((n) => n.phone_number)
    for (const body of [
      { phone_numbers: e164s.slice(0, 1001) },
      { unassign_phone_numbers: e164s.slice(0, 1001) },
      { phone_numbers: e164s.slice(0, 600), unassign_phone_numbers: e164s.slice(600, 1001) },
    ]) {
      expectRejected(ws, () => ws.publish(DRAFT.agent, DRAFT.version, body), 400, 'validation_failed')
    }
  })
})

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

describe('persistence: changes() and applyChanges()', () => {
  test('an untouched workspace has no changes', () => {
    const changes = create().changes()
    expect(changes).toMatchObject({ numbers: [], publishedVersionIds: [] })
    expect(changes.agentsUpdatedAt ?? {}).toEqual({})
  })

  test('applying changes() to a fresh seeded workspace reproduces the state', () => {
    const ws = create()
    ws.patchPhoneNumber(byE164(ws, MAIN).id, { nickname: 'Front Line', label: null })
    ws.publish(DRAFT.agent, DRAFT.version, { phone_numbers: [UNASSIGNED], direction: 'both' })
    ws.publish('agt_legacy_ivr', 'agv_legacy_ivr_1', { unassign_phone_numbers: [CHICAGO] })
    ws.publish('agt_billing', 'agv_billing_4', {})
    ws.setSlots(byE164(ws, LONDON).id, { outbound_agent_version_id: null })

    const saved = JSON.parse(JSON.stringify(ws.changes())) as ReturnType<Workspace['changes']>
    expect(saved.numbers).toHaveLength(4) // only what differs from the seed
    const restored = new Workspace(createSeedWorkspace())
    restored.applyChanges(saved)
    expect(restored.allNumbers()).toEqual(ws.allNumbers())
    expect(restored.listAgents()).toEqual(ws.listAgents())
    expect(restored.changes()).toEqual(ws.changes())
    for (const sort of ['nickname', 'updated_at'] as const) {
      expect(restored.listPhoneNumbers(query({ sort }))).toEqual(ws.listPhoneNumbers(query({ sort })))
    }
    expect(restored.listPhoneNumbers(query({ search: 'front line' })).data).toEqual([byE164(ws, MAIN)])
  })

  test('changes saved before agentsUpdatedAt existed, or for numbers no longer in the seed, still apply', () => {
    const ws = create()
    ws.publish(DRAFT.agent, DRAFT.version, { phone_numbers: [UNASSIGNED] })
    const { numbers, publishedVersionIds } = ws.changes()
    const stranger = { ...byE164(ws, MAIN), id: 'phn_gone', nickname: 'Gone' }
    const moved = { ...byE164(ws, BILLING), phone_number: '+14155550999', nickname: 'Moved' }
    const restored = create()
    restored.applyChanges({ numbers: [...numbers, stranger, moved], publishedVersionIds })
    expect(restored.allNumbers()).toEqual(ws.allNumbers())
    expect(version(restored, DRAFT.version).published).toBe(true)
  })
})

describe('seed', () => {
  test('is deterministic: the same size gives a deep-equal workspace', () => {
    expect(createSeedRecords({ numbers: 500 })).toEqual(createSeedRecords({ numbers: 500 }))
    expect(createSeedRecords()).toEqual(createSeedRecords())
  })

  test('has 40 numbers by default', () => {
    expect(DEFAULT_NUMBER_COUNT).toBe(40)
    expect(createSeedWorkspace().numbers.size).toBe(40)
    expect(new Workspace(createSeedWorkspace()).size).toBe(40)
  })

  test('100,000 numbers generate with unique ids and unique, valid E.164 numbers', () => {
    const { numbers } = createSeedRecords({ numbers: 100_000 })
    expect(numbers).toHaveLength(100_000)
    expect(new Set(numbers.map((n) => n.id)).size).toBe(100_000)
    expect(new Set(numbers.map((n) => n.phone_number)).size).toBe(100_000)
    const invalid = numbers.filter((n) => !phoneNumberSchema.safeParse(n).success)
    expect(invalid).toEqual([])
  })

  test('every slot holds a published version of an existing agent', () => {
    for (const size of [40, 5000]) {
      const { numbers, agents } = createSeedRecords({ numbers: size })
      const published = new Set(agents.flatMap((a) => a.versions.filter((v) => v.published).map((v) => v.id)))
      const held = numbers.flatMap((n) => [n.inbound_agent_version_id, n.outbound_agent_version_id])
      expect(held.filter((id) => id !== null && !published.has(id))).toEqual([])
    }
  })

  test('covers the cases the page must show', () => {
    const { numbers, agents } = createSeedRecords()
    const agentOf = new Map(agents.flatMap((a) => a.versions.map((v) => [v.id, a] as const)))
    const inSlot = (n: PhoneNumber, test: (id: string) => boolean) =>
      [n.inbound_agent_version_id, n.outbound_agent_version_id].some((id) => id !== null && test(id))
    // an archived agent's version still in some slot
    expect(numbers.some((n) => inSlot(n, (id) => agentOf.get(id)?.archived_at != null))).toBe(true)
    // an agent with only drafts
    expect(agents.some((a) => a.archived_at === null && a.versions.every((v) => !v.published))).toBe(true)
    // numbers with no agent at all
    expect(numbers.some((n) => n.inbound_agent_version_id === null && n.outbound_agent_version_id === null)).toBe(true)
    // the same version on both sides, and different agents on the two sides
    expect(
      numbers.some(
        (n) => n.inbound_agent_version_id !== null && n.inbound_agent_version_id === n.outbound_agent_version_id,
      ),
    ).toBe(true)
    expect(
      numbers.some(
        (n) =>
          n.inbound_agent_version_id !== null &&
          n.outbound_agent_version_id !== null &&
          agentOf.get(n.inbound_agent_version_id) !== agentOf.get(n.outbound_agent_version_id),
      ),
    ).toBe(true)
    // pending numbers, unnamed numbers, and several countries, providers and types
    expect(numbers.some((n) => n.status === 'pending')).toBe(true)
    expect(numbers.some((n) => n.nickname === null)).toBe(true)
    expect(new Set(numbers.map((n) => n.country_code)).size).toBeGreaterThanOrEqual(5)
    expect(new Set(numbers.map((n) => n.provider))).toEqual(new Set(['twilio', 'telnyx', 'vonage']))
    expect(new Set(numbers.map((n) => n.number_type))).toEqual(new Set(['local', 'toll_free', 'mobile']))
    for (const agent of agents) expect(agentSchema.safeParse(agent).success).toBe(true)
  })
})

describe('sort orders kept up to date after writes', () => {
  test.each(['nickname', 'updated_at', 'created_at', 'phone_number'] as const)(
    'sort=%s after renames and deploys matches a fresh sort of the same data',
    (sort) => {
      let tick = 0
      const workspace = new Workspace(
        createSeedWorkspace({ numbers: 300 }),
        () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)),
      )
      // Build every sort order first, so the writes below must maintain them.
      for (const order of ['asc', 'desc']) workspace.listPhoneNumbers(query({ sort, order, limit: 200 }))
      const numbers = workspace.allNumbers()
      const names = ['aardvark line', 'Zulu desk', '', 'middle', '  mixed Case  ']
      numbers.slice(0, 60).forEach((n, i) => {
        if (i % 3 === 0) workspace.patchPhoneNumber(n.id, { nickname: names[i % names.length] })
        else
          workspace.publish('agt_front_desk', 'agv_front_desk_3', {
            phone_numbers: [n.phone_number],
            direction: 'outbound',
          })
      })
      const fresh = new Workspace({ ...createSeedWorkspace({ numbers: 300 }), numbers: workspace.allNumbers() })
      for (const order of ['asc', 'desc']) {
        for (const page of [1, 2]) {
          const params = query({ sort, order, limit: 200, page })
          expect(workspace.listPhoneNumbers(params).data.map((n) => n.id)).toEqual(
            fresh.listPhoneNumbers(params).data.map((n) => n.id),
          )
        }
      }
    },
  )
})

test('seed timestamps are exact ISO-8601 UTC strings', () => {
  const data = createSeedRecords({ numbers: 3000 })
  for (const n of data.numbers) {
    expect(new Date(n.created_at).toISOString()).toBe(n.created_at)
    expect(new Date(n.updated_at).toISOString()).toBe(n.updated_at)
  }
})
