import { createSeedWorkspace } from '@/mocks/seed'
import { Workspace } from '@/mocks/workspace'
import {
  create,
  MAIN,
  BILLING,
  CHICAGO,
  UNASSIGNED,
  LONDON,
  DRAFT,
  query,
  byE164,
  version,
} from '@/mocks/workspace/workspace-test-support'

/**
 * What the browser stores of a workspace (its changes from the seed), and replaying it.
 */

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
