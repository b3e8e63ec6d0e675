import { yieldToBrowser } from '@/features/phone-numbers/jobs/yield-to-browser'
import { csvBlob, type CsvCell } from '@/lib/csv-file'
import { csvHeaderLine, csvLines } from '@/lib/csv-text'

/** Writes of text folded into the file's Blob at once: the page never copies one 15 MB string at the end. */
const WRITES_PER_FOLD = 16

/**
 * A CSV file written as it goes (an export, a job's results): each write's lines become text and
 * then small Blobs folded in, with a yield to the browser after each write, so that making the file
 * at the end costs nothing (one Blob of a 100,000-line file took half a second at once, and handing
 * it to the browser another 80 ms).
 */
export class CsvFileWriter {
  private blob: Blob
  private pending: string[] = []
  /** Lines written, the header not counted. */
  count = 0

  constructor(private readonly header: readonly string[]) {
    this.blob = csvBlob([csvHeaderLine(header)])
  }

  async write(rows: readonly (readonly CsvCell[])[]): Promise<void> {
    this.pending.push(csvLines(this.header, rows))
    this.count += rows.length
    if (this.pending.length >= WRITES_PER_FOLD) this.fold()
    // A write is a few ms of work; whatever arrived meanwhile (an answer, a click) would otherwise run in the same task.
    await yieldToBrowser()
  }

  /** The whole file: the header line first, csvBlob's byte order mark before it. */
  file(): Blob {
    this.fold()
    return this.blob
  }

  private fold(): void {
    this.blob = new Blob([this.blob, ...this.pending], { type: this.blob.type })
    this.pending = []
  }
}
