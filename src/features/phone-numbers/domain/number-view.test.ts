import { describe, expect, it } from 'vitest'
import { catalogOf } from '@/features/agents/domain/agent-catalog'
import { canaryBesideSlot, describeSlot } from '@/features/phone-numbers/domain/number-view'
import { buildAgents } from '@/mocks/fixtures/agents'
import type { PhoneNumber } from '@/types/api'

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

describe('canaryBesideSlot', () => {
  const number = (canary: PhoneNumber['inbound_canary'], inbound = 'agv_front_desk_2') =>
    ({ inbound_agent_version_id: inbound, inbound_canary: canary }) as PhoneNumber

  it('names a version of the slot’s agent by its number, another agent’s with its name', () => {
    expect(canaryBesideSlot(number({ agent_version_id: 'agv_front_desk_3', percent: 10 }), catalog)).toBe('+ v3 10 %')
    expect(canaryBesideSlot(number({ agent_version_id: 'agv_billing_1', percent: 5 }), catalog)).toBe(
      '+ Billing Assistant v1 5 %',
    )
    expect(canaryBesideSlot(number({ agent_version_id: 'agv_legacy_ivr_1', percent: 5 }), catalog)).toBe(
      '+ Legacy IVR (archived) v1 5 %',
    )
  })

  it('says nothing without a canary, and names a version it cannot find as unknown', () => {
    expect(canaryBesideSlot(number(null), catalog)).toBeNull()
    expect(canaryBesideSlot(number({ agent_version_id: 'agv_gone', percent: 5 }), catalog)).toBe(
      '+ an unknown version 5 %',
    )
  })
})
