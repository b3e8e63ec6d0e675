import fc from 'fast-check'
import { undoTargets } from '@/features/phone-numbers/domain/writes/plan-undo'
import { JobNumbers } from '@/features/phone-numbers/domain/writes/job-numbers'
import { planWrites, type WantedFields, type WriteTarget } from '@/features/phone-numbers/domain/writes/plan-writes'
import type { NumberOutcome } from '@/features/phone-numbers/domain/writes/number-outcome'
import { runWrites } from '@/features/phone-numbers/jobs/run-writes'
import { Workspace } from '@/mocks/workspace'
import {
  Ambiguous,
  DEPLOYABLE_VERSIONS,
  faultArb,
  harness,
  OTHER_ADMIN_AGENT,
  OTHER_ADMIN_VERSION,
  SEED_AGENTS,
  SEED_CATALOG,
  type Fault,
  type Harness,
} from '@/testing/write-job-harness'
import type { PhoneNumber } from '@/types/api'

/**
 * The write job against the demo backend itself (no HTTP): for random numbers, wanted fields, fault
 * sequences and another admin's changes, every number ends holding what was wanted or is reported
 * otherwise, nothing of the other admin's is overwritten, and without faults the job makes exactly
 * the plan's calls.
 */

const NUMBERS = 30
const RUNS = 150
const catalog = SEED_CATALOG
const versionIds = SEED_AGENTS.filter((a) => a.id !== OTHER_ADMIN_AGENT).flatMap((a) => a.versions.map((v) => v.id))
const liveVersionIds = DEPLOYABLE_VERSIONS

const wantedArb: fc.Arbitrary<WantedFields> = fc.record(
  {
    inbound: fc.oneof(fc.constant(null), fc.constantFrom(...versionIds)),
    outbound: fc.oneof(fc.constant(null), fc.constantFrom(...versionIds)),
    canary: fc.oneof(
      fc.constant(null),
      fc.record({ agent_version_id: fc.constantFrom(...liveVersionIds), percent: fc.integer({ min: 1, max: 99 }) }),
    ),
    nickname: fc.constantFrom(null, 'Alpha', 'Beta'),
    label: fc.constantFrom(null, 'L1'),
    webhook: fc.constantFrom(null, 'https://hooks.example/a'),
  },
  { requiredKeys: [] },
)

const scenarioArb = fc.record({
  targets: fc.uniqueArray(fc.tuple(fc.nat({ max: NUMBERS - 1 }), wantedArb), {
    selector: ([index]) => index,
    minLength: 1,
    maxLength: 12,
  }),
  // Now and then a burst of failures that outlasts the retries, so "failed" is reached in every run.
  faults: fc
    .array(
      fc.oneof(
        { arbitrary: faultArb.map((f) => [f]), weight: 9 },
        { arbitrary: fc.constant<Fault[]>(['500', '500', '500']), weight: 1 },
      ),
      { maxLength: 20 },
    )
    .map((groups) => groups.flat()),
  pick: fc.nat(),
})

function holds(record: PhoneNumber, wanted: WantedFields): boolean {
  const canary = record.inbound_canary
  return (
    (wanted.inbound === undefined || record.inbound_agent_version_id === wanted.inbound) &&
    (wanted.outbound === undefined || record.outbound_agent_version_id === wanted.outbound) &&
    (wanted.canary === undefined ||
      (wanted.canary === null
        ? canary === null
        : canary?.agent_version_id === wanted.canary.agent_version_id && canary.percent === wanted.canary.percent)) &&
    (wanted.nickname === undefined || record.nickname === wanted.nickname) &&
    (wanted.label === undefined || record.label === wanted.label) &&
    (wanted.webhook === undefined || record.inbound_webhook_url === wanted.webhook)
  )
}

async function runScenario(targetSpecs: [number, WantedFields][], faults: Fault[], pick: number) {
  const h = harness(faults, pick, NUMBERS)
  const all = h.workspace.allNumbers()
  const targets: WriteTarget[] = targetSpecs.map(([index, wanted]) => ({ number: all[index]!, wanted }))
  const plan = planWrites(targets, catalog)
  const numbers = JobNumbers.of(targets.map((t) => t.number))
  const outcomes = [...(await runWrites({ plan, numbers, api: h.api }))]
  return { h, all, targets, plan, numbers, outcomes }
}

describe('runWrites against the demo backend', () => {
  test(`without faults: exactly the plan's calls, and every number holds what was wanted or was refused before sending (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ targets }) => {
        const { h, all, plan, outcomes } = await runScenario(targets, [], 0)
        expect(h.sent).toHaveLength(plan.calls.length)
        const byId = new Map(outcomes.map((o) => [o.number.id, o]))
        for (const [index, wanted] of targets) {
          const before = all[index]!
          const after = h.workspace.getPhoneNumber(before.id)
          const outcome = byId.get(before.id)!
          expect(['changed', 'unchanged', 'refused']).toContain(outcome.result)
          if (outcome.result === 'refused') expect(after).toEqual(before)
          else expect(holds(after, wanted)).toBe(true)
          if (outcome.result === 'unchanged') expect(after.updated_at).toBe(before.updated_at)
        }
        expectOthersUntouched(h.workspace, all, new Set(targets.map(([index]) => all[index]!.id)))
      }),
      { numRuns: RUNS },
    )
  })

  test(`with faults and another admin's changes: nothing of theirs is overwritten, every number accounted for (${RUNS} runs)`, async () => {
    const seen: Partial<Record<NumberOutcome['result'], number>> = {}
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ targets, faults, pick }) => {
        const { h, all, outcomes } = await runScenario(targets, faults, pick)
        const byId = new Map<string, NumberOutcome>(outcomes.map((o) => [o.number.id, o]))
        for (const [index, wanted] of targets) {
          const before = all[index]!
          const after = h.workspace.getPhoneNumber(before.id)
          const outcome = byId.get(before.id)!
          const otherNickname = h.otherAdmin.get(before.id)
          if (otherNickname !== undefined) {
            // The other admin's change stands: the job never overwrote it.
            expect(after.nickname).toBe(otherNickname)
            expect(after.outbound_agent_version_id).toBe(OTHER_ADMIN_VERSION)
          }
          if (outcome.result === 'changed' || outcome.result === 'unchanged') expect(holds(after, wanted)).toBe(true)
          if (outcome.result === 'changed-elsewhere') expect(otherNickname).toBeDefined()
          if (outcome.result === 'refused') expect(after).toEqual(before)
          seen[outcome.result] = (seen[outcome.result] ?? 0) + 1
        }
        expectOthersUntouched(h.workspace, all, new Set(targets.map(([index]) => all[index]!.id)))
      }),
      { numRuns: RUNS },
    )
    // The generators reach every case that matters here.
    for (const result of ['changed', 'changed-elsewhere', 'failed', 'refused'] as const)
      expect(seen[result]).toBeGreaterThan(0)
  })

  test('cancelled between calls: numbers not reached are reported not sent and left as they were', async () => {
    const h = harness([], 0, NUMBERS)
    const all = h.workspace.allNumbers()
    const targets = all.slice(0, 4).map((number, k) => ({ number, wanted: { nickname: `Renamed ${k}` } }))
    const controller = new AbortController()
    const plan = planWrites(targets, catalog)
    const outcomes = await runWrites({
      plan,
      numbers: JobNumbers.of(targets.map((t) => t.number)),
      api: h.api,
      // One call at a time, so that a cancel after the second finds no other in flight.
      concurrency: 1,
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done === 2) controller.abort()
      },
    })
    expect([...outcomes].map((o) => o.result)).toEqual(['changed', 'changed', 'not-sent', 'not-sent'])
    expect(h.workspace.getPhoneNumber(all[2]!.id)).toEqual(all[2])
  })

  test('a number that cannot be read again after an unclear answer is reported in words, and the job still ends with every outcome', async () => {
    const h = harness(['500', '500', '500'], 0, NUMBERS)
    h.api.read = () => Promise.reject(new Ambiguous('The server failed (503).'))
    const outcomes = await renameFirstTwo(h)
    expect(outcomes.map((o) => o.result)).toEqual(['failed', 'changed'])
    expect(outcomes[0]).toMatchObject({
      message:
        'The change may or may not have been applied: the number could not be read again to check (The server failed (503).)',
    })
  })

  test('no clear answer to the last try, and the number read again does not show the change yet: may or may not, and Undo reads it first', async () => {
    const h = harness(['500', '500', '500'], 0, NUMBERS)
    const outcomes = await renameFirstTwo(h)
    expect(outcomes.map((o) => o.result)).toEqual(['failed', 'changed'])
    expect(outcomes[0]).toMatchObject({
      unchecked: true,
      message:
        'The change may or may not have been applied: the number read afterwards does not show it yet, and the last try had no clear answer: The server failed (500).',
    })
  })

  test('applied, its answer lost, unreadable once: the 409 its resend gets is checked, and the number counts as changed', async () => {
    const h = harness(['apply-500'], 0, NUMBERS)
    const read = h.api.read.bind(h.api)
    let failedReads = 0
    h.api.read = (ids, signal) =>
      failedReads++ === 0 ? Promise.reject(new Ambiguous('The server failed (503).')) : read(ids, signal)
    const outcomes = await renameFirstTwo(h)
    expect(outcomes.map((o) => o.result)).toEqual(['changed', 'changed'])
    expect(h.sent.map((r) => r.endpoint)).toEqual(['patch', 'patch', 'patch'])
  })

  test('applied, its answer lost, unreadable once, and changed by another admin before the resend: theirs is not taken as the next precondition', async () => {
    // The deploy goes through but its answer is lost; while the number cannot be read, another admin renames it.
    const h = harness(['apply-500', 'concurrent'], 0, NUMBERS)
    const read = h.api.read.bind(h.api)
    let failedReads = 0
    h.api.read = (ids, signal) =>
      failedReads++ === 0 ? Promise.reject(new Ambiguous('The server failed (503).')) : read(ids, signal)
    const number = h.workspace.allNumbers().find((n) => n.inbound_agent_version_id === null)!
    const targets = [{ number, wanted: { inbound: 'agv_front_desk_3', nickname: 'Job' } }]
    const outcomes = [
      ...(await runWrites({ plan: planWrites(targets, catalog), numbers: JobNumbers.of([number]), api: h.api })),
    ]
    // The deploy reached it, and someone else changed it too: their nickname stays, the rename is not sent.
    expect(outcomes).toMatchObject([{ result: 'changed-elsewhere', partly: true }])
    expect(h.workspace.getPhoneNumber(number.id)).toMatchObject({
      inbound_agent_version_id: 'agv_front_desk_3',
      nickname: h.otherAdmin.get(number.id),
      outbound_agent_version_id: OTHER_ADMIN_VERSION,
    })
    expect(h.sent.map((r) => r.endpoint)).toEqual(['publish', 'publish'])
  })

  test('a number gone from the workspace fails alone: the call it refused is sent again for the others', async () => {
    const h = harness([], 0, NUMBERS)
    const [first, second] = h.workspace
      .allNumbers()
      .filter((n) => n.inbound_agent_version_id === null && n.inbound_canary === null)
    const gone = { ...first!, id: 'phn_gone', phone_number: '+19995550123' }
    const targets = [first!, gone, second!].map((number) => ({ number, wanted: { inbound: 'agv_front_desk_3' } }))
    const outcomes = [
      ...(await runWrites({
        plan: planWrites(targets, catalog),
        numbers: JobNumbers.of(targets.map((t) => t.number)),
        api: h.api,
      })),
    ]
    // One publish for the three, refused (400), then one for the two still there.
    expect(h.sent.map((r) => (r.endpoint === 'publish' ? r.body.phone_numbers?.length : r.endpoint))).toEqual([3, 2])
    expect(outcomes.map((o) => o.result)).toEqual(['changed', 'failed', 'changed'])
    expect(outcomes[1]).toMatchObject({ message: 'This number is no longer in the workspace.' })
    expect(h.workspace.getPhoneNumber(second!.id).inbound_agent_version_id).toBe('agv_front_desk_3')
  })

  test('Cancel while a number is read again stops the job with its outcomes, the unchecked one said to be unclear', async () => {
    const h = harness(['apply-500'], 0, NUMBERS)
    const controller = new AbortController()
    h.api.read = (_ids, signal) => {
      controller.abort()
      return Promise.reject(signal?.reason as Error)
    }
    const outcomes = await renameFirstTwo(h, controller.signal)
    // The first was applied (its answer lost) but could not be checked: not called "not sent".
    expect(outcomes.map((o) => o.result)).toEqual(['failed', 'not-sent'])
    expect(outcomes[0]).toMatchObject({
      message: 'The change may or may not have been applied: the number could not be read again to check',
    })
  })
})

/** Renames the workspace's first two numbers as a job, one call at a time. */
async function renameFirstTwo(h: Harness, signal?: AbortSignal): Promise<NumberOutcome[]> {
  const [first, second] = h.workspace.allNumbers()
  const targets = [first!, second!].map((number, k) => ({ number, wanted: { nickname: `Renamed ${k}` } }))
  const numbers = JobNumbers.of(targets.map((t) => t.number))
  return [...(await runWrites({ plan: planWrites(targets, catalog), numbers, api: h.api, concurrency: 1, signal }))]
}

function expectOthersUntouched(workspace: Workspace, before: PhoneNumber[], targets: Set<string>): void {
  for (const number of before) {
    if (!targets.has(number.id)) expect(workspace.getPhoneNumber(number.id)).toEqual(number)
  }
}

describe('undo of a write job against the demo backend', () => {
  test(`save then undo: every number the save changed is back exactly as before, unless someone else changed it since (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        scenarioArb,
        fc.array(fc.nat({ max: NUMBERS - 1 }), { maxLength: 3 }),
        async ({ targets }, meddled) => {
          const { h, all, numbers, outcomes } = await runScenario(targets, [], 0)
          // What the job left of each number it changed is its last seen state; as read, what it was.
          const changes = outcomes.flatMap((outcome) => {
            const row = numbers.rowOf(outcome.number.id)!
            const before = all.find((n) => n.id === outcome.number.id)!
            expect(numbers.asRead(row)).toEqual(jobNumberOf(before))
            return outcome.result === 'changed' ? [{ before, after: numbers.lastSeen(row) }] : []
          })
          const published = new Set(
            h.workspace.listAgents().data.flatMap((a) => a.versions.filter((v) => v.published).map((v) => v.id)),
          )
          // Another admin changes a few numbers between the save and its undo.
          const theirs = new Map<string, PhoneNumber>()
          for (const index of meddled) {
            const id = all[index]!.id
            theirs.set(id, h.workspace.changeAsAnotherAdmin(id, { label: `Theirs ${theirs.size}` }))
          }
          const undo = undoTargets(changes)
          const undone = [
            ...(await runWrites({
              plan: planWrites(undo, catalog),
              numbers: JobNumbers.of(undo.map((t) => t.number)),
              api: h.api,
            })),
          ]

          for (const { before, after } of changes) {
            const now = h.workspace.getPhoneNumber(before.id)
            const outcome = undone.find((o) => o.number.id === before.id)
            if (theirs.has(before.id)) {
              // Their change stands; the undo left the number alone and said so.
              expect(now).toEqual(theirs.get(before.id))
              if (outcome) expect(['changed-elsewhere', 'refused']).toContain(outcome.result)
            } else if (outcome?.result === 'refused') {
              expect(jobNumberOf(now)).toEqual(after)
            } else {
              expect({ ...now, updated_at: before.updated_at }).toEqual(before)
            }
          }
          // Publishing is not taken back: every version published before the undo still is.
          for (const agent of h.workspace.listAgents().data) {
            for (const version of agent.versions) if (published.has(version.id)) expect(version.published).toBe(true)
          }
        },
      ),
      { numRuns: RUNS },
    )
  })
})

/** What a job keeps of a record. */
function jobNumberOf(record: PhoneNumber) {
  return JobNumbers.of([record]).asRead(0)
}
