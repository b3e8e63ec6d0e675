import { mergeChanges } from '@/mocks/browser/persistence'
import type { WorkspaceChanges } from '@/mocks/workspace'
import type { StoredEvent } from '@/mocks/workspace/event-log'
import { EVENTS_KEPT } from '@/types/api'

/** Two tabs' histories merged as their numbers are: every event once, the newest EVENTS_KEPT kept. */

const event = (id: string, atMs: number): StoredEvent => [id, atMs, 'demo-admin', null, 'phn_x', [[3, 'a', 'b']]]
const changes = (events: StoredEvent[]): WorkspaceChanges => ({ numbers: [], publishedVersionIds: [], events })

test("keeps both tabs' events, each once, oldest first", () => {
  const a = changes([event('evt_00000001_a', 10), event('evt_00000002_a', 30)])
  const b = changes([event('evt_00000001_b', 20), event('evt_00000001_a', 10)])
  expect(mergeChanges(a, b).events?.map(([id]) => id)).toEqual(['evt_00000001_a', 'evt_00000001_b', 'evt_00000002_a'])
})

test('changes stored before events existed merge too', () => {
  const old: WorkspaceChanges = { numbers: [], publishedVersionIds: [] }
  expect(mergeChanges(old, changes([event('evt_00000001_a', 10)])).events).toHaveLength(1)
  expect(mergeChanges(changes([event('evt_00000001_a', 10)]), old).events).toHaveLength(1)
})

test(`keeps the newest ${EVENTS_KEPT.toLocaleString('en')} of the union`, () => {
  const many = (tag: string, offset: number) =>
    Array.from({ length: 6000 }, (_, k) => event(`evt_${String(k).padStart(8, '0')}${tag}`, 2 * k + offset))
  const merged = mergeChanges(changes(many('_a', 0)), changes(many('_b', 1))).events!
  expect(merged).toHaveLength(EVENTS_KEPT)
  expect(merged[0]![1]).toBe(12_000 - EVENTS_KEPT)
  expect(merged.at(-1)![0]).toBe('evt_00005999_b')
})
