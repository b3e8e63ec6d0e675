import { CURATED } from '@/mocks/fixtures/curated-numbers'
import { createSeedRecords, createSeedWorkspace } from '@/mocks/seed'
import { Workspace } from '@/mocks/workspace'
import { changeEventSchema, type ChangeEvent, type PhoneNumber } from '@/types/api'

/**
 * The seed's version 2 cases: canaries, webhook URLs and import errors (curated and a small share
 * of generated rows), and a history for every curated number consistent with its current state.
 */

describe('canaries, webhook URLs and import errors in the seed', () => {
  const { numbers, agents } = createSeedRecords({ numbers: 5000 })
  const versions = new Map(agents.flatMap((a) => a.versions.map((v) => [v.id, { agent: a, version: v }] as const)))
  const generated = numbers.slice(CURATED.length)

  test('the curated rows cover each case: a canary of the slot’s agent and of another agent, pending and active import errors', () => {
    const curated = numbers.slice(0, CURATED.length)
    const agentOf = (id: string | null | undefined) => (id ? versions.get(id)?.agent.id : undefined)
    const canaries = curated.filter((n) => n.inbound_canary !== null)
    expect(
      canaries.some((n) => agentOf(n.inbound_canary?.agent_version_id) === agentOf(n.inbound_agent_version_id)),
    ).toBe(true)
    expect(
      canaries.some((n) => agentOf(n.inbound_canary?.agent_version_id) !== agentOf(n.inbound_agent_version_id)),
    ).toBe(true)
    expect(curated.filter((n) => n.inbound_webhook_url !== null).length).toBeGreaterThanOrEqual(3)
    const failing = curated.filter((n) => n.import_error !== null)
    expect(new Set(failing.map((n) => n.status))).toEqual(new Set(['pending', 'active']))
  })

  test('generated rows get a small share of each', () => {
    const share = (test: (n: PhoneNumber) => boolean) => generated.filter(test).length / generated.length
    expect(share((n) => n.inbound_canary !== null)).toBeGreaterThan(0.01)
    expect(share((n) => n.inbound_canary !== null)).toBeLessThan(0.06)
    expect(share((n) => n.inbound_webhook_url !== null)).toBeGreaterThan(0.02)
    expect(share((n) => n.inbound_webhook_url !== null)).toBeLessThan(0.08)
    const pending = generated.filter((n) => n.status === 'pending')
    const active = generated.filter((n) => n.status === 'active')
    expect(pending.filter((n) => n.import_error !== null).length / pending.length).toBeGreaterThan(0.15)
    expect(active.filter((n) => n.import_error !== null).length / active.length).toBeLessThan(0.02)
    expect(active.some((n) => n.import_error !== null)).toBe(true)
  })

  test('every canary is a published version of an active agent, beside another version in the inbound slot', () => {
    for (const n of numbers) {
      if (n.inbound_canary === null) continue
      const entry = versions.get(n.inbound_canary.agent_version_id)
      expect(entry?.version.published).toBe(true)
      expect(entry?.agent.archived_at).toBeNull()
      expect(n.inbound_agent_version_id).not.toBeNull()
      expect(n.inbound_canary.agent_version_id).not.toBe(n.inbound_agent_version_id)
      expect(
        Number.isInteger(n.inbound_canary.percent) && n.inbound_canary.percent >= 1 && n.inbound_canary.percent <= 99,
      ).toBe(true)
    }
  })

  test('webhook URLs are https and at most 2,048 characters', () => {
    for (const url of numbers.map((n) => n.inbound_webhook_url).filter((u) => u !== null)) {
      expect(url).toMatch(/^https:\/\/[^/]+/)
      expect(url.length).toBeLessThanOrEqual(2048)
    }
  })
})

describe('the seeded history', () => {
  const data = createSeedRecords()
  const events = data.events ?? []
  const ofNumber = (n: PhoneNumber) => events.filter((e) => e.phone_number_id === n.id)

  test('every curated number has at least one event; generated numbers none', () => {
    const bigger = createSeedRecords({ numbers: 300 })
    for (const n of bigger.numbers.slice(0, CURATED.length)) {
      expect(
        bigger.events?.some((e) => e.phone_number_id === n.id),
        n.phone_number,
      ).toBe(true)
    }
    const generatedIds = new Set(bigger.numbers.slice(CURATED.length).map((n) => n.id))
    expect(bigger.events?.filter((e) => generatedIds.has(e.phone_number_id))).toEqual([])
  })

  test('consistent with each number: newest at = updated_at, each field’s events chain to its current value, all after created_at', () => {
    for (const n of data.numbers) {
      const history = ofNumber(n).sort((a, b) => (a.at < b.at ? -1 : 1))
      expect(history.at(-1)?.at, n.phone_number).toBe(n.updated_at)
      expect(new Set(history.map((e) => e.at)).size).toBe(history.length)
      for (const event of history) {
        expect(changeEventSchema.parse(event)).toEqual(event)
        expect(event.at > n.created_at).toBe(true)
        expect(event.phone_number).toBe(n.phone_number)
      }
      const last = new Map<string, unknown>()
      for (const change of history.flatMap((e: ChangeEvent) => e.changes)) {
        if (last.has(change.field))
          expect(change.from, `${n.phone_number} ${change.field}`).toEqual(last.get(change.field))
        else expect(change.from, `${n.phone_number} ${change.field}`).toBeNull()
        last.set(change.field, change.to)
      }
      for (const [field, to] of last) expect(to, `${n.phone_number} ${field}`).toEqual(n[field as keyof PhoneNumber])
    }
  })

  test('ids follow time, and the workspace lists the history newest first', () => {
    const byTime = [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
    expect(byTime.map((e) => e.id)).toEqual([...events.map((e) => e.id)].sort())
    const ws = new Workspace(createSeedWorkspace())
    const listed = ws.listEvents(new URLSearchParams({ limit: '200' }))
    expect(listed.total).toBe(events.length)
    expect(listed.data.map((e) => e.id)).toEqual(byTime.map((e) => e.id).reverse())
  })

  test('is part of the seed, not of what persists; a small seed has the history of its rows only', () => {
    expect(new Workspace(createSeedWorkspace()).changes().events).toEqual([])
    const small = createSeedRecords({ numbers: 3 })
    expect(new Set(small.events?.map((e) => e.phone_number_id))).toEqual(new Set(small.numbers.map((n) => n.id)))
    expect(createSeedRecords()).toEqual(createSeedRecords()) // deterministic
  })
})
