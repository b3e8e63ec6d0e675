const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * `Mar 1, 2024`: the day in UTC, as the API gives times, in US English (the page's language). Written
 * out rather than made with Intl.DateTimeFormat: every row shows a day, and a page's first Intl object
 * loads ICU's data (tens of milliseconds on a slow machine). format-day.test.ts holds it equal to Intl's output.
 */
export function formatUtcDay(when: Date): string {
  return `${MONTHS[when.getUTCMonth()]} ${when.getUTCDate()}, ${when.getUTCFullYear()}`
}
