import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { EXPORT_HEADER, exportCells } from '@/features/phone-numbers/domain/csv/export-columns'
import { CsvFileWriter } from '@/features/phone-numbers/jobs/csv-file-writer'
import { readMovedUp } from '@/features/phone-numbers/jobs/read-selection'
import { MAX_PAGE_SIZE, type ListPhoneNumbersParams, type PhoneNumber, type PhoneNumberList } from '@/types/api'

/** A CSV file (its header line first, csvBlob's byte order mark before it) and how many numbers it holds. */
export interface ExportedFile {
  blob: Blob
  count: number
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

/** Pages asked for ahead of the one being written: the server (or the demo's worker) works meanwhile. */
const PAGES_IN_FLIGHT = 3

/** Times the view is read again when it moved under the export, at most (a view that keeps moving is let be). */
const CATCH_UP_PASSES = 2

/**
 * Every number of a view (its filters and sort, every page) as a CSV file: pages of the largest size,
 * a few asked for ahead of the one being written, each written and then a yield to the browser. Only
 * text is kept, not the records. A number seen on an earlier page (rows moved while paging) is
 * written once; `excluded` numbers not at all. The view can move under the export:
 * - numbers that leave it move the rest up into pages written already: those pages are read again
 *   (readMovedUp), so that no number is skipped;
 * - a number changed after it was written can move further on in a view sorted by what changed
 *   (it comes again, with another updated_at), and numbers can join the view (its total grows): either
 *   moves others into pages written already, so the view is read again and what is new is written at
 *   the end (CATCH_UP_PASSES).
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
  /** Each number written, with its updated_at when it was last read. */
  const written = new Map<string, string>()
  let moved = false
  const readPage = (page: number) => source.list({ ...view, page, limit: MAX_PAGE_SIZE }, signal)
  const freshOf = (numbers: readonly PhoneNumber[]) => {
    const fresh: PhoneNumber[] = []
    for (const number of numbers) {
      if (excluded.has(number.id)) continue
      const before = written.get(number.id)
      if (before === undefined) fresh.push(number)
      // Written already and changed since: in a view sorted by what changed, it may have moved further on.
      else if (before !== number.updated_at) moved = true
      written.set(number.id, number.updated_at)
    }
    return fresh
  }

  /** One pass over every page of the view, writing what was not written yet. */
  const pass = async () => {
    const asked = new Map<number, Promise<PhoneNumberList>>()
    const ask = (page: number) => {
      const answer = readPage(page)
      // A rejection is awaited when its page's turn comes; until then it must not count as unhandled.
      answer.catch(() => undefined)
      asked.set(page, answer)
    }
    let answer = await readPage(1)
    let nextToAsk = 2
    let lastTotal = answer.total
    for (let page = 1; ; page += 1) {
      signal?.throwIfAborted()
      const pageCount = Math.ceil(answer.total / MAX_PAGE_SIZE)
      while (nextToAsk <= pageCount && nextToAsk <= page + PAGES_IN_FLIGHT) ask(nextToAsk++)
      const fresh = freshOf(answer.data)
      if (answer.total < lastTotal) {
        // Numbers left the view since the page before was read: as many of this page's moved up into pages
        // written already. Those are read again, and what they hold that is new is written here, a little late.
        await readMovedUp(readPage, page, lastTotal - answer.total, answer.total, (again) =>
          fresh.push(...freshOf(again.data)),
        )
      }
      if (answer.total > lastTotal) moved = true
      lastTotal = answer.total
      await writer.write(fresh.map((n) => exportCells(n, catalog)))
      onProgress?.({ done: writer.count, total: Math.max(answer.total - excluded.size, writer.count) })
      const next = asked.get(page + 1)
      if (page >= pageCount || !next) return
      asked.delete(page + 1)
      answer = await next
    }
  }

  await pass()
  for (let again = 0; again < CATCH_UP_PASSES && moved; again++) {
    moved = false
    await pass()
  }
  return { blob: writer.file(), count: writer.count }
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
  return { blob: writer.file(), count: writer.count }
}
