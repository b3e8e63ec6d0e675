import { PhoneNumber } from 'libphonenumber-js/min'
import { REGION_NAMES } from '@/lib/region-names'

// Parsing costs far more than a lookup, and the same rows re-render often: remember recent results.
const formatted = new Map<string, string>()
const MAX_REMEMBERED = 5000

/** `+14155550123` → `+1 415 555 0123`; anything libphonenumber cannot parse is shown as it came. */
export function formatPhoneNumber(e164: string): string {
  let result = formatted.get(e164)
  if (result === undefined) {
    result = formatInternational(e164)
    if (formatted.size >= MAX_REMEMBERED) formatted.clear()
    formatted.set(e164, result)
  }
  return result
}

/**
 * Straight from E.164 to the international format. The format depends only on the calling code and
 * the leading digits, so this skips what parsing would also do: find which of the countries sharing a
 * calling code (+1: two dozen) the number belongs to, by testing their number patterns, which costs
 * three to four times as much and made the first rows of a page slow to render.
 */
function formatInternational(e164: string): string {
  try {
    const phone = new PhoneNumber(e164)
    // Too short or too long for its country: shown as it came, as parsing would have refused it.
    return phone.isPossible() ? phone.formatInternational() : e164
  } catch {
    return e164
  }
}

/** `US` → `United States`; an unknown code is shown as it came. */
export function countryName(countryCode: string): string {
  return REGION_NAMES[countryCode.toUpperCase()] ?? countryCode
}
