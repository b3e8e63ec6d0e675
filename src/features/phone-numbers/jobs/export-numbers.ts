import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { EXPORT_HEADER, exportCells } from '@/features/phone-numbers/domain/csv/export-columns'
import { yieldToBrowser } from '@/features/phone-numbers/jobs/yield-to-browser'
import { csvHeaderLine, csvLines } from '@/lib/csv-file'
import { MAX_PAGE_SIZE, type ListPhoneNumbersParams, type PhoneNumber, type PhoneNumberList } from '@/types/api'

/** A file's text in parts (the header line first) and how many numbers it holds. */
export interface ExportedFile {
  parts: string[]
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

/**
 * Every number of a view (its filters and sort, every page) as the parts of a CSV file: pages of the
 * largest size, the next page asked for while this one is written, each turned into text and then
 * a yield to the browser. Only text is kept, not the records. A number seen on an earlier page
 * (rows moved while paging) is written once. Stops with an AbortError when `signal` aborts.
 */
export async function exportView(
  view: Omit<ListPhoneNumbersParams, 'page' | 'limit' | 'ids'>,
  source: ExportSource,
  { catalog, signal, onProgress }: ExportOptions,
  /** Numbers of the view left out (a selection of "all matching" but these). */
  excluded: ReadonlySet<string> = new Set(),
): Promise<ExportedFile> {
  const parts = [csvHeaderLine(EXPORT_HEADER)]
  const seen = new Set<string>(excluded)
  let count = 0
  const ask = (page: number) => source.list({ ...view, page, limit: MAX_PAGE_SIZE }, signal)
  let answer = await ask(1)
  let total = answer.total
  for (let page = 1; ; page += 1) {
    signal?.throwIfAborted()
    const pageCount = Math.ceil(total / MAX_PAGE_SIZE)
    // Asked before this page is written, so the server works while the page does.
    const next = page < pageCount ? ask(page + 1) : null
    // A rejection is awaited below; until then it must not count as unhandled.
    next?.catch(() => undefined)
    const fresh = answer.data.filter((n) => !seen.has(n.id))
    for (const number of fresh) seen.add(number.id)
    await writePage(fresh, catalog, parts)
    count += fresh.length
    onProgress?.({ done: count, total: Math.max(total - excluded.size, count) })
    if (next === null) break
    answer = await next
    total = answer.total
  }
  return { parts, count }
}

/** The numbers with these ids (a selection), in the order given, as the parts of a CSV file. */
export async function exportIds(
  ids: readonly string[],
  source: ExportSource,
  { catalog, signal, onProgress }: ExportOptions,
): Promise<ExportedFile> {
  const parts = [csvHeaderLine(EXPORT_HEADER)]
  let done = 0
  let count = 0
  for (let start = 0; start < ids.length; start += MAX_PAGE_SIZE) {
    signal?.throwIfAborted()
    const chunk = ids.slice(start, start + MAX_PAGE_SIZE)
    const found = new Map((await source.byIds(chunk, signal)).map((n) => [n.id, n]))
    const records = chunk.map((id) => found.get(id)).filter((n): n is PhoneNumber => n !== undefined)
    await writePage(records, catalog, parts)
    count += records.length
    done += chunk.length
    onProgress?.({ done, total: ids.length })
  }
  return { parts, count }
}

/**
 * A page (at most 200 numbers, a few ms of work) as text, then a yield: an answer that arrived
 * meanwhile would otherwise be written in the same task.
 */
async function writePage(numbers: readonly PhoneNumber[], catalog: AgentCatalog, parts: string[]): Promise<void> {
  parts.push(
    csvLines(
      EXPORT_HEADER,
      numbers.map((n) => exportCells(n, catalog)),
    ),
  )
  await yieldToBrowser()
}
