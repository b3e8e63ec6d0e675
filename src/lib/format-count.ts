/**
 * A count for people: `10,000`. Written out for US English (the page's language) rather than made
 * with Intl.NumberFormat: the first rows show counts, and a page's first Intl object loads ICU's data
 * (tens of milliseconds on a slow machine). format-count.test.ts holds it equal to Intl's output for
 * every safe integer; anything else (no caller passes one) is written as JavaScript writes it.
 */
export function formatCount(n: number): string {
  if (!Number.isInteger(n)) return String(n)
  const digits = String(Math.abs(n))
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ',')
  return n < 0 ? `-${grouped}` : grouped
}
