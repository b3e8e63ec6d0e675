import { relativeTimeFormat, utcExactTimeFormat } from '@/lib/intl-formats'

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
]

/** "3 minutes ago", "yesterday", "just now" (within a minute). */
export function relativeTime(iso: string, now: number = Date.now()): string {
  const elapsed = Date.parse(iso) - now
  for (const [unit, ms] of UNITS) {
    if (Math.abs(elapsed) >= ms) return relativeTimeFormat().format(Math.trunc(elapsed / ms), unit)
  }
  return 'just now'
}

/** "Dec 1, 2026, 07:40:12 AM UTC": the exact time, in UTC as the API gives it. */
export function exactTime(iso: string): string {
  return utcExactTimeFormat().format(new Date(iso))
}
