import { resolveDemoStart } from '@/mocks/browser/demo-start'
import { DEFAULT_NUMBER_COUNT } from '@/mocks/seed'
import type { WorkspaceChanges } from '@/mocks/workspace'

const changes: WorkspaceChanges = { numbers: [], publishedVersionIds: ['agv_x'], agentsUpdatedAt: {}, events: [] }
const stored = (size: number) => JSON.stringify({ size, changes })

test('the size comes from the URL, else from what is stored, else the default', () => {
  expect(resolveDemoStart({ search: '?numbers=300', stored: stored(500) }).size).toBe(300)
  expect(resolveDemoStart({ search: '', stored: stored(500) }).size).toBe(500)
  expect(resolveDemoStart({ search: '', stored: null }).size).toBe(DEFAULT_NUMBER_COUNT)
  expect(resolveDemoStart({ search: '?numbers=many', stored: null }).size).toBe(DEFAULT_NUMBER_COUNT)
})

test('stored changes are kept only for the same size and without ?reset; unreadable text is nothing stored', () => {
  expect(resolveDemoStart({ search: '', stored: stored(500) }).keep).toEqual(changes)
  expect(resolveDemoStart({ search: '?numbers=500', stored: stored(500) }).keep).toEqual(changes)
  expect(resolveDemoStart({ search: '?numbers=300', stored: stored(500) }).keep).toBeUndefined()
  expect(resolveDemoStart({ search: '?reset', stored: stored(500) })).toMatchObject({ size: 500, keep: undefined })
  expect(resolveDemoStart({ search: '', stored: '{not json' })).toMatchObject({
    keep: undefined,
    size: DEFAULT_NUMBER_COUNT,
  })
})

test('latency and faults come from the URL', () => {
  const start = resolveDemoStart({ search: '?latency=0&faults=rate:1,kinds:500,endpoints:publish', stored: null })
  expect(start.latencyMs).toBe(0)
  expect(start.faults).not.toBeNull()
})
