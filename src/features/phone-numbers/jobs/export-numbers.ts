import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { EXPORT_HEADER, exportCells } from '@/features/phone-numbers/domain/csv/export-columns'
import { CsvFileWriter } from '@/features/phone-numbers/jobs/csv-file-writer'
import { pagesInOrder, readMovedUp } from '@/features/phone-numbers/jobs/read-selection'
import { MAX_PAGE_SIZE, type ListPhoneNumbersParams, type PhoneNumber, type PhoneNumberList } from '@/types/api'

/** A CSV file (its header line first, csvBlob's byte order mark before it) and how many numbers it holds. */
export interface ExportedFile {
  blob: Blob
  count: number
  /** The view still moved under the last pass over it: a number other admins moved meanwhile may be missing. */
  stillMoving: boolean
}

export interface ExportProgress {
  done: number
  total: number
}

export interface ExportSource {
  /** One page of the view, as the list endpoint answers it. */
  list: (params: ListPhoneNumbersParams, signal: AbortSignal | undefined) => Promise<PhoneNumberList>
  /** These numbers as the server holds them now (a selection's export). */
  byIds: (ids: readonly string[], signal: AbortSignal | undefined) => Promise<PhoneNumber[]>
}

interface ExportOptions {
  catalog: AgentCatalog
  signal?: AbortSignal
  onProgress?: (progress: ExportProgress) => void
}

/** Times the view is read again when it moved under the export, at most (a view that keeps moving is let be). */
const CATCH_UP_PASSES = 2

/**
 * Every number of a view (its filters and sort, every page) as a CSV file: pages of the largest size,
 * a few asked for ahead of the one being written (pagesInOrder), each written and then a yield to the browser. Only
 * text is kept, not the records. A number seen on an earlier page is written once; `excluded`
 * numbers not at all. Other admins' changes move numbers across pages meanwhile:
 * - numbers that leave the view move the rest up into pages written already: those pages are read
 *   again (readMovedUp), and what they hold that is new is written a little late;
 * - a number that comes twice in one pass over the pages shows the view moved otherwise (a number
 *   changed to sort further on, or earlier, a number that joined it), and so does a total that grows:
 *   the view is then read again (CATCH_UP_PASSES) and what is new is written at the end. A view
 *   still moving after that is said (`stillMoving`).
 * A number that joins pages written already while another leaves them is not seen.
 * Stops with an AbortError when `signal` aborts.
 */
export async function exportView(
  view: Omit<ListPhoneNumbersParams, 'page' | 'limit' | 'ids'>,
  source: ExportSource,
  { catalog, signal, onProgress }: ExportOptions,
  /** Numbers of the view left out (a selection of "all matching" but these). */
  excluded: ReadonlySet<string> = new Set(),
): Promise<ExportedFile> {
  const writer = new CsvFileWriter(EXPORT_HEADER)
  const written = new Set<string>()
  const readPage = (page: number) => source.list({ ...view, page, limit: MAX_PAGE_SIZE }, signal)
  const freshOf = (numbers: readonly PhoneNumber[]) => {
    const fresh = numbers.filter((n) => !written.has(n.id) && !excluded.has(n.id))
    for (const number of fresh) written.add(number.id)
    return fresh
  }

  /** One pass over every page of the view, writing what was not written yet; true when the view moved meanwhile. */
  const pass = async (): Promise<boolean> => {
    signal?.throwIfAborted()
    /** The numbers read page after page (not those read again): without changes, each comes once. */
    const readInPass = new Set<string>()
    let moved = false
    let lastTotal: number | null = null
    for await (const { page, answer } of pagesInOrder(readPage, signal)) {
      for (const { id } of answer.data) {
        if (readInPass.has(id)) moved = true
        readInPass.add(id)
      }
      if (lastTotal !== null && answer.total > lastTotal) moved = true
      const fresh = freshOf(answer.data)
      if (lastTotal !== null && answer.total < lastTotal) {
        await readMovedUp(readPage, page, lastTotal - answer.total, answer.total, (again) =>
          fresh.push(...freshOf(again.data)),
        )
      }
      lastTotal = answer.total
      await writer.write(fresh.map((n) => exportCells(n, catalog)))
      onProgress?.({ done: writer.count, total: Math.max(answer.total - excluded.size, writer.count) })
    }
    return moved
  }

  let stillMoving = await pass()
  for (let again = 0; again < CATCH_UP_PASSES && stillMoving; again++) stillMoving = await pass()
  return { blob: writer.file(), count: writer.count, stillMoving }
}

/** The numbers with these ids (a selection), in the order given, as a CSV file. */
export async function exportIds(
  ids: readonly string[],
  source: ExportSource,
  { catalog, signal, onProgress }: ExportOptions,
): Promise<ExportedFile> {
  const writer = new CsvFileWriter(EXPORT_HEADER)
  for (let start = 0; start < ids.length; start += MAX_PAGE_SIZE) {
    signal?.throwIfAborted()
    const chunk = ids.slice(start, start + MAX_PAGE_SIZE)
    const found = new Map((await source.byIds(chunk, signal)).map((n) => [n.id, n]))
    await writer.write(
      chunk.flatMap((id) => {
        const number = found.get(id)
        return number ? [exportCells(number, catalog)] : []
      }),
    )
    onProgress?.({ done: Math.min(start + MAX_PAGE_SIZE, ids.length), total: ids.length })
  }
  return { blob: writer.file(), count: writer.count, stillMoving: false }
}
