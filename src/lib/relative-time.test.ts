import fc from 'fast-check'
import { exactTime, relativeTime } from '@/lib/relative-time'

const now = Date.parse('2026-12-01T12:00:00.000Z')

test('relative times people read at a glance', () => {
  expect(relativeTime('2026-12-01T11:59:30.000Z', now)).toBe('just now')
  expect(relativeTime('2026-12-01T11:57:00.000Z', now)).toBe('3 minutes ago')
  expect(relativeTime('2026-12-01T09:00:00.000Z', now)).toBe('3 hours ago')
  expect(relativeTime('2026-11-30T11:00:00.000Z', now)).toBe('yesterday')
  expect(relativeTime('2025-11-01T11:00:00.000Z', now)).toBe('last year')
})

test('exact time in UTC; a value that names no time is shown as it came', () => {
  expect(exactTime('2026-12-01T07:40:12.345Z')).toBe('Dec 1, 2026, 07:40:12 AM UTC')
  expect(exactTime('garbage')).toBe('garbage')
})

test('relative times read as Intl writes them in English, for every unit and count', () => {
  const intl = new Intl.RelativeTimeFormat('en', { numeric: 'auto' })
  const units = [
    ['year', 365 * 86_400_000],
    ['month', 30 * 86_400_000],
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
  ] as const
  fc.assert(
    fc.property(
      fc.constantFrom(...units),
      fc.integer({ min: -5000, max: 5000 }).filter((count) => count !== 0),
      ([unit, ms], count) => {
        // Counts in a unit below the next unit's size, and whole ones: as relativeTime picks them.
        fc.pre(
          units.findIndex(([u]) => u === unit) === 0 ||
            Math.abs(count) * ms < units[units.findIndex(([u]) => u === unit) - 1]![1],
        )
        expect(relativeTime(new Date(now + count * ms).toISOString(), now)).toBe(intl.format(count, unit))
      },
    ),
    { numRuns: 3000 },
  )
})
