import { describe, expect, it } from 'vitest'
import { catalogOf } from '@/features/agents/domain/agent-catalog'
import { describeSlot } from '@/features/phone-numbers/domain/number-view'
import { buildAgents } from '@/mocks/fixtures/agents'

const catalog = catalogOf(buildAgents())

describe('describeSlot', () => {
  it('names a newer published version of an active agent', () => {
    expect(describeSlot('agv_front_desk_1', catalog)).toMatchObject({
      kind: 'assigned',
      agentName: 'Front Desk',
      version: 1,
      newerVersion: 3,
    })
  })

  it('offers no newer version of an archived agent: it cannot be deployed', () => {
    expect(describeSlot('agv_legacy_ivr_1', catalog)).toMatchObject({
      kind: 'assigned',
      agentName: 'Legacy IVR',
      archived: true,
      version: 1,
      newerVersion: null,
    })
  })

  it('tells an empty slot from a version the catalog does not list', () => {
    expect(describeSlot(null, catalog)).toEqual({ kind: 'empty' })
    expect(describeSlot('agv_gone_1', catalog)).toEqual({ kind: 'unknown', versionId: 'agv_gone_1' })
  })
})
