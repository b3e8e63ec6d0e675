import { formatCount } from '@/lib/format-count'
import { formatUtcExactTime, parsedTime } from '@/lib/format-time'

type Unit = 'year' | 'month' | 'day' | 'hour' | 'minute'

const UNITS: [Unit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
]

/** The words English has for one unit back and ahead (Intl.RelativeTimeFormat's `numeric: 'auto'`). */
const ONE_BACK_AND_AHEAD: Partial<Record<Unit, [string, string]>> = {
  year: ['last year', 'next year'],
  month: ['last month', 'next month'],
  day: ['yesterday', 'tomorrow'],
}

/**
 * `3 minutes ago`, `yesterday`, `in 2 hours`: `count` (never 0) of `unit` from now. Written out in
 * English rather than made with Intl.RelativeTimeFormat, like the page's other formats
 * (format-time.ts); relative-time.test.ts holds it equal to Intl's output.
 */
function inWords(count: number, unit: Unit): string {
  const words = ONE_BACK_AND_AHEAD[unit]
  if (words && (count === -1 || count === 1)) return words[count === -1 ? 0 : 1]
  const amount = `${formatCount(Math.abs(count))} ${unit}${Math.abs(count) === 1 ? '' : 's'}`
  return count < 0 ? `${amount} ago` : `in ${amount}`
}

/** "3 minutes ago", "yesterday", "just now" (within a minute). */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const elapsed = Date.parse(iso) - now
  for (const [unit, ms] of UNITS) {
    if (Math.abs(elapsed) >= ms) return inWords(Math.trunc(elapsed / ms), unit)
  }
  return 'just now'
}

/** "Dec 1, 2026, 07:40:12 AM UTC": the exact time, in UTC as the API gives it. */
export function exactTime(iso: string): string {
  const when = parsedTime(iso)
  return when ? formatUtcExactTime(when) : iso
}
