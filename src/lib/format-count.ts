import { countFormat } from '@/lib/intl-formats'

/** A count for people: `10,000`. */
export function formatCount(n: number): string {
  return countFormat().format(n)
}
