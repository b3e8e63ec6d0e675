/** A count for people: `10,000`. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}
