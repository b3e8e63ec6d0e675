/**
 * Which numbers a staged rollout takes: a number is in when a hash of (number id, target version)
 * falls below the share. The same numbers every time for the same target, and growing the share
 * (10 % today, 50 % tomorrow) keeps every number the smaller share took (ENGINEERING.md).
 */
export function inRollout(numberId: string, targetVersionId: string, percent: number): boolean {
  if (percent >= 100) return true
  if (percent <= 0) return false
  return rolloutBucket(numberId, targetVersionId) < percent
}

/** 0–99, evenly spread: FNV-1a over the two ids, mixed so that similar ids land far apart. */
export function rolloutBucket(numberId: string, targetVersionId: string): number {
  let hash = 0x811c9dc5
  const text = `${numberId}\u0000${targetVersionId}`
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  // Final avalanche (murmur3's fmix32): FNV alone spreads ids that differ only at the end poorly.
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  hash ^= hash >>> 16
  return (hash >>> 0) % 100
}
