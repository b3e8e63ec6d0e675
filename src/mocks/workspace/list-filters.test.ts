import { createSeedWorkspace } from '@/mocks/seed'
import type { Workspace } from '@/mocks/workspace'
import {
  create,
  MAIN,
  SEATTLE,
  TOLL_FREE,
  UK_PENDING,
  RENEWALS_BACKUP,
  UNASSIGNED,
  byE164,
  byCreatedAt,
  expectRejected,
  ids,
  listAll,
  query,
} from '@/mocks/workspace/workspace-test-support'
import type { PhoneNumber } from '@/types/api'

/**
 * Version 2's list filters (API.md): inbound_version_id / outbound_version_id (a version, or
 * `none`), canary, import_error and ids; their 400s; an empty value counts as absent; all filters
 * combine with AND, the old ones included. Each is compared with a plain filter over every number.
 */

type Params = Record<string, string>

/** What the listing must return, computed the obvious way over every number. */
function expected(ws: Workspace, params: Params): PhoneNumber[] {
  const agent = params.agent_id ? ws.listAgents().data.find((a) => a.id === params.agent_id) : undefined
  const agentVersions = new Set(agent?.versions.map((v) => v.id))
  const slotMatches = (held: string | null, wanted: string | undefined) =>
    !wanted || (wanted === 'none' ? held === null : held === wanted)
  const idList = params.ids ? new Set(params.ids.split(',')) : null
  const search = params.search?.toLowerCase()
  return ws
    .allNumbers()
    .filter((n) => slotMatches(n.inbound_agent_version_id, params.inbound_version_id))
    .filter((n) => slotMatches(n.outbound_agent_version_id, params.outbound_version_id))
    .filter((n) => !params.canary || (n.inbound_canary !== null) === (params.canary === 'true'))
    .filter((n) => !params.import_error || (n.import_error !== null) === (params.import_error === 'true'))
    .filter((n) => !idList || idList.has(n.id))
    .filter((n) => !params.status || n.status === params.status)
    .filter(
      (n) =>
        !params.agent_id ||
        agentVersions.has(n.inbound_agent_version_id ?? '') ||
        agentVersions.has(n.outbound_agent_version_id ?? ''),
    )
    .filter((n) => !search || `${n.nickname ?? ''}\n${n.label ?? ''}`.toLowerCase().includes(search))
    .sort(byCreatedAt)
}

function expectListing(ws: Workspace, params: Params, { nonEmpty = true } = {}) {
  const want = expected(ws, params)
  if (nonEmpty) expect(want.length, JSON.stringify(params)).toBeGreaterThan(0)
  expect(ids(listAll(ws, params)), JSON.stringify(params)).toEqual(ids(want))
}

const big = () => create(createSeedWorkspace({ numbers: 1500 }))

describe('slot filters: inbound_version_id and outbound_version_id', () => {
  test('a version id: numbers whose slot holds exactly that version', () => {
    const ws = big()
    for (const version of ['agv_front_desk_3', 'agv_front_desk_1', 'agv_legacy_ivr_2', 'agv_sales_3']) {
      expectListing(ws, { inbound_version_id: version })
      expectListing(ws, { outbound_version_id: version })
    }
  })

  test('none: numbers whose slot is empty', () => {
    const ws = big()
    expectListing(ws, { inbound_version_id: 'none' })
    expectListing(ws, { outbound_version_id: 'none' })
    expectListing(ws, { inbound_version_id: 'none', outbound_version_id: 'none' })
  })

  test('a version id that does not exist, or that no number holds, matches nothing (not an error)', () => {
    const ws = create()
    for (const version of ['agv_nope', 'agt_front_desk', 'agv_reminders_3', 'NONE', 'None']) {
      expect(ws.listPhoneNumbers(query({ inbound_version_id: version })).total).toBe(0)
      expect(ws.listPhoneNumbers(query({ outbound_version_id: version })).total).toBe(0)
    }
  })
})

describe('canary and import_error', () => {
  test.each(['true', 'false'])('canary=%s', (value) => {
    expectListing(big(), { canary: value })
    const curated = listAll(create(), { canary: value }).map((n) => n.phone_number)
    expect(curated.includes(TOLL_FREE) && curated.includes(SEATTLE)).toBe(value === 'true')
  })

  test.each(['true', 'false'])('import_error=%s', (value) => {
    expectListing(big(), { import_error: value })
    const curated = listAll(create(), { import_error: value }).map((n) => n.phone_number)
    expect(curated.includes(UK_PENDING) && curated.includes(RENEWALS_BACKUP)).toBe(value === 'true')
  })
})

describe('ids', () => {
  test('the numbers with those ids, in the requested order; unknown ids are simply absent; duplicates count once', () => {
    const ws = big()
    const some = ws.allNumbers().filter((_, i) => i % 37 === 5)
    const list = [...some.map((n) => n.id), 'phn_nope', some[0]!.id].join(',')
    expectListing(ws, { ids: list })
    const desc = ws.listPhoneNumbers(query({ ids: list, sort: 'nickname', order: 'desc', limit: 200 }))
    expect(desc.total).toBe(some.length)
    // the same relative order as the full listing in that sort
    const all = listAll(ws, { sort: 'nickname', order: 'desc' })
    expect(ids(desc.data)).toEqual(ids(all.filter((n) => some.some((s) => s.id === n.id))))
  })

  test('pages through the matches; total counts them all', () => {
    const ws = big()
    const picked = ws.allNumbers().slice(100, 160)
    const pages = [1, 2, 3].map((page) => ws.listPhoneNumbers(query({ ids: ids(picked).join(','), limit: 25, page })))
    expect(pages.map((p) => [p.data.length, p.total])).toEqual([
      [25, 60],
      [25, 60],
      [10, 60],
    ])
    expect(ids(pages.flatMap((p) => p.data))).toEqual(ids([...picked].sort(byCreatedAt)))
  })

  test('accepts 200 ids; 201 is 400 validation_failed', () => {
    const ws = big()
    const all = ids(ws.allNumbers())
    expect(ws.listPhoneNumbers(query({ ids: all.slice(0, 200).join(','), limit: 200 })).total).toBe(200)
    const error = expectRejected(
      ws,
      () => ws.listPhoneNumbers(query({ ids: all.slice(0, 201).join(',') })),
      400,
      'validation_failed',
    )
    expect(error.details).toEqual([{ field: 'ids', message: expect.any(String) as string }])
  })

  test('ids of numbers that do not exist: an empty page, not an error', () => {
    const ws = create()
    expect(ws.listPhoneNumbers(query({ ids: 'phn_nope,phn_gone' }))).toEqual({ data: [], page: 1, limit: 50, total: 0 })
  })
})

describe('what the new parameters refuse, and empty values', () => {
  test.each([
    ['canary', 'maybe'],
    ['canary', 'TRUE'],
    ['canary', '1'],
    ['canary', 'yes'],
    ['import_error', 'yes'],
    ['import_error', 'False'],
    ['import_error', '0'],
  ])('%s=%s is 400 validation_failed naming the parameter', (name, value) => {
    const ws = create()
    const error = expectRejected(ws, () => ws.listPhoneNumbers(query({ [name]: value })), 400, 'validation_failed')
    expect(error.details).toEqual([{ field: name, message: expect.any(String) as string }])
  })

  test.each(['inbound_version_id', 'outbound_version_id', 'canary', 'import_error', 'ids'])(
    'an empty %s counts as absent',
    (name) => {
      const ws = create()
      expect(ws.listPhoneNumbers(query({ [name]: '', limit: 200 }))).toEqual(ws.listPhoneNumbers(query({ limit: 200 })))
    },
  )
})

describe('all filters combine with AND, the old ones included', () => {
  const combinations: Params[] = [
    { inbound_version_id: 'agv_front_desk_3', outbound_version_id: 'none' },
    { inbound_version_id: 'agv_front_desk_3', status: 'active' },
    { outbound_version_id: 'agv_sales_3', agent_id: 'agt_front_desk' },
    { inbound_version_id: 'none', agent_id: 'agt_sales' },
    { canary: 'true', agent_id: 'agt_front_desk' },
    { canary: 'false', inbound_version_id: 'agv_billing_3', search: 'clinic' },
    { import_error: 'true', status: 'pending' },
    { import_error: 'true', status: 'active' },
    { import_error: 'false', canary: 'false', outbound_version_id: 'none', status: 'active' },
    { canary: 'true', search: 'a' },
  ]
  test.each(combinations)('%j', (params) => {
    expectListing(big(), params)
  })

  test('ids with every other filter', () => {
    const ws = big()
    const list = ids(ws.allNumbers().filter((_, i) => i % 9 === 0)).join(',')
    for (const params of combinations) expectListing(ws, { ...params, ids: list }, { nonEmpty: false })
    expectListing(ws, { ids: list, status: 'active', search: 'clinic' })
  })

  test('a filter nobody matches beside others: empty', () => {
    const ws = big()
    expect(ws.listPhoneNumbers(query({ inbound_version_id: 'agv_nope', status: 'active' })).total).toBe(0)
    expect(ws.listPhoneNumbers(query({ agent_id: 'agt_claims', canary: 'false' })).total).toBe(0)
  })
})

describe('the filters follow every write', () => {
  test('after publishes, canary writes and "another admin", each filter still matches the numbers as they are', () => {
    const ws = big()
    // Build the index first, so that the writes must keep it up to date.
    ws.listPhoneNumbers(query({ canary: 'true' }))
    const e164s = ws.allNumbers().map((n) => n.phone_number)
    ws.publish('agt_triage', 'agv_triage_1', { phone_numbers: e164s.slice(0, 200), direction: 'both' })
    ws.publish('agt_front_desk', 'agv_front_desk_3', {
      unassign_phone_numbers: e164s.slice(200, 400),
      direction: 'both',
    })
    ws.publish('agt_billing', 'agv_billing_4', { phone_numbers: e164s.slice(400, 450), direction: 'outbound' })
    for (const n of ws.allNumbers().slice(0, 120)) {
      if (n.inbound_agent_version_id === 'agv_triage_1') {
        ws.putInboundCanary(n.id, { agent_version_id: 'agv_billing_4', percent: 30 })
      }
    }
    ws.deleteInboundCanary(byE164(ws, TOLL_FREE).id)
    ws.setSlots(byE164(ws, MAIN).id, { inbound_agent_version_id: null, outbound_agent_version_id: 'agv_billing_4' })
    ws.setSlots(byE164(ws, UNASSIGNED).id, { inbound_agent_version_id: 'agv_survey_1' })
    const listings: Params[] = [
      { inbound_version_id: 'agv_triage_1' },
      { outbound_version_id: 'agv_triage_1' },
      { outbound_version_id: 'agv_billing_4' },
      { inbound_version_id: 'none' },
      { inbound_version_id: 'agv_survey_1' },
      { canary: 'true' },
      { canary: 'false' },
      { canary: 'true', inbound_version_id: 'agv_triage_1' },
      { agent_id: 'agt_billing' },
      { agent_id: 'agt_front_desk', outbound_version_id: 'none' },
    ]
    for (const params of listings) expectListing(ws, params)
  })
})

test('filters built in idle steps (prepare) answer like filters built by the first request', () => {
  const prepared = create(createSeedWorkspace({ numbers: 25_000 }))
  expect([...prepared.prepare()].length).toBeGreaterThan(3)
  const unprepared = create(createSeedWorkspace({ numbers: 25_000 }))
  const listings: Params[] = [{ canary: 'true' }, { inbound_version_id: 'agv_billing_3', import_error: 'false' }]
  for (const params of listings) {
    expect(prepared.listPhoneNumbers(query(params))).toEqual(unprepared.listPhoneNumbers(query(params)))
  }
  expect(prepared.agentUsage('agt_front_desk')).toEqual(unprepared.agentUsage('agt_front_desk'))
})
