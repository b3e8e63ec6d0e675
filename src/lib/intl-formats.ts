/**
 * The page's Intl formatters, each made once, on first use. The first Intl object a page makes loads
 * ICU's data: 75–105 ms in Chromium on a two-core machine. The boot script makes the first screen's formatters
 * (prepareFirstScreenFormats) while the app's code is still downloading, so that this is not spent
 * in the middle of rendering the first rows; the others are made only when something needs them.
 */

function once<T>(make: () => T): () => T {
  let made: T | undefined
  return () => (made ??= make())
}

/** `Mar 1, 2024`, the day in UTC, as the API gives times. */
export const utcDayFormat = once(
  () => new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }),
)

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

/** `10,000`. */
export const countFormat = once(() => new Intl.NumberFormat('en-US'))

/** `US` → `United States`. */
export const regionNames = once(() => new Intl.DisplayNames(['en'], { type: 'region' }))

/** Makes the formatters the first rows use: the table's dates, country names and counts. */
export function prepareFirstScreenFormats(): void {
  utcDayFormat()
  regionNames()
  countFormat()
}
