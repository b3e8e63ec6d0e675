import fc from 'fast-check'
import { compareNames } from '@/lib/compare-names'

test('names sort with case and accents aside, then lower case first', () => {
  expect(
    ['Zeta', 'émile', 'Billing', 'alpha', 'Émile', 'Front Desk', 'front desk', 'Øst', 'Pine'].sort(compareNames),
  ).toEqual(['alpha', 'Billing', 'émile', 'Émile', 'front desk', 'Front Desk', 'Øst', 'Pine', 'Zeta'])
})

test('it orders names of letters (accented, ø, ł, ß), digits, spaces and hyphens as localeCompare does', () => {
  // Accents before case: found by this property in a CI run.
  expect(compareNames('Éo', 'éø')).toBe(-1)
  const unit = fc.constantFrom('a', 'A', 'b', 'e', 'é', 'É', 'o', 'ø', 'Ø', 'ł', 's', 'ß', 'z', 'Z', ' ', '-', '1', '2')
  const name = fc.string({ unit, maxLength: 6 })
  fc.assert(
    fc.property(name, name, (a, b) => {
      expect(Math.sign(compareNames(a, b)) + 0).toBe(Math.sign(a.localeCompare(b, 'en')) + 0)
    }),
    { numRuns: 20_000 },
  )
})

test('it is a total order: antisymmetric, transitive, and 0 only for the same name', () => {
  const name = fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'é', 'É', 'e', ' ', '2', 'ß', 'ø') })
  fc.assert(
    fc.property(name, name, name, (a, b, c) => {
      expect(Math.sign(compareNames(a, b)) + Math.sign(compareNames(b, a))).toBe(0)
      expect(compareNames(a, b) === 0).toBe(a === b)
      if (compareNames(a, b) <= 0 && compareNames(b, c) <= 0) expect(compareNames(a, c)).toBeLessThanOrEqual(0)
    }),
  )
})
