import { parsePhoneNumberFromString } from 'libphonenumber-js/min'

/** `+14155550123` → `+1 415 555 0123`; anything libphonenumber cannot parse is shown as it came. */
export function formatPhoneNumber(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' })

/** `US` → `United States`; an unknown code is shown as it came. */
export function countryName(countryCode: string): string {
  try {
    return regionNames.of(countryCode.toUpperCase()) ?? countryCode
  } catch {
    return countryCode
  }
}
