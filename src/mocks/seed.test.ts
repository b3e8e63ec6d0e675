import { createSeedRecords, createSeedWorkspace, DEFAULT_NUMBER_COUNT } from '@/mocks/seed'
import { Workspace } from '@/mocks/workspace'
import { agentSchema, phoneNumberSchema, type PhoneNumber } from '@/types/api'

/**
 * The seeded demo workspace: deterministic, every size, every row valid.
 */

describe('seed', () => {
  test('is deterministic: the same size gives a deep-equal workspace', () => {
    expect(createSeedRecords({ numbers: 500 })).toEqual(createSeedRecords({ numbers: 500 }))
    expect(createSeedRecords()).toEqual(createSeedRecords())
  })

  test('has 40 numbers by default', () => {
    expect(DEFAULT_NUMBER_COUNT).toBe(40)
    expect(createSeedWorkspace().numbers.size).toBe(40)
    expect(new Workspace(createSeedWorkspace()).size).toBe(40)
  })

  test('100,000 numbers generate with unique ids and unique, valid E.164 numbers', () => {
    const { numbers } = createSeedRecords({ numbers: 100_000 })
    expect(numbers).toHaveLength(100_000)
    expect(new Set(numbers.map((n) => n.id)).size).toBe(100_000)
    expect(new Set(numbers.map((n) => n.phone_number)).size).toBe(100_000)
    const invalid = numbers.filter((n) => !phoneNumberSchema.safeParse(n).success)
    expect(invalid).toEqual([])
  })

  test('every slot holds a published version of an existing agent', () => {
    for (const size of [40, 5000]) {
      const { numbers, agents } = createSeedRecords({ numbers: size })
      const published = new Set(agents.flatMap((a) => a.versions.filter((v) => v.published).map((v) => v.id)))
      const held = numbers.flatMap((n) => [n.inbound_agent_version_id, n.outbound_agent_version_id])
      expect(held.filter((id) => id !== null && !published.has(id))).toEqual([])
    }
  })

  test('covers the cases the page must show', () => {
    const { numbers, agents } = createSeedRecords()
    const agentOf = new Map(agents.flatMap((a) => a.versions.map((v) => [v.id, a] as const)))
    const inSlot = (n: PhoneNumber, test: (id: string) => boolean) =>
      [n.inbound_agent_version_id, n.outbound_agent_version_id].some((id) => id !== null && test(id))
    // an archived agent's version still in some slot
    expect(numbers.some((n) => inSlot(n, (id) => agentOf.get(id)?.archived_at != null))).toBe(true)
    // an agent with only drafts
    expect(agents.some((a) => a.archived_at === null && a.versions.every((v) => !v.published))).toBe(true)
    // numbers with no agent at all
    expect(numbers.some((n) => n.inbound_agent_version_id === null && n.outbound_agent_version_id === null)).toBe(true)
    // the same version on both sides, and different agents on the two sides
    expect(
      numbers.some(
        (n) => n.inbound_agent_version_id !== null && n.inbound_agent_version_id === n.outbound_agent_version_id,
      ),
    ).toBe(true)
    expect(
      numbers.some(
        (n) =>
          n.inbound_agent_version_id !== null &&
          n.outbound_agent_version_id !== null &&
          agentOf.get(n.inbound_agent_version_id) !== agentOf.get(n.outbound_agent_version_id),
      ),
    ).toBe(true)
    // pending numbers, unnamed numbers, and several countries, providers and types
    expect(numbers.some((n) => n.status === 'pending')).toBe(true)
    expect(numbers.some((n) => n.nickname === null)).toBe(true)
    expect(new Set(numbers.map((n) => n.country_code)).size).toBeGreaterThanOrEqual(5)
    expect(new Set(numbers.map((n) => n.provider))).toEqual(new Set(['twilio', 'telnyx', 'vonage']))
    expect(new Set(numbers.map((n) => n.number_type))).toEqual(new Set(['local', 'toll_free', 'mobile']))
    for (const agent of agents) expect(agentSchema.safeParse(agent).success).toBe(true)
  })
})

test('seed timestamps are exact ISO-8601 UTC strings', () => {
  const data = createSeedRecords({ numbers: 3000 })
  for (const n of data.numbers) {
    expect(new Date(n.created_at).toISOString()).toBe(n.created_at)
    expect(new Date(n.updated_at).toISOString()).toBe(n.updated_at)
  }
})
