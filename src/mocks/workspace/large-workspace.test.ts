import { createSeedWorkspace } from '@/mocks/seed'
import { Workspace } from '@/mocks/workspace'
import { query } from '@/mocks/workspace/workspace-test-support'
import { EVENTS_KEPT } from '@/types/api'

/**
 * The version 2 queries at 100,000 numbers: right answers from the maintained indexes, and (with
 * PRINT_TIMINGS=1) a timing report beside today's list queries. Times are printed, never asserted:
 *
 *   PRINT_TIMINGS=1 npx vitest run src/mocks/workspace/large-workspace.test.ts
 */

const SIZE = 100_000
// The app's types have no Node: read the variable through globalThis.
const PRINT = Boolean(
  (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env.PRINT_TIMINGS,
)

/** Median and slowest of `repeat` runs after one warm-up, in milliseconds. */
function timed(run: () => unknown, repeat = 15): { median: number; max: number } {
  run()
  const samples: number[] = []
  for (let i = 0; i < repeat; i++) {
    const start = performance.now()
    run()
    samples.push(performance.now() - start)
  }
  samples.sort((a, b) => a - b)
  return { median: samples[repeat >> 1]!, max: samples[repeat - 1]! }
}

const report: string[] = []
function measure(label: string, run: () => unknown, repeat?: number): void {
  if (!PRINT) return
  const { median, max } = timed(run, repeat)
  report.push(`${label.padEnd(72)} ${median.toFixed(2).padStart(7)} ms  (max ${max.toFixed(2)})`)
}

/** The query as a label, with the 200 ids left out. */
const describe200 = (params: Record<string, string>) =>
  Object.entries(params)
    .map(([name, value]) => `${name}=${name === 'ids' ? `<${value.split(',').length} ids>` : value}`)
    .join('&')

afterAll(() => {
  if (PRINT) console.log(`\nAt ${SIZE.toLocaleString('en')} numbers (median of 15 runs):\n${report.join('\n')}\n`)
})

describe(`at ${SIZE.toLocaleString('en')} numbers`, () => {
  const ws = new Workspace(createSeedWorkspace({ numbers: SIZE }))
  const list = (params: Record<string, string>) => () => ws.listPhoneNumbers(query(params))

  test('building the indexes in idle steps', () => {
    const start = performance.now()
    let steps = 0
    for (const _ of ws.prepare()) steps++
    if (PRINT) report.push(`prepare(): ${steps} steps, ${(performance.now() - start).toFixed(0)} ms in all`)
    expect(steps).toBeGreaterThan(10)
  })

  test("today's list queries", () => {
    const v1: Record<string, string>[] = [
      {},
      { page: '2000' },
      { status: 'pending' },
      { agent_id: 'agt_front_desk' },
      { agent_id: 'agt_front_desk', sort: 'nickname', order: 'desc' },
      { search: 'clinic' },
      { search: '4155' },
      { status: 'active', agent_id: 'agt_billing', sort: 'updated_at' },
    ]
    for (const params of v1) measure(`v1  ${describe200(params) || '(defaults)'}`, list(params))
    expect(ws.listPhoneNumbers(query({ limit: 1 })).total).toBe(SIZE)
  })

  test('version 2 filters, ids and usage answer from the indexes, and right', () => {
    const some = ws.listPhoneNumbers(query({ limit: 200, page: 77 })).data.map((n) => n.id)
    const v2: Record<string, string>[] = [
      { inbound_version_id: 'agv_front_desk_3' },
      { outbound_version_id: 'none' },
      { inbound_version_id: 'agv_nope' },
      { canary: 'true' },
      { canary: 'false', sort: 'nickname' },
      { import_error: 'true' },
      { canary: 'true', agent_id: 'agt_front_desk' },
      { inbound_version_id: 'agv_billing_3', outbound_version_id: 'none', status: 'active', sort: 'updated_at' },
      { canary: 'true', search: 'clinic' },
      { ids: some.join(','), sort: 'nickname', order: 'desc' },
      { ids: some.join(','), status: 'active', canary: 'false' },
    ]
    for (const params of v2) measure(`v2  ${describe200(params)}`, list(params))
    measure('v2  usage of agt_front_desk', () => ws.agentUsage('agt_front_desk'))
    measure('v2  usage of every agent (9 calls)', () => ws.listAgents().data.map((a) => ws.agentUsage(a.id)))

    expect(
      ws
        .listPhoneNumbers(query({ ids: some.join(','), limit: 200 }))
        .data.map((n) => n.id)
        .sort(),
    ).toEqual([...some].sort())
    for (const agent of ws.listAgents().data) {
      for (const usage of ws.agentUsage(agent.id).data) {
        expect(usage.inbound).toBe(ws.listPhoneNumbers(query({ inbound_version_id: usage.version_id })).total)
        expect(usage.outbound).toBe(ws.listPhoneNumbers(query({ outbound_version_id: usage.version_id })).total)
      }
    }
    const canaries = ws.agentUsage('agt_front_desk').data.reduce((sum, u) => sum + u.canary, 0)
    expect(canaries).toBeGreaterThan(0)
  })

  test('writes keep the indexes up to date', () => {
    const e164s = ws
      .listPhoneNumbers(query({ limit: 200, page: 3 }))
      .data.map((n) => n.phone_number)
      .slice(0, 100)
    const before = ws.agentUsage('agt_survey').data[0]!
    const start = performance.now()
    ws.publish('agt_survey', 'agv_survey_1', { phone_numbers: e164s, direction: 'outbound' })
    if (PRINT) report.push(`publish to 100 numbers, indexes built: ${(performance.now() - start).toFixed(1)} ms`)
    const after = ws.agentUsage('agt_survey').data[0]!
    expect(after.outbound).toBeGreaterThan(before.outbound)
    expect(after.outbound).toBe(ws.listPhoneNumbers(query({ outbound_version_id: 'agv_survey_1' })).total)
  })

  test(`a full history (${EVENTS_KEPT.toLocaleString('en')} events): listing, filtering, and what persists`, () => {
    // A workspace of its own: ten thousand writes with no sort by updated_at to keep up.
    const history = new Workspace(createSeedWorkspace({ numbers: SIZE }))
    const numbers = history.listPhoneNumbers(query({ limit: 200, page: 11 })).data
    let start = performance.now()
    // A round more than the log keeps: a few writes change nothing (the version was already there).
    const writes = EVENTS_KEPT + numbers.length
    for (let k = 0; k < writes; k++) {
      const number = numbers[k % numbers.length]!
      if (k % 2) history.patchPhoneNumber(number.id, { label: `label ${k}` })
      else
        history.publish('agt_sales', Math.floor(k / numbers.length) % 2 ? 'agv_sales_1' : 'agv_sales_2', {
          phone_numbers: [number.phone_number],
          direction: 'outbound',
        })
    }
    if (PRINT) report.push(`${writes} single-number writes: ${(performance.now() - start).toFixed(0)} ms in all`)
    measure('v2  events (newest 50)', () => history.listEvents(query({})))
    measure('v2  events page 100 of 50', () => history.listEvents(query({ page: 100 })))
    measure('v2  events phone_number_id=<one number>', () =>
      history.listEvents(query({ phone_number_id: numbers[7]!.id })),
    )
    measure('v2  events agent_id=agt_sales', () => history.listEvents(query({ agent_id: 'agt_sales' })))
    start = performance.now()
    const stored = JSON.stringify(history.changes())
    if (PRINT) {
      const kib = (stored.length / 1024).toFixed(0)
      report.push(`changes() as JSON: ${kib} KiB (characters), ${(performance.now() - start).toFixed(0)} ms`)
    }
    expect(history.listEvents(query({ limit: 1 })).total).toBe(EVENTS_KEPT)
    const ofOne = history.listEvents(query({ phone_number_id: numbers[7]!.id, limit: 200 }))
    expect(ofOne.total).toBe(EVENTS_KEPT / numbers.length) // its labels, one a round, the oldest round dropped
    expect(ofOne.data.every((e) => e.phone_number_id === numbers[7]!.id)).toBe(true)
  })
})
