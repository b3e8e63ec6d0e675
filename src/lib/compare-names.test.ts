import fc from 'fast-check'
import { compareNames } from '@/lib/compare-names'

test('names sort with case and accents aside, then as written', () => {
  expect(['Zeta', 'émile', 'Billing', 'alpha', 'Émile', 'Front Desk', 'front desk'].sort(compareNames)).toEqual([
    'alpha',
    'Billing',
    'Émile',
    'émile',
    'Front Desk',
    'front desk',
    'Zeta',
  ])
})

test('it is a total order: antisymmetric, transitive, and 0 only for the same name', () => {
  const name = fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'é', 'É', 'e', ' ', '2', 'ß') })
  fc.assert(
    fc.property(name, name, name, (a, b, c) => {
      expect(Math.sign(compareNames(a, b)) + Math.sign(compareNames(b, a))).toBe(0)
      expect(compareNames(a, b) === 0).toBe(a === b)
      if (compareNames(a, b) <= 0 && compareNames(b, c) <= 0) expect(compareNames(a, c)).toBeLessThanOrEqual(0)
    }),
  )
})
