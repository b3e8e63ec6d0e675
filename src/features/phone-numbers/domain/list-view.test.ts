import {
  DEFAULT_LIST_VIEW,
  isFiltered,
  listParams,
  NO_FILTERS,
  parseListView,
  serializeListView,
} from '@/features/phone-numbers/domain/list-view'

test('an empty query string is the default view', () => {
  expect(parseListView('')).toEqual(DEFAULT_LIST_VIEW)
})

test('every field is read from the query string', () => {
  expect(
    parseListView(
      '?q=billing&status=pending&agent=agt_sales&inbound=agv_sales_2&outbound=none&canary=true&import_error=true&sort=nickname&order=desc&page=3&limit=100',
    ),
  ).toEqual({
    search: 'billing',
    status: 'pending',
    agentId: 'agt_sales',
    inboundVersionId: 'agv_sales_2',
    outboundVersionId: 'none',
    canary: true,
    importError: true,
    sort: 'nickname',
    order: 'desc',
    page: 3,
    limit: 100,
  })
})

test.each([
  ['page=0'],
  ['page=-2'],
  ['page=abc'],
  ['page=1.5'],
  ['page=1e3'],
  ['page=0x10'],
  ['page=%203'],
  ['page=2.0'],
  ['limit=500'],
  ['limit=1e2'],
  ['limit=100.0'],
  ['limit=7'],
  ['sort=price'],
  ['order=sideways'],
  ['status=deleted'],
  ['agent=<script>'],
  ['inbound=agv 1'],
  ['outbound='],
  ['canary=maybe'],
  ['canary=false'],
  ['import_error=yes'],
])('an invalid value (%s) falls back to its default', (query) => {
  expect(parseListView(`?${query}`)).toEqual(DEFAULT_LIST_VIEW)
})

test('invalid values fall back one by one, keeping the valid ones', () => {
  expect(parseListView('?page=zero&q=clinic&limit=9999')).toEqual({ ...DEFAULT_LIST_VIEW, search: 'clinic' })
})

test('a search longer than 200 characters is cut to 200, never dropped (that would show every number)', () => {
  const long = 'x'.repeat(250)
  expect(parseListView(`?q=${long}`).search).toBe('x'.repeat(200))
  // Characters, not UTF-16 units: an emoji at the cut is never split into half a character.
  expect(parseListView(`?q=${encodeURIComponent('😀'.repeat(150))}`).search).toBe('😀'.repeat(150))
  expect(parseListView(`?q=${encodeURIComponent(`x${'😀'.repeat(250)}`)}`).search).toBe(`x${'😀'.repeat(199)}`)
})

test('serializing omits defaults and keeps unrelated parameters', () => {
  const view = { ...DEFAULT_LIST_VIEW, search: 'front desk', page: 2 }
  expect(serializeListView(view, '?numbers=20000&page=9')).toBe('?numbers=20000&page=2&q=front+desk')
  expect(serializeListView(DEFAULT_LIST_VIEW, '?q=x&sort=nickname')).toBe('')
})

test('parse(serialize(view)) is the view', () => {
  const view = {
    search: '+1 415',
    status: 'active' as const,
    agentId: 'agt_front_desk',
    inboundVersionId: 'agv_front_desk_2',
    outboundVersionId: 'none',
    canary: true,
    importError: true,
    sort: 'phone_number' as const,
    order: 'desc' as const,
    page: 4,
    limit: 25,
  }
  expect(parseListView(serializeListView(view, ''))).toEqual(view)
})

test('the API parameters carry only what is set', () => {
  expect(listParams(DEFAULT_LIST_VIEW)).toEqual({ page: 1, limit: 50, sort: 'created_at', order: 'asc' })
  expect(listParams({ ...DEFAULT_LIST_VIEW, search: 'x', status: 'active', agentId: 'agt_a' })).toEqual({
    page: 1,
    limit: 50,
    sort: 'created_at',
    order: 'asc',
    search: 'x',
    status: 'active',
    agent_id: 'agt_a',
  })
})

test('the new filters go to the API by its names, only when set', () => {
  expect(
    listParams({
      ...DEFAULT_LIST_VIEW,
      agentId: 'agt_a',
      inboundVersionId: 'none',
      outboundVersionId: 'agv_a_1',
      canary: true,
      importError: true,
    }),
  ).toEqual({
    page: 1,
    limit: 50,
    sort: 'created_at',
    order: 'asc',
    agent_id: 'agt_a',
    inbound_version_id: 'none',
    outbound_version_id: 'agv_a_1',
    canary: true,
    import_error: true,
  })
})

test('a view is filtered by any search or filter, not by sort or paging', () => {
  expect(isFiltered({ ...DEFAULT_LIST_VIEW, sort: 'nickname', page: 3 })).toBe(false)
  expect(isFiltered({ ...DEFAULT_LIST_VIEW, canary: true })).toBe(true)
  expect(isFiltered({ ...DEFAULT_LIST_VIEW, outboundVersionId: 'none' })).toBe(true)
  expect(isFiltered({ ...DEFAULT_LIST_VIEW, ...NO_FILTERS })).toBe(false)
})
