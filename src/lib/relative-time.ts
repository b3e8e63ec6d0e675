const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' })
const exact = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'UTC',
  timeZoneName: 'short',
})

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
    if (Math.abs(elapsed) >= ms) return relative.format(Math.trunc(elapsed / ms), unit)
  }
  return 'just now'
}

/** "Dec 1, 2026, 07:40:12 AM UTC": the exact time, in UTC as the API gives it. */
export function exactTime(iso: string): string {
  return exact.format(new Date(iso))
}
