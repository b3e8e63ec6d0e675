import { parsePhoneNumberFromString } from 'libphonenumber-js/min'
import { formatPhoneNumber } from '@/lib/phone-format'
import { createSeedRecords } from '@/mocks/seed'

test('every number of a large demo workspace is formatted exactly as parsing it would format it', () => {
  const { numbers } = createSeedRecords({ numbers: 5_000 })
  const different = numbers
    .map((n) => n.phone_number)
    .filter((e164) => formatPhoneNumber(e164) !== parsePhoneNumberFromString(e164)?.formatInternational())
  expect(different).toEqual([])
})

test('text that is not a phone number is shown as it came', () => {
  expect(formatPhoneNumber('+')).toBe('+')
  expect(formatPhoneNumber('not a number')).toBe('not a number')
  expect(formatPhoneNumber('+999123')).toBe('+999123')
  // Well-formed E.164 but too short for its calling code.
  expect(formatPhoneNumber('+1415')).toBe('+1415')
})
