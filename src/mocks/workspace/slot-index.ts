/**
 * What the list filters and the usage counts read of every row, kept as columns of small integers
 * (a code per version id, 0 for an empty slot) and per-version counters. Built in one pass over
 * the rows on first use, then kept up to date by each write (one row at a time), so that a filter
 * reads a typed array instead of building the row, and usage counts are read, not counted.
 */

/** One row's values as the index keeps them. */
export interface SlotValues {
  inbound: string | null
  outbound: string | null
  /** The canary's version id. */
  canary: string | null
  importError: boolean
}

type Column = 'inbound' | 'outbound' | 'canary'
const COLUMNS: readonly Column[] = ['inbound', 'outbound', 'canary']

/** Rows per step of building: a few milliseconds each. */
const BUILD_STEP = 10_000

export class SlotIndex {
  /** Version id → code; 0 stands for "no version". */
  private readonly codes = new Map<string, number>()
  private readonly columns: Record<Column, Uint16Array>
  private readonly importErrors: Uint8Array
  /** Per column, rows holding each code (index = code). */
  private readonly counts: Record<Column, number[]> = { inbound: [0], outbound: [0], canary: [0] }
  private importErrorCount = 0
  private built = 0

  constructor(
    private readonly size: number,
    private readonly read: (index: number) => SlotValues,
  ) {
    this.columns = { inbound: new Uint16Array(size), outbound: new Uint16Array(size), canary: new Uint16Array(size) }
    this.importErrors = new Uint8Array(size)
  }

  /** Builds the columns a step at a time (prepare()); the first read finishes whatever is left. */
  *build(): Generator<void, void, void> {
    while (this.built < this.size) {
      const end = Math.min(this.size, this.built + BUILD_STEP)
      for (let index = this.built; index < end; index++) this.store(index, this.read(index))
      this.built = end
      yield
    }
  }

  /** The code of a version id, or undefined when no row has ever held it (so nothing can match it). */
  codeOf(versionId: string): number | undefined {
    this.complete()
    return this.codes.get(versionId)
  }

  column(column: Column): Uint16Array {
    this.complete()
    return this.columns[column]
  }

  importErrorColumn(): Uint8Array {
    this.complete()
    return this.importErrors
  }

  /** Rows whose `column` holds this version now. */
  count(column: Column, versionId: string): number {
    const code = this.codeOf(versionId)
    return code === undefined ? 0 : (this.counts[column][code] ?? 0)
  }

  /** Rows with an import error now. */
  importErrorTotal(): number {
    this.complete()
    return this.importErrorCount
  }

  /** After a write to row `index`: its new values replace the old ones in the columns and counters. */
  rowChanged(index: number, values: SlotValues): void {
    // A row not read yet is read with its new values when the build reaches it.
    if (index >= this.built) return
    for (const column of COLUMNS) this.counts[column][this.columns[column][index]!]!--
    this.importErrorCount -= this.importErrors[index]!
    this.store(index, values)
  }

  private store(index: number, values: SlotValues): void {
    for (const column of COLUMNS) {
      const code = this.encode(values[column])
      this.columns[column][index] = code
      this.counts[column][code] = (this.counts[column][code] ?? 0) + 1
    }
    this.importErrors[index] = values.importError ? 1 : 0
    this.importErrorCount += values.importError ? 1 : 0
  }

  private encode(versionId: string | null): number {
    if (versionId === null) return 0
    let code = this.codes.get(versionId)
    if (code === undefined) {
      code = this.codes.size + 1
      if (code > 0xffff) throw new Error('More than 65,535 distinct version ids in one workspace')
      this.codes.set(versionId, code)
    }
    return code
  }

  private complete(): void {
    if (this.built < this.size) for (const _ of this.build());
  }
}
