import { relativeTimeFormat, utcExactTimeFormat, utcTimeOfDayFormat } from '@/lib/intl-formats'

test('each formatter is made once, on first use, and then shared', () => {
  for (const formatter of [relativeTimeFormat, utcExactTimeFormat, utcTimeOfDayFormat]) {
    expect(formatter()).toBe(formatter())
  }
})

test('the formatters speak UTC and US English', () => {
  const lateEvening = new Date('2024-03-01T23:30:05Z')
  expect(utcTimeOfDayFormat().format(lateEvening)).toBe('23:30:05')
  expect(utcExactTimeFormat().format(lateEvening)).toBe('Mar 1, 2024, 11:30:05 PM UTC')
})
