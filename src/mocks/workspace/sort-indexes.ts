import type { SortKey } from '@/mocks/workspace/number-source'
import type { SortField } from '@/types/api'

/**
 * Row indices in ascending order of each sort field: built once per field, on first use, then kept
 * up to date by writes (one row moves) instead of re-sorting 100,000 rows.
 */
export class SortIndexes {
  private readonly sorted = new Map<SortField, number[]>()

  constructor(
    private readonly size: number,
    private readonly keyAt: (index: number, field: SortField) => SortKey,
  ) {}

  /** Ascending order by one field, as row indices; ties by creation (index). */
  ascending(field: SortField): number[] {
    const cached = this.sorted.get(field)
    if (cached) return cached
    const count = this.size
    const sorted: number[] = []
    for (let i = 0; i < count; i++) sorted.push(i)
    // Creation order is usually already sorted by created_at: skip building keys and sorting when it is.
    let inOrder = true
    for (let i = 1, previous = count > 0 ? this.keyAt(0, field) : null; i < count && inOrder; i++) {
      const key = this.keyAt(i, field)
      inOrder = compareKeys(previous, key, i - 1, i) <= 0
      previous = key
    }
    if (!inOrder) {
      const keys = sorted.map((i) => this.keyAt(i, field))
      sorted.sort((a, b) => compareKeys(keys[a]!, keys[b]!, a, b))
    }
    this.sorted.set(field, sorted)
    return sorted
  }

  /** The order of `ascending(field)` between two rows, without building it: for sorting a few rows. */
  compare(field: SortField, a: number, b: number): number {
    return compareKeys(this.keyAt(a, field), this.keyAt(b, field), a, b)
  }

  /** After a write to row `index`: moves it where its new keys belong, in every order built so far. */
  rowChanged(index: number, changedFields: readonly string[]): void {
    for (const [field, sorted] of this.sorted) {
      // Every write sets updated_at; of the other sort fields only the nickname can change.
      if (field === 'updated_at' || (field === 'nickname' && changedFields.includes('nickname')))
        this.reposition(sorted, field, index)
    }
  }

  /** Moves one index to its place after its key changed: O(n) instead of a full re-sort. */
  private reposition(sorted: number[], field: SortField, index: number): void {
    sorted.splice(sorted.indexOf(index), 1)
    const key = this.keyAt(index, field)
    let low = 0
    let high = sorted.length
    while (low < high) {
      const mid = (low + high) >>> 1
      const other = sorted[mid]!
      if (compareKeys(this.keyAt(other, field), key, other, index) < 0) low = mid + 1
      else high = mid
    }
    sorted.splice(low, 0, index)
  }
}

/** Numbers without a nickname sort after named ones (so first when descending), like NULLS LAST; ties by creation. */
function compareKeys(a: SortKey, b: SortKey, indexA: number, indexB: number): number {
  if (a !== b) {
    if (a === null) return 1
    if (b === null) return -1
    return a < b ? -1 : 1
  }
  return indexA - indexB
}
