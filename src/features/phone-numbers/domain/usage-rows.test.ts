import { DEFAULT_LIST_VIEW, listParams } from '@/features/phone-numbers/domain/list-view'
import { moveFilters, usageLinkView, usageRows } from '@/features/phone-numbers/domain/usage-rows'
import type { Agent } from '@/types/api'

const version = (n: number, published: boolean) => ({
  id: `agv_x_${n}`,
  agent_id: 'agt_x',
  version: n,
  published,
  description: '',
  created_at: '2024-01-01T00:00:00.000Z',
})

const agent = {
  id: 'agt_x',
  name: 'X',
  archived_at: null,
  versions: [version(1, true), version(2, true), version(3, false)],
} as unknown as Agent

const entry = (n: number, inbound: number, outbound: number, canary: number) => ({
  version_id: `agv_x_${n}`,
  inbound,
  outbound,
  canary,
})

test('rows come newest first, drafts marked, with Move only where a slot still holds the version', () => {
  const rows = usageRows(agent, [entry(1, 0, 12, 0), entry(2, 812, 40, 3), entry(3, 0, 0, 31)])
  expect(rows.map((r) => [r.label, r.counts, r.move?.side ?? null])).toEqual([
    ['v3 (draft)', { inbound: 0, outbound: 0, canary: 31 }, null],
    ['v2', { inbound: 812, outbound: 40, canary: 3 }, 'both'],
    ['v1', { inbound: 0, outbound: 12, canary: 0 }, 'outbound'],
  ])
  // The routing dialog proposes the newest published version, not the draft.
  expect(rows[1]!.move).toEqual({
    agentId: 'agt_x',
    versionId: 'agv_x_2',
    side: 'both',
    proposedVersionId: 'agv_x_2',
    slots: 852,
  })
})

test('a version missing from the answer counts zero; one the agents list does not know is shown by its id', () => {
  const rows = usageRows(agent, [entry(2, 1, 0, 0), { ...entry(9, 4, 0, 0), version_id: 'agv_new' }])
  expect(rows.map((r) => r.label)).toEqual(['agv_new', 'v3 (draft)', 'v2', 'v1'])
  expect(rows[0]!.move?.side).toBe('inbound')
  expect(rows[3]!.counts).toEqual({ inbound: 0, outbound: 0, canary: 0 })
})

test('a count links to exactly its slot’s numbers, clearing the search and every other filter', () => {
  const view = { ...DEFAULT_LIST_VIEW, search: 'clinic', status: 'active' as const, importError: true }
  expect({ ...view, ...usageLinkView('agt_x', 'agv_x_2', 'inbound') }).toMatchObject({
    search: '',
    status: null,
    importError: false,
    agentId: 'agt_x',
    inboundVersionId: 'agv_x_2',
    outboundVersionId: null,
  })
  expect(usageLinkView('agt_x', 'agv_x_2', 'outbound')).toMatchObject({ outboundVersionId: 'agv_x_2' })
  expect(usageLinkView('agt_x', 'agv_x_2', 'canary')).toMatchObject({ agentId: 'agt_x', canary: true })
  const move = { agentId: 'agt_x', versionId: 'agv_x_1', proposedVersionId: null, slots: 3 }
  expect(moveFilters({ ...move, side: 'outbound' })).toEqual([
    { ...listParams(DEFAULT_LIST_VIEW), agent_id: 'agt_x', outbound_version_id: 'agv_x_1' },
  ])
  expect(moveFilters({ ...move, side: 'both' }).map((f) => [f.inbound_version_id, f.outbound_version_id])).toEqual([
    ['agv_x_1', undefined],
    [undefined, 'agv_x_1'],
  ])
})

test('the numbers of an archived agent can be moved, with no version of it proposed', () => {
  const archived = { ...agent, archived_at: '2024-06-01T00:00:00.000Z' } as Agent
  const [, v2] = usageRows(archived, [entry(2, 5, 0, 0)])
  expect(v2!.move).toEqual({
    agentId: 'agt_x',
    versionId: 'agv_x_2',
    side: 'inbound',
    proposedVersionId: null,
    slots: 5,
  })
})
