import {
  importColumns,
  readImportLine,
  type ImportLine,
  type ImportProblem,
} from '@/features/phone-numbers/domain/csv/import-lines'
import { previewImport, type ImportPreview } from '@/features/phone-numbers/domain/csv/import-preview'
import type { ExportSource } from '@/features/phone-numbers/jobs/export-numbers'
import { readCsvFile } from '@/features/phone-numbers/jobs/read-csv-file'
import { resolveImportNumbers, type ResolveProgress } from '@/features/phone-numbers/jobs/resolve-import-numbers'
import { inSlices } from '@/features/phone-numbers/jobs/yield-to-browser'

export type ImportStage =
  | { stage: 'reading' }
  | { stage: 'checking'; done: number; total: number }
  | ({ stage: 'looking-up' } & ResolveProgress)

export type PreparedImport = { ok: true; preview: ImportPreview } | { ok: false; reason: string }

interface PrepareOptions {
  /** Countries a number written without its country code is read in, most likely first. */
  countries: readonly string[]
  source: ExportSource
  signal?: AbortSignal
  onStage?: (stage: ImportStage) => void
}

/**
 * From a file to its preview, sending nothing but reads: the file is parsed (in chunks), each line
 * checked (in slices: reading phone numbers costs), the numbers it names read from the server, and
 * each line compared with its number.
 */
export async function prepareImport(file: Blob, options: PrepareOptions): Promise<PreparedImport> {
  const { countries, source, signal, onStage } = options
  onStage?.({ stage: 'reading' })
  const read = await readCsvFile(file, signal)
  if (!read.ok) return read
  const [header, ...records] = read.records
  const columns = importColumns(header?.cells ?? [])
  if ('problem' in columns) return { ok: false, reason: columns.problem }
  if (records.length === 0) return { ok: false, reason: 'The file has no lines after its first.' }

  const width = header!.cells.length
  const lines: ImportLine[] = []
  const problems: ImportProblem[] = []
  await inSlices(
    records,
    (record, index) => {
      const line = readImportLine(record.cells, record.line, columns, width, countries)
      if ('reason' in line) problems.push(line)
      else lines.push(line)
      if (index % 1000 === 999) onStage?.({ stage: 'checking', done: index + 1, total: records.length })
    },
    signal,
  )
  signal?.throwIfAborted()
  const resolved = await resolveImportNumbers(lines, source, {
    signal,
    onProgress: (progress) => onStage?.({ stage: 'looking-up', ...progress }),
  })
  return { ok: true, preview: previewImport(lines, problems, resolved) }
}
