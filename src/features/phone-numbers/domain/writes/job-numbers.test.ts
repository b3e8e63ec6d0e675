import fc from 'fast-check'
import { TIMESTAMPS } from '@/features/phone-numbers/domain/writes/job-number-columns'
import { JobNumbers } from '@/features/phone-numbers/domain/writes/job-numbers'
import type { JobNumber } from '@/features/phone-numbers/domain/writes/plan-writes'

const record: JobNumber = {
  id: 'phn_1',
  phone_number: '+14155550123',
  nickname: 'Front desk',
  label: null,
  inbound_agent_version_id: 'agv_front_2',
  outbound_agent_version_id: null,
  inbound_canary: { agent_version_id: 'agv_front_3', percent: 10 },
  inbound_webhook_url: null,
  updated_at: '2026-12-01T12:00:00.000Z',
}

/** Text a server may send where the store packs values as numbers: some of it does not pack, and must come back as it was. */
const timestampArb = fc.oneof(
  fc
    .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom('2026-12-01T12:00:00.123456Z', '2026-12-01T12:00:00Z', '2026-12-01T12:00:00.000+00:00', 'soon'),
)
const phoneArb = fc.oneof(
  fc.bigInt({ min: 1_000_000n, max: 999_999_999_999_999n }).map((n) => `+${n}`),
  fc.constantFrom('+0123', '+1 415 555 0123', '4155550123', '+1234567890123456'),
)
const textArb = (values: string[]) => fc.option(fc.constantFrom(...values), { nil: null })
const numberArb: fc.Arbitrary<JobNumber> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 20 }),
  phone_number: phoneArb,
  updated_at: timestampArb,
  nickname: fc.option(fc.string(), { nil: null }),
  label: textArb(['clinic', 'sales', '']),
  inbound_agent_version_id: textArb(['agv_a_1', 'agv_a_2', 'agv_b_1']),
  outbound_agent_version_id: textArb(['agv_a_1', 'agv_a_2', 'agv_b_1']),
  inbound_canary: fc.option(
    fc.record({ agent_version_id: fc.constantFrom('agv_a_1', 'agv_b_2'), percent: fc.integer({ min: 1, max: 99 }) }),
    { nil: null },
  ),
  inbound_webhook_url: textArb(['https://hooks.example.com/a', 'https://hooks.example.com/b']),
})

test('a number comes back exactly as it went in, as read and as last seen', () => {
  const numbers = JobNumbers.of([record])
  expect(numbers.size).toBe(1)
  expect(numbers.asRead(0)).toEqual(record)
  expect(numbers.lastSeen(0)).toEqual(record)
  expect(numbers.refOf(0)).toEqual({ id: 'phn_1', phone_number: '+14155550123' })
  expect(numbers.rowOf('phn_1')).toBe(0)
  expect(numbers.rowOf('phn_2')).toBeUndefined()
})

test('what the server answers changes the number as last seen, never as read; another number is not taken in', () => {
  const numbers = JobNumbers.of([record])
  const answer = { ...record, updated_at: '2026-12-01T13:00:00.000Z', outbound_agent_version_id: 'agv_sales_2' }
  expect(numbers.see(answer)).toBe(0)
  expect(numbers.lastSeen(0)).toEqual(answer)
  expect(numbers.lastSeenUpdatedAt(0)).toBe('2026-12-01T13:00:00.000Z')
  expect(numbers.asRead(0)).toEqual(record)
  expect(numbers.see({ ...record, id: 'phn_2' })).toBeUndefined()
})

test('for any numbers and any answers about them: as read stays as read, last seen is the last answer (property)', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(numberArb, { selector: (n) => n.id, maxLength: 40 }),
      fc.array(fc.tuple(fc.nat(), numberArb), { maxLength: 60 }),
      (read, answers) => {
        const numbers = JobNumbers.of(read)
        const last = new Map(read.map((n) => [n.id, n]))
        for (const [pick, answer] of answers) {
          if (read.length === 0) break
          // An answer about a number of the job: same id and E.164, any state.
          const about = read[pick % read.length]!
          const seen = { ...answer, id: about.id, phone_number: about.phone_number }
          expect(numbers.see(seen)).toBe(numbers.rowOf(about.id))
          last.set(about.id, seen)
        }
        expect(numbers.size).toBe(read.length)
        read.forEach((number, row) => {
          expect(numbers.rowOf(number.id)).toBe(row)
          expect(numbers.asRead(row)).toEqual(number)
          expect(numbers.labelAsRead(row)).toBe(number.label)
          expect(numbers.slotsAsRead(row)).toEqual({
            id: number.id,
            inbound_agent_version_id: number.inbound_agent_version_id,
            outbound_agent_version_id: number.outbound_agent_version_id,
          })
          expect(numbers.lastSeen(row)).toEqual(last.get(number.id))
          expect(numbers.lastSeenUpdatedAt(row)).toBe(last.get(number.id)!.updated_at)
        })
      },
    ),
  )
})

test('a number read twice keeps its row and takes the second read', () => {
  const numbers = new JobNumbers()
  numbers.add(record)
  numbers.add({ ...record, id: 'phn_2', phone_number: '+14155550124' })
  const again = { ...record, label: 'clinic', updated_at: '2026-12-01T14:00:00.000Z' }
  expect(numbers.add(again)).toBe(0)
  numbers.trim()
  expect(numbers.size).toBe(2)
  expect(numbers.asRead(0)).toEqual(again)
  expect(numbers.lastSeen(0)).toEqual(again)
})

test('more than 65,535 distinct labels still read back right (the codes widen)', () => {
  const numbers = new JobNumbers()
  for (let k = 0; k < 70_000; k++) {
    numbers.add({ ...record, id: `phn_${k}`, phone_number: `+1415${String(k).padStart(7, '0')}`, label: `l${k}` })
  }
  numbers.trim()
  expect(numbers.asRead(3).label).toBe('l3')
  expect(numbers.asRead(69_999).label).toBe('l69999')
  expect(numbers.refOf(69_999).phone_number).toBe('+14150069999')
})

test('a timestamp is spelled exactly as toISOString spells it, before 1970 and at the ends of four-digit years too (property)', () => {
  const edges = [0, -1, 1, -86_400_000, 86_399_999, Date.parse('0000-01-01T00:00:00.000Z'), 253_402_300_799_999]
  for (const ms of edges) expect(TIMESTAMPS.text(ms)).toBe(new Date(ms).toISOString())
  fc.assert(
    fc.property(fc.integer({ min: -62_200_000_000_000, max: 253_500_000_000_000 }), (ms) => {
      expect(TIMESTAMPS.text(ms)).toBe(new Date(ms).toISOString())
    }),
    { numRuns: 5_000 },
  )
})
