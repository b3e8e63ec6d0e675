/**
 * Times as the page writes them: in UTC, as the API gives them, and in US English, the page's
 * language. Written out rather than made with Intl.DateTimeFormat: a page's first Intl object loads
 * ICU's data (tens of milliseconds on a slow machine), which would land in the first rows (every row
 * shows a day) or in the first History or 409 shown. format-time.test.ts holds each equal to Intl's output
 * for valid times of the years 1000–9999 (the API's times are recent).
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const twoDigits = (n: number) => String(n).padStart(2, '0')

/** The time an ISO string names; null when it names none (a server's malformed value is then shown as it came). */
export function parsedTime(iso: string): Date | null {
  const when = new Date(iso)
  return Number.isNaN(when.getTime()) ? null : when
}

/** `Mar 1, 2024`. */
export function formatUtcDay(when: Date): string {
  return `${MONTHS[when.getUTCMonth()]} ${when.getUTCDate()}, ${when.getUTCFullYear()}`
}

/** `08:12:44`, on a 24-hour clock. */
export function formatUtcTimeOfDay(when: Date): string {
  return `${twoDigits(when.getUTCHours())}:${twoDigits(when.getUTCMinutes())}:${twoDigits(when.getUTCSeconds())}`
}

/** `Dec 1, 2026, 07:40:12 AM UTC`. */
export function formatUtcExactTime(when: Date): string {
  const hours = when.getUTCHours()
  const clock = `${twoDigits(hours % 12 || 12)}:${twoDigits(when.getUTCMinutes())}:${twoDigits(when.getUTCSeconds())}`
  return `${formatUtcDay(when)}, ${clock} ${hours < 12 ? 'AM' : 'PM'} UTC`
}
