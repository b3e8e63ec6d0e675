/**
 * Local numbers of `digits` digits never start with 0 or 1: 8 × 10^(digits-1) of them. Generated
 * row j gets an affine permutation of j over that range (multiplier coprime with its size), so
 * rows map to distinct locals and a local maps back to its row.
 */
const LOCALS = new Map(
  [7, 8].map((digits) => {
    const size = 8 * 10 ** (digits - 1)
    const multiplier = digits === 7 ? 2_654_437 : 26_544_357
    return [digits, { size, base: 2 * 10 ** (digits - 1), multiplier, inverse: modularInverse(multiplier, size) }]
  }),
)

export function localOfRow(row: number, digits: number): number {
  const l = LOCALS.get(digits)!
  return l.base + ((row * l.multiplier + OFFSET) % l.size)
}

/** The row whose local this is (a number past the workspace when no row has it). */
export function rowOfLocal(local: number, digits: number): number {
  const l = LOCALS.get(digits)!
  const permuted = local - l.base
  if (permuted < 0 || permuted >= l.size) return -1
  return (((((permuted - OFFSET) % l.size) + l.size) % l.size) * l.inverse) % l.size
}

const OFFSET = 1_234_567

function modularInverse(a: number, m: number): number {
  let [oldR, r] = [a, m]
  let [oldS, s] = [1, 0]
  while (r !== 0) {
    const q = Math.floor(oldR / r)
    ;[oldR, r] = [r, oldR - q * r]
    ;[oldS, s] = [s, oldS - q * s]
  }
  return ((oldS % m) + m) % m
}
