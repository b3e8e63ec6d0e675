import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min'
import { INERT_PREFIX } from '@/lib/csv-file'

/** What people type around a number: spaces, dots, dashes, brackets, a slash. */
const PUNCTUATION = /[\s().\-/\u00A0]/g

/**
 * A phone number as people type it in a spreadsheet, in E.164: `+1 (415) 555-0123`, `'+14155550123`
 * (the inert prefix of an exported file), `00 44 20 7946 0123`, or a national format (`020 7946 0123`)
 * read in `countries`, tried in order (the workspace's most common first). Null when it is none of these.
 */
export function phoneKey(text: string, countries: readonly string[]): string | null {
  let typed = text.trim()
  if (typed.startsWith(INERT_PREFIX)) typed = typed.slice(INERT_PREFIX.length).trim()
  if (typed === '' || !/^[+\d\s().\-/\u00A0]+$/.test(typed)) return null
  const compact = typed.replace(PUNCTUATION, '')
  if (compact.startsWith('+')) return international(compact)
  // The international call prefix most of the world dials.
  if (compact.startsWith('00')) return international(`+${compact.slice(2)}`)
  for (const country of countries) {
    const phone = parsePhoneNumberFromString(compact, country as CountryCode)
    if (phone?.isValid()) return phone.number
  }
  // Digits with their country code but without the `+` (`14155550123`, or an exported number a spreadsheet read as a number).
  return international(`+${compact}`)
}

/** E.164 in form: a plus, a country code, and up to 15 digits in all. */
const E164 = /^\+[1-9]\d{6,14}$/

/**
 * A number written with its country code. One libphonenumber's metadata does not know as valid
 * (a new range, a test number) is still taken as written when it is E.164 in form: it is the
 * workspace that says whether it holds it.
 */
function international(compact: string): string | null {
  return e164Of(compact) ?? (E164.test(compact) ? compact : null)
}

function e164Of(international: string): string | null {
  const phone = parsePhoneNumberFromString(international)
  return phone?.isValid() ? phone.number : null
}
