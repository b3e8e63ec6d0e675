import type { JobNumber, WriteCall } from '@/features/phone-numbers/domain/writes/plan-writes'
import { changedOnlyBy } from '@/features/phone-numbers/jobs/write-calls'

const before: JobNumber = {
  id: 'phn_1',
  phone_number: '+14155550100',
  updated_at: '2026-12-01T12:00:00.000Z',
  nickname: 'Front',
  label: 'ops',
  inbound_agent_version_id: 'agv_front_desk_2',
  outbound_agent_version_id: null,
  inbound_canary: { agent_version_id: 'agv_front_desk_3', percent: 10 },
  inbound_webhook_url: null,
}
const ref = { id: before.id, phone_number: before.phone_number }
const deploy = (versionId: string): WriteCall => ({
  kind: 'deploy',
  agentId: 'agt_front_desk',
  versionId,
  direction: 'inbound',
  publishesDraft: false,
  numbers: [ref],
})

describe('changedOnlyBy: whether a re-read number changed in nothing but what the call writes', () => {
  test('a deploy of the canary’s version promotes it: the canary gone is the call’s doing', () => {
    const record = { ...before, inbound_agent_version_id: 'agv_front_desk_3', inbound_canary: null, updated_at: 'x' }
    expect(changedOnlyBy(deploy('agv_front_desk_3'), before, record)).toBe(true)
  })

  test('a deploy of another version keeps the canary: one changed meanwhile is someone else’s', () => {
    const kept = { ...before, inbound_agent_version_id: 'agv_front_desk_1', updated_at: 'x' }
    expect(changedOnlyBy(deploy('agv_front_desk_1'), before, kept)).toBe(true)
    const theirs = { ...kept, inbound_canary: { agent_version_id: 'agv_front_desk_3', percent: 50 } }
    expect(changedOnlyBy(deploy('agv_front_desk_1'), before, theirs)).toBe(false)
  })

  test('clearing the inbound side takes the canary; another field changed is someone else’s', () => {
    const unassign: WriteCall = {
      kind: 'unassign',
      agentId: 'agt_front_desk',
      versionId: 'agv_front_desk_2',
      direction: 'inbound',
      numbers: [ref],
    }
    const cleared = { ...before, inbound_agent_version_id: null, inbound_canary: null, updated_at: 'x' }
    expect(changedOnlyBy(unassign, before, cleared)).toBe(true)
    expect(changedOnlyBy(unassign, before, { ...cleared, label: 'theirs' })).toBe(false)
  })

  test('a rename changes the nickname only', () => {
    const patch: WriteCall = { kind: 'patch', number: ref, fields: { nickname: 'Desk' } }
    const renamed = { ...before, nickname: 'Desk', updated_at: 'x' }
    expect(changedOnlyBy(patch, before, renamed)).toBe(true)
    expect(changedOnlyBy(patch, before, { ...renamed, outbound_agent_version_id: 'agv_sales_1' })).toBe(false)
  })
})
