import Papa from 'papaparse'
import { formatCount } from '@/lib/format-count'
import { yieldToBrowser } from '@/features/phone-numbers/jobs/yield-to-browser'

/** One record of the file and the line it starts on (1-based; a quoted cell may span lines). */
export interface CsvRecord {
  line: number
  cells: string[]
}

export type CsvReadResult =
  | { ok: true; records: CsvRecord[] }
  /** The file cannot be used at all (too large, not a CSV): the reason in words. */
  | { ok: false; reason: string }

/** Far more than a workspace's renames (an export of 100,000 numbers with every column is about 20 MB). */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024
export const MAX_IMPORT_RECORDS = 200_000
/** Characters parsed between yields to the browser: a few ms of parsing each. */
const CHUNK_CHARS = 64 * 1024
/**
 * A record longer than this is no line of nicknames: 10 MB of junk without a line break (or a quote
 * never closed) is refused here, before Papa Parse re-reads an ever longer unfinished line each chunk.
 */
const MAX_RECORD_CHARS = 4 * CHUNK_CHARS
/** Enough of the start of a file to tell text from something else. */
const SNIFF_CHARS = 64 * 1024

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/**
 * Reads an import file into records without ever holding the page for long: the bytes are decoded
 * (UTF-8, else Windows-1252 as spreadsheets on Windows save), then parsed by Papa Parse in chunks
 * that yield to the browser between them. Papa Parse skips a byte order mark, guesses `,` `;` tab
 * or `|`, and reads quoted cells across lines. A file too large, or one that is not text, is refused
 * before it is parsed. Nothing in the file is ever run: cells are only ever strings.
 */
export async function readCsvFile(file: Blob, signal?: AbortSignal): Promise<CsvReadResult> {
  if (file.size > MAX_IMPORT_BYTES) {
    return { ok: false, reason: `File too large: ${megabytes(file.size)}, at most ${megabytes(MAX_IMPORT_BYTES)}.` }
  }
  const text = decode(await file.arrayBuffer())
  signal?.throwIfAborted()
  if (!looksLikeText(text.slice(0, SNIFF_CHARS))) {
    return { ok: false, reason: 'Not a CSV: the file is not text (a spreadsheet saved as .xlsx, an image…).' }
  }
  if (text.trim() === '') return { ok: false, reason: 'Not a CSV: the file is empty.' }
  return parse(text, signal)
}

function decode(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
  }
}

/** Text has no NUL and few control characters (tab, CR and LF aside). */
function looksLikeText(sample: string): boolean {
  if (sample.includes('\0')) return false
  let controls = 0
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i)
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127) controls += 1
  }
  return controls <= sample.length / 100
}

const NEWLINES = /\r\n|\r|\n/g

function parse(text: string, signal: AbortSignal | undefined): Promise<CsvReadResult> {
  return new Promise((resolve, reject) => {
    const records: CsvRecord[] = []
    let line = 1
    let charsWithoutRecord = 0
    let settled = false
    const settle = (result: CsvReadResult | Error) => {
      if (settled) return
      settled = true
      if (result instanceof Error) reject(result)
      else resolve(result)
    }
    Papa.parse<string[]>(text, {
      chunkSize: CHUNK_CHARS,
      delimitersToGuess: [',', ';', '\t', '|'],
      skipEmptyLines: false,
      chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => {
        charsWithoutRecord = results.data.length === 0 ? charsWithoutRecord + CHUNK_CHARS : 0
        if (charsWithoutRecord > MAX_RECORD_CHARS) {
          settle({
            ok: false,
            reason: `Not a CSV: line ${line} is longer than ${MAX_RECORD_CHARS / 1024} K characters.`,
          })
          parser.abort()
          return
        }
        const unclosed = new Set(
          results.errors.filter((e: Papa.ParseError) => e.code === 'MissingQuotes').map((e: Papa.ParseError) => e.row),
        )
        for (const [index, cells] of results.data.entries()) {
          const start = line
          for (const cell of cells) line += cell.match(NEWLINES)?.length ?? 0
          line += 1
          // A blank line is no record (and no problem).
          if (cells.length === 1 && cells[0]!.trim() === '') continue
          if (unclosed.has(index)) {
            settle({ ok: false, reason: `Not a CSV: the quote opened on line ${start} is never closed.` })
            parser.abort()
            return
          }
          records.push({ line: start, cells })
        }
        if (records.length > MAX_IMPORT_RECORDS + 1) {
          settle({ ok: false, reason: `File too large: more than ${formatCount(MAX_IMPORT_RECORDS)} lines.` })
          parser.abort()
          return
        }
        parser.pause()
        void yieldToBrowser().then(() => {
          if (signal?.aborted) {
            // Settled first: aborting calls `complete` with what was read so far.
            settle(new DOMException('The import was cancelled.', 'AbortError'))
            parser.abort()
          } else parser.resume()
        })
      },
      complete: () => settle({ ok: true, records }),
      error: (error: Error) => settle({ ok: false, reason: `Not a CSV: ${error.message}` }),
    })
  })
}
