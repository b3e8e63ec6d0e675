import fc from 'fast-check'
import { formatUtcDay, formatUtcExactTime, formatUtcTimeOfDay } from '@/lib/format-time'

const utc = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-US', { ...options, timeZone: 'UTC' })
const anyTime = fc.date({
  min: new Date('1000-01-01T00:00:00Z'),
  max: new Date('9999-12-31T23:59:59Z'),
  noInvalidDate: true,
})

test('times read as Intl writes them in US English and UTC, at any time from year 1000 to 9999', () => {
  const lateEvening = new Date('2024-03-01T23:30:05Z')
  expect(formatUtcDay(lateEvening)).toBe('Mar 1, 2024')
  expect(formatUtcTimeOfDay(lateEvening)).toBe('23:30:05')
  expect(formatUtcExactTime(lateEvening)).toBe('Mar 1, 2024, 11:30:05 PM UTC')
  expect(formatUtcExactTime(new Date('2026-12-01T00:05:00Z'))).toBe('Dec 1, 2026, 12:05:00 AM UTC')

  const day = utc({ year: 'numeric', month: 'short', day: 'numeric' })
  const timeOfDay = utc({ hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
  const exact = utc({
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
  })
  fc.assert(
    fc.property(anyTime, (when) => {
      expect(formatUtcDay(when)).toBe(day.format(when))
      expect(formatUtcTimeOfDay(when)).toBe(timeOfDay.format(when))
      expect(formatUtcExactTime(when)).toBe(exact.format(when))
    }),
    { numRuns: 2000 },
  )
})
