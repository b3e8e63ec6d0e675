import fc from 'fast-check'
import { JobNumbers } from '@/features/phone-numbers/domain/writes/job-numbers'
import { JobOutcomes, type RowOutcome } from '@/features/phone-numbers/domain/writes/job-outcomes'
import type { JobNumber } from '@/features/phone-numbers/domain/writes/plan-writes'

const number = (k: number): JobNumber => ({
  id: `phn_${k}`,
  phone_number: `+1415555${String(k).padStart(4, '0')}`,
  nickname: null,
  label: null,
  inbound_agent_version_id: null,
  outbound_agent_version_id: null,
  inbound_canary: null,
  inbound_webhook_url: null,
  updated_at: '2026-12-01T12:00:00.000Z',
})
const numbers = JobNumbers.of(Array.from({ length: 20 }, (_, k) => number(k)))

const outcomeArb: fc.Arbitrary<RowOutcome> = fc.oneof(
  fc.constant({ result: 'changed' as const }),
  fc.constant({ result: 'unchanged' as const }),
  fc.boolean().map((partly) => ({ result: 'changed-elsewhere' as const, partly })),
  fc.constantFrom(
    { result: 'refused' as const, refusal: { kind: 'canary-without-inbound' as const } },
    { result: 'refused' as const, refusal: { kind: 'unknown-version' as const, side: 'inbound' as const } },
  ),
  fc.record({ result: fc.constant('failed' as const), message: fc.string(), partly: fc.boolean() }),
  fc.record({
    result: fc.constant('failed' as const),
    message: fc.string(),
    partly: fc.boolean(),
    unchecked: fc.constant(true as const),
  }),
  fc.boolean().map((partly) => ({ result: 'not-sent' as const, partly })),
  fc.record({ result: fc.constant('not-sent' as const), partly: fc.boolean(), message: fc.string() }),
)

/** Rows in some order, each once, with an outcome each. */
const jobArb = fc
  .uniqueArray(fc.nat({ max: 19 }), { maxLength: 20 })
  .chain((rows) =>
    fc.tuple(fc.constant(rows), fc.array(outcomeArb, { minLength: rows.length, maxLength: rows.length })),
  )

test('every outcome comes back as it was set, for its number, in the order the job named them (property)', () => {
  fc.assert(
    fc.property(jobArb, ([rows, outcomes]) => {
      const job = new JobOutcomes(numbers, rows)
      rows.forEach((row, k) => job.set(row, outcomes[k]!))
      expect([...job]).toEqual(rows.map((row, k) => ({ number: numbers.refOf(row), ...outcomes[k]! })))
      const tally = job.tally()
      expect(tally.changed).toBe(outcomes.filter((o) => o.result === 'changed').length)
      expect(tally.unchanged).toBe(outcomes.filter((o) => o.result === 'unchanged').length)
      const notChanged = [...job].filter((o) => o.result !== 'changed' && o.result !== 'unchanged')
      expect(tally.notChanged).toBe(notChanged.length)
      expect(tally.listed).toEqual(notChanged)
      expect(job.tally(2).listed).toEqual(notChanged.slice(0, 2))
    }),
  )
})

/**
 * A retry's outcome as merged, as the user reads it: a number part of whose change went through earlier
 * stays partly changed, and one found holding what was wanted after such an attempt (or an unchecked
 * one) was changed by the job.
 */
function merged(earlier: RowOutcome, later: RowOutcome): RowOutcome {
  const partly = 'partly' in earlier && earlier.partly
  const unchecked = 'unchecked' in earlier && earlier.unchecked === true
  if (later.result === 'unchanged' && (partly || unchecked)) return { result: 'changed' }
  if (later.result === 'failed' && unchecked) return { ...later, partly: later.partly || partly, unchecked: true }
  if ('partly' in later && partly) return { ...later, partly: true }
  return later
}

test('a later run (Retry failed) replaces the outcomes of the numbers it ran, in the first run’s order, keeping what the first did (property)', () => {
  fc.assert(
    fc.property(jobArb, fc.array(fc.tuple(fc.nat(), outcomeArb)), ([rows, outcomes], retried) => {
      const job = new JobOutcomes(numbers, rows)
      rows.forEach((row, k) => job.set(row, outcomes[k]!))
      const again = [...new Map(rows.length === 0 ? [] : retried.map(([pick, o]) => [rows[pick % rows.length]!, o]))]
      const retry = new JobOutcomes(
        numbers,
        again.map(([row]) => row),
      )
      for (const [row, outcome] of again) retry.set(row, outcome)
      job.merge(retry)
      const expected = new Map(rows.map((row, k) => [row, outcomes[k]!]))
      for (const [row, outcome] of again) expected.set(row, merged(expected.get(row)!, outcome))
      expect([...job]).toEqual(rows.map((row) => ({ number: numbers.refOf(row), ...expected.get(row)! })))
    }),
  )
})

describe('what a retry leaves for Undo', () => {
  const rows = [0]
  const run = (outcome: RowOutcome) => {
    const outcomes = new JobOutcomes(numbers, rows)
    outcomes.set(0, outcome)
    return outcomes
  }

  test('unchecked, then not sent (a retry cancelled), then found holding what was wanted: changed, and undone', () => {
    const job = run({ result: 'failed', message: 'unclear', partly: false, unchecked: true })
    job.merge(run({ result: 'not-sent', partly: false }))
    job.merge(run({ result: 'unchanged' }))
    expect(job.resultOf(0)).toBe('changed')
    expect([...job.undoableRows()]).toEqual([0])
  })

  test('part applied, then refused by the retry (its version archived meanwhile): Undo still puts the part back', () => {
    const job = run({ result: 'failed', message: 'down', partly: true })
    job.merge(run({ result: 'refused', refusal: { kind: 'canary-without-inbound' } }))
    expect(job.resultOf(0)).toBe('refused')
    expect([...job.undoableRows()]).toEqual([0])
  })

  test('changed by someone else after part of the change: theirs, not undone', () => {
    const job = run({ result: 'failed', message: 'down', partly: true })
    job.merge(run({ result: 'changed-elsewhere', partly: false }))
    expect(job.get(0)).toMatchObject({ result: 'changed-elsewhere', partly: true })
    expect([...job.undoableRows()]).toEqual([])
  })

  test('a snapshot keeps the outcomes as they were when a retry is merged in later', () => {
    const job = run({ result: 'failed', message: 'down', partly: false })
    const before = job.snapshot()
    job.merge(run({ result: 'changed' }))
    expect(before.resultOf(0)).toBe('failed')
    expect(before.get(0)).toMatchObject({ message: 'down' })
    expect(job.resultOf(0)).toBe('changed')
  })
})

test('Undo without a retry goes over the changed rows and the unchecked ones read again, each once', () => {
  const job = new JobOutcomes(numbers, [0, 1, 2, 3, 4, 5])
  job.set(0, { result: 'changed' })
  job.set(1, { result: 'failed', message: 'unclear', partly: false, unchecked: true })
  job.set(2, { result: 'failed', message: 'unclear', partly: true, unchecked: true })
  job.set(3, { result: 'failed', message: 'down', partly: true })
  job.set(4, { result: 'failed', message: 'down', partly: false })
  job.set(5, { result: 'failed', message: 'unclear', partly: false, unchecked: true })
  expect(job.uncheckedRows()).toEqual([1, 2, 5])
  // Row 5 is no longer in the workspace: read again, it was not found.
  expect(job.undoableRowsWith([1, 2])).toEqual([0, 3, 1, 2])
})
