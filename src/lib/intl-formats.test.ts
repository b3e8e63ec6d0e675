import { countFormat, regionNames, utcDayFormat, utcExactTimeFormat, utcTimeOfDayFormat } from '@/lib/intl-formats'

test('each formatter is made once and speaks UTC and US English', () => {
  expect(utcDayFormat()).toBe(utcDayFormat())
  expect(regionNames()).toBe(regionNames())
  const lateEvening = new Date('2024-03-01T23:30:05Z')
  expect(utcDayFormat().format(lateEvening)).toBe('Mar 1, 2024')
  expect(utcTimeOfDayFormat().format(lateEvening)).toBe('23:30:05')
  expect(utcExactTimeFormat().format(lateEvening)).toBe('Mar 1, 2024, 11:30:05 PM UTC')
  expect(countFormat().format(100_000)).toBe('100,000')
  expect(regionNames().of('GB')).toBe('United Kingdom')
})
