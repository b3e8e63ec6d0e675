import { exactTime, relativeTime } from '@/lib/relative-time'

const now = Date.parse('2026-12-01T12:00:00.000Z')

test('relative times people read at a glance', () => {
  expect(relativeTime('2026-12-01T11:59:30.000Z', now)).toBe('just now')
  expect(relativeTime('2026-12-01T11:57:00.000Z', now)).toBe('3 minutes ago')
  expect(relativeTime('2026-12-01T09:00:00.000Z', now)).toBe('3 hours ago')
  expect(relativeTime('2026-11-30T11:00:00.000Z', now)).toBe('yesterday')
  expect(relativeTime('2025-11-01T11:00:00.000Z', now)).toBe('last year')
})

test('exact time in UTC', () => {
  expect(exactTime('2026-12-01T07:40:12.345Z')).toBe('Dec 1, 2026, 07:40:12 AM UTC')
})
