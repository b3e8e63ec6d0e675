import { describe, expect, it } from 'vitest'
import { ChangesToStore, mergeChanges, storageAtStart } from '@/mocks/browser/persistence'
import { createSeedRecords } from '@/mocks/seed'
import type { WorkspaceChanges } from '@/mocks/workspace'

const [first, second] = createSeedRecords().numbers

describe('mergeChanges', () => {
  it("keeps both tabs' changes to different numbers", () => {
    const a: WorkspaceChanges = {
      numbers: [{ ...first!, nickname: 'A', updated_at: '2026-12-01T10:00:00.000Z' }],
      publishedVersionIds: ['agv_x_1'],
    }
    const b: WorkspaceChanges = {
      numbers: [{ ...second!, nickname: 'B', updated_at: '2026-12-01T10:00:01.000Z' }],
      publishedVersionIds: ['agv_y_1'],
    }
    const merged = mergeChanges(a, b)
    expect(merged.numbers.map((n) => n.nickname).sort()).toEqual(['A', 'B'])
    expect(merged.publishedVersionIds.sort()).toEqual(['agv_x_1', 'agv_y_1'])
  })

  it('keeps the later write of the same number, whichever tab stores last', () => {
    const older: WorkspaceChanges = {
      numbers: [{ ...first!, nickname: 'older', updated_at: '2026-12-01T10:00:00.000Z' }],
      publishedVersionIds: [],
    }
    const newer: WorkspaceChanges = {
      numbers: [{ ...first!, nickname: 'newer', updated_at: '2026-12-01T10:00:05.000Z' }],
      publishedVersionIds: [],
    }
    expect(mergeChanges(older, newer).numbers.map((n) => n.nickname)).toEqual(['newer'])
    expect(mergeChanges(newer, older).numbers.map((n) => n.nickname)).toEqual(['newer'])
  })

  it("keeps each agent's latest updated_at", () => {
    const a: WorkspaceChanges = {
      numbers: [],
      publishedVersionIds: [],
      agentsUpdatedAt: { agt_a: '2026-12-01T10:00:05.000Z', agt_b: '2026-12-01T09:00:00.000Z' },
    }
    const b: WorkspaceChanges = {
      numbers: [],
      publishedVersionIds: [],
      agentsUpdatedAt: { agt_a: '2026-12-01T10:00:00.000Z', agt_b: '2026-12-01T10:00:00.000Z' },
    }
    expect(mergeChanges(a, b).agentsUpdatedAt).toEqual({
      agt_a: '2026-12-01T10:00:05.000Z',
      agt_b: '2026-12-01T10:00:00.000Z',
    })
  })
})

describe('ChangesToStore', () => {
  it("keeps each number's latest state and every published version, from each write, until taken", () => {
    const toStore = new ChangesToStore()
    toStore.add({ numbers: [{ ...first!, nickname: 'Stored' }], publishedVersionIds: ['agv_x_1'] })
    toStore.add({ numbers: [{ ...first!, nickname: 'Then' }, second!], publishedVersionIds: ['agv_y_1'], events: [] })
    toStore.add({
      numbers: [{ ...first!, nickname: 'Last' }],
      publishedVersionIds: [],
      agentsUpdatedAt: { agt_y: 't' },
    })
    const changes = toStore.take()
    expect(changes.numbers.map((n) => [n.id, n.nickname])).toEqual([
      [first!.id, 'Last'],
      [second!.id, second!.nickname],
    ])
    expect(changes.publishedVersionIds).toEqual(['agv_x_1', 'agv_y_1'])
    expect(changes.agentsUpdatedAt).toEqual({ agt_y: 't' })
    expect(toStore.take()).toEqual({ numbers: [], publishedVersionIds: [], agentsUpdatedAt: {}, events: [] })
  })
})

describe('storageAtStart', () => {
  it.each([
    // kept, reset, stored since → replace, take in
    [true, false, false, false, false],
    [true, false, true, false, true],
    [false, false, false, true, false],
    [false, false, true, false, true],
    [false, true, false, true, false],
    [false, true, true, true, false],
  ])(
    'kept %s, reset %s, another tab stored since %s: replace %s, take in %s',
    (keptStored, reset, storedSince, replace, takeIn) => {
      expect(storageAtStart({ keptStored, reset, storedSince })).toEqual({ replace, takeIn })
    },
  )
})
