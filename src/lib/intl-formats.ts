/**
 * The page's Intl formatters, each made once, on first use. The first Intl object a page makes loads
 * ICU's data (tens of milliseconds in Chromium on a two-core machine), so the first rows use none:
 * their days, counts and country names are written out (format-day.ts, format-count.ts,
 * region-names.ts), and these are made only when something needs them.
 */

function once<T>(make: () => T): () => T {
  let made: T | undefined
  return () => (made ??= make())
}

/** `08:12:44`, the time of day in UTC. */
export const utcTimeOfDayFormat = once(
  () =>
    new Intl.DateTimeFormat('en-US', {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
    }),
)

/** `Dec 1, 2026, 07:40:12 AM UTC`. */
export const utcExactTimeFormat = once(
  () =>
    new Intl.DateTimeFormat('en-US', {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZone: 'UTC',
      timeZoneName: 'short',
    }),
)

/** `3 minutes ago`, `yesterday`. */
export const relativeTimeFormat = once(() => new Intl.RelativeTimeFormat('en', { numeric: 'auto' }))
