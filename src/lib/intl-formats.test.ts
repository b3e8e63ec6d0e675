import {
  countFormat,
  regionNames,
  relativeTimeFormat,
  utcDayFormat,
  utcExactTimeFormat,
  utcTimeOfDayFormat,
} from '@/lib/intl-formats'

test('each formatter is made once, on first use, and then shared', () => {
  for (const formatter of [
    countFormat,
    regionNames,
    relativeTimeFormat,
    utcDayFormat,
    utcExactTimeFormat,
    utcTimeOfDayFormat,
  ]) {
    expect(formatter()).toBe(formatter())
  }
})

test("the first screen's formatters speak UTC and US English", () => {
  const lateEvening = new Date('2024-03-01T23:30:05Z')
  expect(utcDayFormat().format(lateEvening)).toBe('Mar 1, 2024')
  expect(utcTimeOfDayFormat().format(lateEvening)).toBe('23:30:05')
  expect(countFormat().format(100_000)).toBe('100,000')
  expect(regionNames().of('GB')).toBe('United Kingdom')
})
