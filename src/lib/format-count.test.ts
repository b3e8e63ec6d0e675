import fc from 'fast-check'
import { formatCount } from '@/lib/format-count'

const intlCount = new Intl.NumberFormat('en-US')

test('a count reads as Intl writes it in US English, for every safe integer', () => {
  expect(formatCount(100_000)).toBe('100,000')
  expect(formatCount(999)).toBe('999')
  expect(formatCount(-1_234_567)).toBe('-1,234,567')
  fc.assert(
    fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: -1_000_000, max: 1_000_000 })), (n) => {
      expect(formatCount(n)).toBe(intlCount.format(n))
    }),
    { numRuns: 2000 },
  )
})
