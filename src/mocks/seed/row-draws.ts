import { NICKNAME_CODES, shapeOfDraw } from '@/mocks/seed/generated-values'
import { Draw, hash32 } from '@/mocks/seed/row-hash'
import type { PhoneNumber } from '@/types/api'

/**
 * What a generated row draws for each of its fields, from the seed's hash (row-hash.ts): uniform
 * numbers, picks among `n`, and the few fields that are a draw and nothing else. The same seed,
 * row and field give the same value on every call.
 */
export class RowDraws {
  constructor(private readonly seed: number) {}

  /** A uniform number in [0, 1) for this row and field. */
  draw(index: number, field: Draw): number {
    return hash32(this.seed, index, field) / 0x1_0000_0000
  }

  /** A uniform whole number in [0, n) for this row and field. */
  below(index: number, field: Draw, n: number): number {
    return Math.floor(this.draw(index, field) * n)
  }

  /** The row's country and number shape, an index into GENERATED_COUNTRIES. */
  shape(index: number): number {
    return shapeOfDraw(this.draw(index, Draw.Shape))
  }

  numberType(index: number): PhoneNumber['number_type'] {
    if (this.draw(index, Draw.TollFree) < 0.08) return 'toll_free'
    return this.draw(index, Draw.Mobile) < 0.1 ? 'mobile' : 'local'
  }

  /** 0 = no nickname, else a code from 1 to NICKNAME_CODES. */
  nicknameCode(index: number): number {
    return this.draw(index, Draw.Named) < 0.85 ? 1 + this.below(index, Draw.Nickname, NICKNAME_CODES) : 0
  }

  /** 0 = no label, else the number of label `cc-<n>`. */
  labelNumber(index: number): number {
    return this.draw(index, Draw.Labeled) < 0.7 ? 1000 + this.below(index, Draw.Label, 9000) : 0
  }
}
