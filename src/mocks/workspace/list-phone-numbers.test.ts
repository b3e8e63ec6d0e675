import { createSeedRecords, createSeedWorkspace } from '@/mocks/seed'
import {
  create,
  MAIN,
  NEW_YORK,
  CHICAGO,
  LONDON,
  MUNICH,
  BRISBANE,
  query,
  listAll,
  expectRejected,
  ids,
  byCreatedAt,
} from '@/mocks/workspace/workspace-test-support'
import type { PhoneNumber, SortField } from '@/types/api'

/**
 * GET /v1/phone-numbers in the Workspace, rule by rule against ../shared/API.md: paging,
 * filters, search, sort orders.
 */

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
  ])('out-of-range or unknown %s=%j is 400 validation_failed', (name, value) => {
    const ws = create()
    const error = expectRejected(ws, () => ws.listPhoneNumbers(query({ [name]: value })), 400, 'validation_failed')
    expect(error.details).toEqual([{ field: name, message: expect.any(String) as string }])
  })

  test('an empty value counts as absent (status=, page=, limit=, sort=, order=)', () => {
    const ws = create()
    const empty = ws.listPhoneNumbers(new URLSearchParams('status=&page=&limit=&sort=&order=&search=&agent_id='))
    expect(empty).toEqual(ws.listPhoneNumbers(new URLSearchParams()))
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
