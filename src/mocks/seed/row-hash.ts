/**
 * Every field of a generated row is drawn from a hash of (seed, row, field): the same inputs give
 * the same row on every machine and every load, with no state to keep.
 */

/** What each generated row draws from the hash, one stream per field. */
export const enum Draw {
  Shape,
  Prefix,
  Inbound,
  InboundPick,
  Outbound,
  OutboundPick,
  Named,
  Nickname,
  Labeled,
  Label,
  Status,
  Provider,
  TollFree,
  Mobile,
  UpdatedDays,
  IdHigh,
  IdLow,
}

/** A well-mixed 32-bit hash of (seed, row, field): lowbias32's finaliser over the combined inputs. */
export function hash32(seed: number, row: number, field: number): number {
  let h = Math.imul(seed ^ Math.imul(row + 1, 0x9e3779b1), 0x85ebca6b) ^ Math.imul(field + 1, 0xc2b2ae35)
  h ^= h >>> 16
  h = Math.imul(h, 0x7feb352d)
  h ^= h >>> 15
  h = Math.imul(h, 0x846ca68b)
  h ^= h >>> 16
  return h >>> 0
}
