import { QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { delay, http, HttpResponse } from 'msw'
import type { ReactNode } from 'react'
import { buildAgentCatalog } from '@/features/agents/domain/agent-catalog'
import { phoneNumberQueries } from '@/features/phone-numbers/api/phone-number-queries'
import {
  executeSavePlan,
  SaveError,
  useSavePhoneNumber,
  type SaveVariables,
} from '@/features/phone-numbers/api/save-phone-number'
import { desiredFromNumber } from '@/features/phone-numbers/domain/desired-state'
import { planSave } from '@/features/phone-numbers/domain/plan-save'
import { createQueryClient } from '@/lib/react-query'
import { DEMO_KEYS } from '@/mocks/fixtures/demo-keys'
import { server, testBackend } from '@/mocks/node'
import { recordRequests } from '@/testing/record-requests'
import type { PhoneNumber } from '@/types/api'

const catalog = () => buildAgentCatalog(testBackend.workspace.listAgents().data)
const byE164 = (e164: string) => testBackend.workspace.numberByE164(e164)!

function saveOf(number: PhoneNumber, outbound: string | null): SaveVariables {
  const desired = { ...desiredFromNumber(number), outbound }
  return { number, desired, calls: planSave(number, catalog(), desired) }
}

/** Publish calls answer after 150 ms; records when each started and ended. */
function slowPublishes() {
  const spans: { e164: string; start: number; end: number }[] = []
  server.use(
    http.post('*/publish', async ({ request }) => {
      const body = (await request.clone().json()) as { phone_numbers?: string[] }
      const span = { e164: body.phone_numbers?.[0] ?? '', start: performance.now(), end: 0 }
      spans.push(span)
      await delay(150)
      span.end = performance.now()
      return undefined
    }),
  )
  return spans
}

test('saves of one number run one after another; saves of different numbers run in parallel', async () => {
  const queryClient = createQueryClient()
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  )
  const spans = slowPublishes()
  const main = byE164('+14155550123')
  const other = byE164('+16175550110')
  const { result } = renderHook(
    () => ({
      first: useSavePhoneNumber(main.id),
      second: useSavePhoneNumber(main.id),
      other: useSavePhoneNumber(other.id),
    }),
    { wrapper },
  )
  act(() => {
    result.current.first.mutate(saveOf(main, 'agv_sales_3'))
    result.current.second.mutate(saveOf(main, 'agv_sales_2'))
    result.current.other.mutate(saveOf(other, 'agv_sales_1'))
  })
  await waitFor(() => expect(spans.filter((s) => s.end > 0)).toHaveLength(3))
  const [a, b] = spans.filter((s) => s.e164 === main.phone_number)
  const c = spans.find((s) => s.e164 === other.phone_number)!
  expect(b!.start).toBeGreaterThanOrEqual(a!.end) // same number: serialised
  expect(c.start).toBeLessThan(a!.end) // different numbers: overlapped
  // The second was planned before the first changed the number: refused, it overwrites nothing.
  await waitFor(() => expect(result.current.second.error).toBeInstanceOf(SaveError))
  expect((result.current.second.error as SaveError).outcome).toBe('conflict')
  expect(byE164('+14155550123').outbound_agent_version_id).toBe('agv_sales_3')
})

test('a list fetch that started before a save never overwrites its result with older rows', async () => {
  const queryClient = createQueryClient()
  const params = { page: 1, limit: 50 }
  const main = byE164('+14155550123')
  // The list answers slowly with what the server held when the request arrived.
  server.use(
    http.get('*/v1/phone-numbers', async ({ request }) => {
      const snapshot = testBackend.workspace.listPhoneNumbers(new URL(request.url).searchParams)
      await delay(300)
      return Response.json(snapshot)
    }),
  )
  await queryClient.fetchQuery(phoneNumberQueries.list(params))
  const staleRefetch = queryClient.refetchQueries({ queryKey: phoneNumberQueries.lists() })
  await delay(20)
  await executeSavePlan(queryClient, saveOf(main, 'agv_sales_3'))
  await staleRefetch
  await delay(350)
  const row = queryClient.getQueryData(phoneNumberQueries.list(params).queryKey)!.data.find((n) => n.id === main.id)!
  expect(row.outbound_agent_version_id).toBe('agv_sales_3')
})

test('an unclear answer found applied while someone else changed the number too: the rest is not sent over their change', async () => {
  const queryClient = createQueryClient()
  const main = byE164('+14155550123')
  const desired = { ...desiredFromNumber(main), outbound: 'agv_sales_3', nickname: 'Mine' }
  const calls = planSave(main, catalog(), desired)
  expect(calls.map((call) => call.kind)).toEqual(['deploy', 'patch'])
  // The publish is applied, then another admin changes the label, then the answer is lost (500).
  server.use(
    http.post(
      '*/v1/agents/:agentId/versions/:versionId/publish',
      async ({ request, params }) => {
        testBackend.workspace.publish(String(params.agentId), String(params.versionId), await request.json(), {
          key: DEMO_KEYS.demo_admin,
        })
        testBackend.workspace.changeAsAnotherAdmin(main.id, { label: 'theirs' })
        return HttpResponse.json({ error: { code: 'internal', message: 'Lost.' } }, { status: 500 })
      },
      { once: true },
    ),
  )
  const requests = recordRequests()
  // The page writes as demo-admin: its own publish in the history is not someone else's change.
  const variables = { number: main, calls, desired, actor: DEMO_KEYS.demo_admin.name }
  const error = await executeSavePlan(queryClient, variables).catch((e: unknown) => e)

  expect(error).toBeInstanceOf(SaveError)
  const stopped = error as SaveError
  expect([stopped.outcome, stopped.applied, stopped.failed, stopped.notAttempted]).toEqual([
    'conflict',
    [calls[0]],
    calls[1],
    [],
  ])
  expect(stopped.current).toMatchObject({ outbound_agent_version_id: 'agv_sales_3', label: 'theirs' })
  expect(stopped.changedBy?.map((author) => author.actor)).toEqual(['another-admin'])
  // The PATCH was never sent; the number keeps their label and our applied publish.
  expect(requests.filter((r) => r.method === 'PATCH')).toEqual([])
  expect(byE164('+14155550123')).toMatchObject({
    outbound_agent_version_id: 'agv_sales_3',
    nickname: main.nickname,
    label: 'theirs',
  })
})

test('a 409 whose number already holds the change (an earlier attempt went through after all) counts as applied', async () => {
  const queryClient = createQueryClient()
  const main = byE164('+14155550123')
  const save = saveOf(main, 'agv_sales_3')
  // The same change reached the server before this attempt (a timed-out first try): this one is refused.
  testBackend.workspace.publish('agt_sales', 'agv_sales_3', {
    phone_numbers: [main.phone_number],
    direction: 'outbound',
  })
  const result = await executeSavePlan(queryClient, save)
  expect(result.number).toEqual(byE164('+14155550123'))
  expect(result.number.outbound_agent_version_id).toBe('agv_sales_3')
})
