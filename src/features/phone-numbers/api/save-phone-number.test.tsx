import { QueryClientProvider } from '@tanstack/react-query'
import { act, renderHook, waitFor } from '@testing-library/react'
import { delay, http } from 'msw'
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
import { server, testBackend } from '@/mocks/node'
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
