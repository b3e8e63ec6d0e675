import { markVersionsPublished, replaceNumbersInList } from '@/features/phone-numbers/domain/reconcile'
import { frozenSeed, listOf, renamed, rerouted, seedNumbers } from '@/testing/reconcile-fixtures'

describe('replaceNumbersInList', () => {
  test('replaces the saved rows and keeps every other row', () => {
    const list = listOf(seedNumbers.slice(0, 10))
    const before = structuredClone(list)

    const next = replaceNumbersInList(list, [renamed, rerouted])

    expect(next).not.toBe(list)
    expect(next.data).toHaveLength(10)
    expect(next.data[1]).toBe(renamed)
    expect(next.data[7]).toBe(rerouted)
    next.data.forEach((row, i) => {
      if (i !== 1 && i !== 7) expect(row).toBe(list.data[i])
    })
    expect({ page: next.page, limit: next.limit, total: next.total }).toEqual({ page: 1, limit: 5, total: 40 })
    expect(list).toEqual(before)
  })

  test('returns the same object when no row is saved', () => {
    const list = listOf(seedNumbers.slice(2, 6))
    expect(replaceNumbersInList(list, [renamed, rerouted])).toBe(list)
    expect(replaceNumbersInList(list, [])).toBe(list)
  })

  test('a record older than the row does not replace it (a read overtaken by a save)', () => {
    const list = listOf([renamed, seedNumbers[2]!])
    const olderRead = { ...seedNumbers[1]!, nickname: 'Read before the save' }
    expect(replaceNumbersInList(list, [olderRead])).toBe(list)
    const later = { ...renamed, nickname: 'Later', updated_at: '2025-01-01T00:00:00.001Z' }
    expect(replaceNumbersInList(list, [later]).data).toEqual([later, seedNumbers[2]])
  })
})

describe('markVersionsPublished', () => {
  const agents = frozenSeed.agents
  const reminders = agents.findIndex((a) => a.id === 'agt_reminders')

  test('marks drafts published, immutably, sharing everything unchanged', () => {
    const before = structuredClone(agents)

    const next = markVersionsPublished(agents, ['agv_reminders_3'])

    expect(next).not.toBe(agents)
    expect(next[reminders]!.versions.map((v) => v.published)).toEqual([true, true, true])
    expect(next[reminders]!.versions.slice(0, 2)).toEqual(agents[reminders]!.versions.slice(0, 2))
    next[reminders]!.versions.slice(0, 2).forEach((v, i) => expect(v).toBe(agents[reminders]!.versions[i]))
    next.forEach((agent, i) => {
      if (i !== reminders) expect(agent).toBe(agents[i])
    })
    expect(agents).toEqual(before)
  })

  test('returns the same array when nothing changes', () => {
    expect(markVersionsPublished(agents, [])).toBe(agents)
    expect(markVersionsPublished(agents, ['agv_reminders_2', 'agv_front_desk_3'])).toBe(agents) // already published
    expect(markVersionsPublished(agents, ['agv_unknown'])).toBe(agents)
  })
})
