import fc from 'fast-check'
import { formatUtcDay } from '@/lib/format-day'

const intlDay = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })

test('a day in UTC reads as Intl writes it in US English, at any time of any day from year 1000 to 9999', () => {
  expect(formatUtcDay(new Date('2024-03-01T23:30:05Z'))).toBe('Mar 1, 2024')
  fc.assert(
    fc.property(
      fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }),
      (when) => {
        expect(formatUtcDay(when)).toBe(intlDay.format(when))
      },
    ),
    { numRuns: 2000 },
  )
})
