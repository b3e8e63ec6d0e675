import { createSeedWorkspace } from '@/mocks/seed'
import type { Workspace } from '@/mocks/workspace'
import {
  create,
  DRAFT,
  SEATTLE,
  TOLL_FREE,
  byE164,
  expectRejected,
  query,
} from '@/mocks/workspace/workspace-test-support'
import { agentUsageSchema } from '@/types/api'

/**
 * GET /v1/agents/{agent_id}/usage: one entry per version of the agent (zeros included), in the
 * agent's order; the counts equal what the list filters count.
 */

function expectCountsMatchFilters(ws: Workspace): void {
  const numbers = ws.allNumbers()
  for (const agent of ws.listAgents().data) {
    const usage = ws.agentUsage(agent.id)
    expect(agentUsageSchema.parse(usage)).toEqual(usage)
    expect(usage.data.map((u) => u.version_id)).toEqual(agent.versions.map((v) => v.id))
    for (const { version_id, inbound, outbound, canary } of usage.data) {
      const total = (params: Record<string, string>) => ws.listPhoneNumbers(query({ ...params, limit: 1 })).total
      expect(inbound, version_id).toBe(total({ inbound_version_id: version_id }))
      expect(outbound, version_id).toBe(total({ outbound_version_id: version_id }))
      expect(canary, version_id).toBe(numbers.filter((n) => n.inbound_canary?.agent_version_id === version_id).length)
    }
  }
}

describe('GET /v1/agents/{agent_id}/usage', () => {
  test('counts the curated workspace exactly', () => {
    const ws = create()
    const frontDesk = ws.agentUsage('agt_front_desk').data
    const count = (test: (n: ReturnType<Workspace['allNumbers']>[number]) => boolean) =>
      ws.allNumbers().filter(test).length
    expect(frontDesk.find((u) => u.version_id === 'agv_front_desk_3')).toEqual({
      version_id: 'agv_front_desk_3',
      inbound: count((n) => n.inbound_agent_version_id === 'agv_front_desk_3'),
      outbound: count((n) => n.outbound_agent_version_id === 'agv_front_desk_3'),
      canary: 1, // Toll-free Support
    })
    expect(ws.agentUsage('agt_triage').data.find((u) => u.version_id === 'agv_triage_2')?.canary).toBe(1) // Seattle
  })

  test('zeros are included: an agent no number uses has an entry per version', () => {
    const ws = create()
    expect(ws.agentUsage('agt_claims')).toEqual({
      data: [{ version_id: 'agv_claims_1', inbound: 0, outbound: 0, canary: 0 }],
    })
    expect(ws.agentUsage(DRAFT.agent).data.find((u) => u.version_id === DRAFT.version)).toEqual({
      version_id: DRAFT.version,
      inbound: 0,
      outbound: 0,
      canary: 0,
    })
  })

  test('the counts equal what the list filters count, for every version of every agent', () => {
    expectCountsMatchFilters(create(createSeedWorkspace({ numbers: 2000 })))
  })

  test('the counts follow every write', () => {
    const ws = create(createSeedWorkspace({ numbers: 800 }))
    ws.agentUsage('agt_front_desk') // counters built before the writes
    const e164s = ws.allNumbers().map((n) => n.phone_number)
    ws.publish(DRAFT.agent, DRAFT.version, { phone_numbers: e164s.slice(0, 150), direction: 'both' })
    ws.publish('agt_front_desk', 'agv_front_desk_3', { phone_numbers: e164s.slice(150, 300) })
    ws.publish('agt_sales', 'agv_sales_3', { unassign_phone_numbers: e164s.slice(300, 500), direction: 'outbound' })
    ws.putInboundCanary(byE164(ws, SEATTLE).id, { agent_version_id: 'agv_front_desk_1', percent: 40 })
    ws.deleteInboundCanary(byE164(ws, TOLL_FREE).id)
    ws.setSlots(ws.allNumbers()[700]!.id, { inbound_agent_version_id: 'agv_billing_2' })
    expectCountsMatchFilters(ws)
    expect(ws.agentUsage(DRAFT.agent).data.find((u) => u.version_id === DRAFT.version)).toMatchObject({
      inbound: 150,
      outbound: 150,
    })
  })

  test('an unknown agent is 404 not_found', () => {
    const ws = create()
    expectRejected(ws, () => ws.agentUsage('agt_nope'), 404, 'not_found')
    expectRejected(ws, () => ws.agentUsage('agv_front_desk_1'), 404, 'not_found')
  })
})
