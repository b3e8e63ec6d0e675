import { getCountries } from 'libphonenumber-js/min'
import { REGION_NAMES } from '@/lib/region-names'
import { countryName } from '@/lib/phone-format'

test('every two-letter region Intl names is named as Intl names it (else: node scripts/generate-region-names.mjs)', () => {
  const intlNames = new Intl.DisplayNames(['en'], { type: 'region' })
  const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ']
  const named = letters.flatMap((a) => letters.map((b) => a + b)).filter((code) => intlNames.of(code) !== code)
  expect(Object.keys(REGION_NAMES)).toEqual(named)
  for (const [code, name] of Object.entries(REGION_NAMES)) expect(name, code).toBe(intlNames.of(code))
  // Every region a phone number can belong to is among them.
  expect(getCountries().filter((code) => !(code in REGION_NAMES))).toEqual([])
})

test('a country code is named whatever its case; an unknown one is shown as it came', () => {
  expect(countryName('AQ')).toBe('Antarctica')
  expect(countryName('gb')).toBe('United Kingdom')
  expect(countryName('Q1')).toBe('Q1')
})
