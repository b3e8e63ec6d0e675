import { CURATED } from '@/mocks/fixtures/curated-numbers'
import { rowOfLocal } from '@/mocks/seed/phone-permutation'

/** What generated rows are made of: countries and their number shapes, nickname parts, providers. */

/** Local-number shapes per country for generated numbers; `n` digits after the prefix. */
export const GENERATED_COUNTRIES = [
  {
    country: 'US',
    prefixes: ['+1415', '+1212', '+1312', '+1617', '+1646', '+1718', '+1206', '+1512'],
    digits: 7,
    weight: 55,
  },
  { country: 'CA', prefixes: ['+1604', '+1416', '+1514'], digits: 7, weight: 8 },
  { country: 'GB', prefixes: ['+4420', '+44161', '+44113'], digits: 7, weight: 12 },
  { country: 'DE', prefixes: ['+4930', '+4940', '+4989'], digits: 8, weight: 8 },
  { country: 'FR', prefixes: ['+331', '+334'], digits: 8, weight: 6 },
  { country: 'AU', prefixes: ['+612', '+613'], digits: 8, weight: 6 },
  { country: 'NL', prefixes: ['+3120', '+3110'], digits: 7, weight: 5 },
] as const

const PLACES = [
  'Boston',
  'Austin',
  'Denver',
  'Phoenix',
  'Miami',
  'Dallas',
  'Leeds',
  'Hamburg',
  'Lyon',
  'Perth',
  'Utrecht',
  'Calgary',
  'Ottawa',
  'Bristol',
  'Köln',
]
const ROLES = ['Clinic', 'Front Desk', 'Billing', 'Reminders', 'Store', 'Pharmacy', 'Callbacks', 'Outreach', 'Hotline']

export const ID_ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'

/** Twilio twice as likely as each other provider. */
export const PROVIDER_DRAW = ['twilio', 'twilio', 'telnyx', 'vonage'] as const
/** Nicknames are "<place> <role> <1-99>": each combination has a code from 1 (0 = no nickname). */
const NICKNAME_NUMBERS = 99
export const NICKNAME_CODES = PLACES.length * ROLES.length * NICKNAME_NUMBERS

const TOTAL_WEIGHT = GENERATED_COUNTRIES.reduce((sum, g) => sum + g.weight, 0)

/** A row's country (its index in GENERATED_COUNTRIES) from a uniform draw in [0, 1), by the countries' weights. */
export function shapeOfDraw(draw: number): number {
  let target = draw * TOTAL_WEIGHT
  let shape = 0
  while (shape < GENERATED_COUNTRIES.length - 1 && (target -= GENERATED_COUNTRIES[shape]!.weight) >= 0) shape++
  return shape
}

/** Every nickname (by code) and label (by number) in lower case, as searches compare them; '' where there is none. */
export function lowerNicknamesAndLabels(): { nicknames: string[]; labels: string[] } {
  const nicknames = Array.from({ length: NICKNAME_CODES + 1 }, (_, code) =>
    code === 0 ? '' : nicknameOfCode(code).toLowerCase(),
  )
  const labels = Array.from({ length: 10_000 }, (_, n) => (n < 1000 ? '' : `cc-${n}`))
  return { nicknames, labels }
}

/** Nickname code → "<place> <role> <1-99>". */
export function nicknameOfCode(code: number): string {
  const combination = code - 1
  const number = (combination % NICKNAME_NUMBERS) + 1
  const role = Math.floor(combination / NICKNAME_NUMBERS) % ROLES.length
  const place = Math.floor(combination / NICKNAME_NUMBERS / ROLES.length)
  return `${PLACES[place]} ${ROLES[role]} ${number}`
}

/** Every curated number, also those a small workspace leaves out: generated numbers avoid them all. */
export const CURATED_E164S = new Set(CURATED.map((row) => row.phone_number))
/** The local parts curated numbers would have as generated ones: only rows with these need checking. */
export const CURATED_LOCALS = new Set(
  CURATED.flatMap(({ phone_number }) =>
    GENERATED_COUNTRIES.flatMap(({ prefixes, digits }) =>
      prefixes
        .filter((p) => phone_number.startsWith(p) && phone_number.length === p.length + digits)
        .map((p) => Number(phone_number.slice(p.length))),
    ),
  ),
)

/**
 * The generated rows (counted from the first generated one) that could hold `e164`: which row a
 * generated number belongs to follows from its prefix and local digits alone.
 */
export function generatedRowsOf(e164: string): number[] {
  return GENERATED_COUNTRIES.flatMap(({ prefixes, digits }) => {
    const prefix = prefixes.find((p) => e164.startsWith(p) && e164.length === p.length + digits)
    const row = prefix === undefined ? -1 : rowOfLocal(Number(e164.slice(prefix.length)), digits)
    return row >= 0 ? [row] : []
  })
}
