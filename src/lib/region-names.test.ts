import { getCountries } from 'libphonenumber-js/min'
import { REGION_NAMES } from '@/lib/region-names'

test('every region a phone number can belong to is named as Intl names it (else: node scripts/generate-region-names.mjs)', () => {
  const intlNames = new Intl.DisplayNames(['en'], { type: 'region' })
  expect(Object.keys(REGION_NAMES).sort()).toEqual([...getCountries()].sort())
  for (const [code, name] of Object.entries(REGION_NAMES)) expect(name, code).toBe(intlNames.of(code))
})
