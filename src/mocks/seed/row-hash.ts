import { ID_ALPHABET } from '@/mocks/seed/generated-values'

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
  // Version 2's fields: appended, so that every earlier stream (and so every v1 value) stays as it was.
  Canary,
  CanaryPick,
  CanaryPercent,
  Webhook,
  ImportError,
  ImportErrorReason,
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

/** `phn_` + the row index in base 36 (4 characters hold up to 1,679,615) + 8 seeded characters. */
export function seededId(seed: number, index: number): string {
  const high = hash32(seed, index, Draw.IdHigh)
  const low = hash32(seed, index, Draw.IdLow)
  let suffix = ''
  for (let k = 0; k < 6; k++) suffix += ID_ALPHABET[(high >>> (k * 5)) & 31]
  for (let k = 0; k < 2; k++) suffix += ID_ALPHABET[(low >>> (k * 5)) & 31]
  return `phn_${index.toString(36).padStart(4, '0')}${suffix}`
}
