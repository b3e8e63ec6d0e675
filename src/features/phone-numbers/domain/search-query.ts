import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min'

/** API.md: a search made only of digits and phone punctuation also matches the digits of numbers. */
const PHONE_LIKE = /^[\d\s().-]+$/

const digitsOf = (text: string) => text.replace(/\D/g, '')

/**
 * The search as the server should receive it. A number typed in a national format (`020 7946 0123`)
 * carries a trunk prefix that E.164 drops, so its digits match nothing: it is sent in E.164
 * (`+442079460123`) when it is a valid number of one of `countries`, tried in order (the workspace's
 * most common first). Anything else, including partial digits, is sent as typed.
 */
export function searchForServer(search: string, countries: readonly string[] | (() => readonly string[])): string {
  if (!PHONE_LIKE.test(search)) return search
  const typed = digitsOf(search)
  // A function when finding the countries costs something (the browser's region): only a number needs them.
  for (const country of typeof countries === 'function' ? countries() : countries) {
    const phone = parsePhoneNumberFromString(search, country as CountryCode)
    if (!phone?.isValid()) continue
    // Typed without a trunk prefix (`415 555 0123`): its digits already match as they are.
    if (digitsOf(phone.number).includes(typed)) return search
    return phone.number
  }
  return search
}

/** Country codes by how many of `countryCodes` have each, most first; ties in first-seen order. */
export function countriesByFrequency(countryCodes: Iterable<string>): string[] {
  const counts = new Map<string, number>()
  for (const code of countryCodes) counts.set(code, (counts.get(code) ?? 0) + 1)
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([code]) => code)
}
