import { buildAgentCatalog } from '@/features/agents/domain/agent-catalog'
import { JobNumbers } from '@/features/phone-numbers/domain/writes/job-numbers'
import { planRowsInSlices } from '@/features/phone-numbers/jobs/plan-in-slices'
import { runWrites } from '@/features/phone-numbers/jobs/run-writes'
import { createSeedWorkspace } from '@/mocks/seed'
import { Workspace } from '@/mocks/workspace'
import { harness } from '@/testing/write-job-harness'

const workspace = new Workspace(createSeedWorkspace({ numbers: 2_000 }))
const catalog = buildAgentCatalog(workspace.listAgents().data)

test('cancelled while planning, every number the job is about is still listed and reported not sent', async () => {
  const numbers = JobNumbers.of(workspace.allNumbers())
  const rows = Int32Array.from({ length: numbers.size }, (_, row) => row)
  const abort = new AbortController()
  const planned = await planRowsInSlices(
    numbers,
    rows,
    (row) => {
      // Cancel arrives while the first row is planned (a slice runs long enough to end in a yield, too).
      if (row === 0) {
        abort.abort()
        const until = performance.now() + 20
        while (performance.now() < until);
      }
      return row % 2 === 1 ? { nickname: `Renamed ${row}` } : null
    },
    catalog,
    abort.signal,
  )
  const wantedRows = [...rows].filter((row) => row % 2 === 1)
  expect(planned.rows).toEqual(wantedRows)
  expect(planned.wanted).toEqual(wantedRows.map((row) => ({ nickname: `Renamed ${row}` })))
  // Nothing was planned after the cancel (row 0 wanted nothing).
  expect(planned.plan.calls).toEqual([])

  const h = harness([], 0, 0)
  const outcomes = await runWrites({ ...planned, numbers, api: h.api, signal: abort.signal })
  expect(h.sent).toEqual([])
  expect([...outcomes].map((o) => [o.number.id, o.result])).toEqual(
    wantedRows.map((row) => [numbers.idOf(row), 'not-sent']),
  )
})
