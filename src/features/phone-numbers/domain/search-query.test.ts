import { describe, expect, it, vi } from 'vitest'
import { countriesByFrequency, searchForServer } from '@/features/phone-numbers/domain/search-query'

describe('searchForServer', () => {
  it('sends a number typed in a national format in E.164, trying the most common country first', () => {
    expect(searchForServer('020 7946 0123', ['US', 'GB'])).toBe('+442079460123')
    expect(searchForServer('(0)20-7946-0123', ['GB'])).toBe('+442079460123')
    expect(searchForServer('030 1234567', ['DE', 'GB'])).toBe('+49301234567')
  })

  it('leaves digits that already match as they are, whole or partial', () => {
    expect(searchForServer('415 555 0123', ['US'])).toBe('415 555 0123')
    expect(searchForServer('4155550123', ['US'])).toBe('4155550123')
    expect(searchForServer('555 01', ['US', 'GB'])).toBe('555 01')
    expect(searchForServer('+44 20 7946 0123', ['GB'])).toBe('+44 20 7946 0123')
  })

  it('leaves words and numbers of no listed country alone', () => {
    expect(searchForServer('Line 1', ['GB'])).toBe('Line 1')
    expect(searchForServer('020 7946 0123', ['US'])).toBe('020 7946 0123')
    expect(searchForServer('020 7946 0123', [])).toBe('020 7946 0123')
  })
})

describe('countriesByFrequency', () => {
  it('ranks countries by how many numbers have them', () => {
    expect(countriesByFrequency(['GB', 'US', 'US', 'DE', 'US', 'GB'])).toEqual(['US', 'GB', 'DE'])
    expect(countriesByFrequency([])).toEqual([])
  })
})

test('the countries are asked for only when the search looks like a number (finding the browser’s region costs)', () => {
  const countries = vi.fn(() => ['GB'])
  expect(searchForServer('support', countries)).toBe('support')
  expect(countries).not.toHaveBeenCalled()
  expect(searchForServer('020 7946 0123', countries)).toBe('+442079460123')
  expect(countries).toHaveBeenCalledOnce()
})
