import { QueryClient, QueryObserver, type QueryKey } from '@tanstack/react-query'
import { agentQueries } from '@/features/agents/api/agent-queries'
import { phoneNumberQueries } from '@/features/phone-numbers/api/phone-number-queries'
import { reconcileSavedNumbers } from '@/features/phone-numbers/api/reconcile-cache'
import { frozenSeed, listOf, renamed, rerouted, seedNumbers } from '@/testing/reconcile-fixtures'
import type { Agent, PhoneNumberList } from '@/types/api'

describe('reconcileSavedNumbers', () => {
  const page1 = phoneNumberQueries.list({ page: 1, limit: 5 }).queryKey
  const page2 = phoneNumberQueries.list({ page: 2, limit: 5 }).queryKey
  const search = phoneNumberQueries.list({ search: 'line' }).queryKey
  const agentsKey = agentQueries.list().queryKey

  function setUp() {
    const queryFn = vi.fn(() => Promise.reject(new Error('nothing may be fetched')))
    // Fresh forever, so only an invalidation or an explicit refetch could call queryFn.
    const queryClient = new QueryClient({ defaultOptions: { queries: { queryFn, staleTime: Infinity, retry: false } } })
    queryClient.setQueryData(page1, listOf(seedNumbers.slice(0, 5)))
    queryClient.setQueryData(page2, listOf(seedNumbers.slice(5, 10), 2))
    queryClient.setQueryData(search, listOf([seedNumbers[1]!, seedNumbers[7]!, seedNumbers[12]!]))
    queryClient.setQueryData(agentsKey, frozenSeed.agents)
    // Observed, as on the page: an invalidation would refetch them at once.
    const unsubscribes = queryClient
      .getQueryCache()
      .getAll()
      .map((query) => new QueryObserver(queryClient, { queryKey: query.queryKey }).subscribe(() => {}))
    return { queryClient, queryFn, unsubscribe: () => unsubscribes.forEach((u) => u()) }
  }

  test('replaces the number in every cached page and filter, and marks versions published', () => {
    const { queryClient, queryFn, unsubscribe } = setUp()
    const data = (key: QueryKey) => queryClient.getQueryData<PhoneNumberList>(key)!
    const oldPage1 = data(page1)
    const oldPage2 = data(page2)
    const oldSearch = data(search)
    const oldAgents = queryClient.getQueryData<Agent[]>(agentsKey)!

    reconcileSavedNumbers(queryClient, [renamed, rerouted], ['agv_reminders_3'])

    expect(data(page1).data[1]).toEqual(renamed)
    expect(data(page2).data[2]).toEqual(rerouted)
    expect(data(search).data).toEqual([renamed, rerouted, seedNumbers[12]])
    const agents = queryClient.getQueryData<Agent[]>(agentsKey)!
    expect(agents.find((a) => a.id === 'agt_reminders')!.versions.every((v) => v.published)).toBe(true)
    expect(agents.find((a) => a.id === 'agt_billing')!.versions.at(-1)!.published).toBe(false)
    // Old snapshots are untouched (they are also frozen).
    expect(oldPage1.data[1]).toBe(seedNumbers[1])
    expect(oldPage2.data[2]).toBe(seedNumbers[7])
    expect(oldSearch.data[0]).toBe(seedNumbers[1])
    expect(oldAgents).toBe(frozenSeed.agents)

    expect(queryFn).not.toHaveBeenCalled()
    for (const query of queryClient.getQueryCache().getAll()) expect(query.state.fetchStatus).toBe('idle')
    unsubscribe()
  })

  test('leaves queries that do not show the number exactly as they were', () => {
    const { queryClient, queryFn, unsubscribe } = setUp()
    const untouched = [page2, agentsKey].map((key) => queryClient.getQueryState(key)!)

    reconcileSavedNumbers(queryClient, [renamed], [])

    // Same data, same timestamps: not re-rendered, and not marked fresh either.
    expect([page2, agentsKey].map((key) => queryClient.getQueryState(key))).toEqual(untouched)
    expect(queryClient.getQueryData(page2)).toBe(untouched[0]!.data)
    expect(queryClient.getQueryData(agentsKey)).toBe(frozenSeed.agents)
    expect(queryFn).not.toHaveBeenCalled()
    unsubscribe()
  })

  test('keeps the newest state of each saved number, listed or not, for the dialog', () => {
    const { queryClient, unsubscribe } = setUp()
    const latest = (id: string) => queryClient.getQueryData(phoneNumberQueries.latest(id).queryKey)
    reconcileSavedNumbers(queryClient, [renamed], [])
    expect(latest(renamed.id)).toEqual(renamed)
    // An older read of it (overtaken by a save's answer) does not replace it; a newer one does.
    reconcileSavedNumbers(queryClient, [seedNumbers[1]!], [])
    expect(latest(renamed.id)).toEqual(renamed)
    const later = { ...renamed, label: 'later', updated_at: '2025-01-01T00:00:00.001Z' }
    reconcileSavedNumbers(queryClient, [later], [])
    expect(latest(renamed.id)).toEqual(later)
    expect(queryClient.getQueryData<PhoneNumberList>(page1)!.data[1]).toEqual(later)
    unsubscribe()
  })

  test('a version already published in the cache changes nothing', () => {
    const { queryClient, unsubscribe } = setUp()
    const before = queryClient.getQueryState(agentsKey)

    reconcileSavedNumbers(queryClient, [], ['agv_front_desk_3'])

    expect(queryClient.getQueryState(agentsKey)).toBe(before)
    unsubscribe()
  })
})
