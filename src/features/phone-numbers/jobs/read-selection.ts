import { JobNumbers } from '@/features/phone-numbers/domain/writes/job-numbers'
import { platformApi } from '@/lib/api'
import {
  MAX_IDS_PER_LIST,
  MAX_PAGE_SIZE,
  type ListPhoneNumbersParams,
  type PhoneNumber,
  type PhoneNumberList,
} from '@/types/api'

/**
 * The numbers a job is about, as the server holds them now: the selected rows by id, or every number
 * of a view (its filters, not only the loaded rows) page by page at the largest page size. Only what
 * the job needs of each number is kept, in columns (JobNumbers), so 100,000 of them stay small.
 */

export type SelectionSource =
  | { kind: 'ids'; ids: readonly string[] }
  /** Every number matching these filters (no page, size or sort), but the `excluded` ones. */
  | { kind: 'view'; filters: ListPhoneNumbersParams; excluded: ReadonlySet<string>; total: number }
  /** Every number matching any of these views, each once (a version's numbers on either side). */
  | { kind: 'union'; views: readonly ListPhoneNumbersParams[]; total: number }

/** What the table's checkboxes select (a union of views comes only from a Move of the usage region). */
export type TableSelectionSource = Exclude<SelectionSource, { kind: 'union' }>

export interface ReadProgress {
  read: number
  /** What the selection said when it was made; the server's count may have moved since. */
  total: number
}

export async function readSelection(
  source: SelectionSource,
  options: { signal?: AbortSignal; onProgress?: (progress: ReadProgress) => void } = {},
): Promise<JobNumbers> {
  const { signal, onProgress } = options
  const found = new JobNumbers()
  const keep = (records: readonly PhoneNumber[], excluded?: ReadonlySet<string>) => {
    for (const record of records) if (!excluded?.has(record.id)) found.add(record)
  }
  if (source.kind === 'ids') {
    onProgress?.({ read: 0, total: source.ids.length })
    await readByIds(source.ids, signal, (records, read) => {
      keep(records)
      onProgress?.({ read, total: source.ids.length })
    })
    found.trim()
    return found
  }
  const views = source.kind === 'view' ? [source.filters] : source.views
  const excluded = source.kind === 'view' ? source.excluded : undefined
  onProgress?.({ read: 0, total: source.total })
  let readBefore = 0
  for (const filters of views) {
    // Oldest first: a number's creation time never changes, so writes meanwhile do not move numbers between pages.
    const params: ListPhoneNumbersParams = { ...filters, limit: MAX_PAGE_SIZE, sort: 'created_at', order: 'asc' }
    const readPage = (page: number) => platformApi.listPhoneNumbers({ ...params, page }, { signal })
    let lastTotal: number | null = null
    let read = readBefore
    for await (const { page, answer } of pagesInOrder(readPage, signal)) {
      keep(answer.data, excluded)
      if (lastTotal !== null && answer.total < lastTotal) {
        await readMovedUp(readPage, page, lastTotal - answer.total, answer.total, (a) => keep(a.data, excluded))
      }
      // This page's total: numbers leaving after it was read move the next page's numbers into this one.
      lastTotal = answer.total
      read = readBefore + Math.min(page * MAX_PAGE_SIZE, answer.total)
      onProgress?.({ read, total: Math.max(source.total, read) })
    }
    readBefore = read
  }
  found.trim()
  return found
}

/** Pages asked for ahead of the one being taken in: the server (or the demo's worker) works meanwhile. */
export const PAGES_IN_FLIGHT = 3

/**
 * Every page of a view, in order, from the first to the last the latest answer counts, with
 * PAGES_IN_FLIGHT asked for ahead of the one being taken: a view of 10,000 numbers is 50 pages, and
 * one at a time they wait 50 round trips. The caller handles numbers moving between pages (readMovedUp).
 */
export async function* pagesInOrder(
  readPage: (page: number) => Promise<PhoneNumberList>,
  signal?: AbortSignal,
): AsyncGenerator<{ page: number; answer: PhoneNumberList }> {
  const asked = new Map<number, Promise<PhoneNumberList>>()
  let answer = await readPage(1)
  let nextToAsk = 2
  for (let page = 1; ; page += 1) {
    // Cancelled while the caller took in the last page: ask for nothing more.
    signal?.throwIfAborted()
    const pageCount = Math.ceil(answer.total / MAX_PAGE_SIZE)
    while (nextToAsk <= pageCount && nextToAsk <= page + PAGES_IN_FLIGHT) {
      const asking = readPage(nextToAsk)
      // A rejection is awaited when its page's turn comes; until then it must not count as unhandled.
      asking.catch(() => undefined)
      asked.set(nextToAsk++, asking)
    }
    yield { page, answer }
    const next = asked.get(page + 1)
    if (page >= pageCount || !next) return
    asked.delete(page + 1)
    answer = await next
  }
}

/**
 * Reads these rows of a job again, by id: each one found gets what the server holds now as its last
 * seen state (its next precondition). Returns the rows found, in the order given; a number no longer
 * in the workspace is not among them.
 */
export async function readRowsAgain(
  numbers: JobNumbers,
  rows: readonly number[],
  options: { signal?: AbortSignal } = {},
): Promise<number[]> {
  const found = new Uint8Array(numbers.size)
  const ids = rows.map((row) => numbers.idOf(row))
  await readByIds(ids, options.signal, (records) => {
    for (const record of records) {
      const row = numbers.see(record)
      if (row !== undefined) found[row] = 1
    }
  })
  return rows.filter((row) => found[row] === 1)
}

/** The numbers with these ids, as many a request as the list allows; each answer to `take` with how many ids were asked so far. */
async function readByIds(
  ids: readonly string[],
  signal: AbortSignal | undefined,
  take: (records: PhoneNumber[], asked: number) => void,
): Promise<void> {
  for (let start = 0; start < ids.length; start += MAX_IDS_PER_LIST) {
    const chunk = ids.slice(start, start + MAX_IDS_PER_LIST)
    take(
      (await platformApi.listPhoneNumbers({ ids: chunk, limit: MAX_IDS_PER_LIST }, { signal })).data,
      start + chunk.length,
    )
  }
}

/**
 * Numbers that left the view while it was read (another admin routed them elsewhere) moved the ones
 * after them up: as many as left may have moved from `page` into pages already read. Those pages are
 * read again, from the last back, reaching further back when more numbers leave meanwhile.
 */
export async function readMovedUp(
  readPage: (page: number) => Promise<PhoneNumberList>,
  page: number,
  left: number,
  total: number,
  keep: (answer: PhoneNumberList) => void,
): Promise<void> {
  let first = Math.max(1, page - Math.ceil(left / MAX_PAGE_SIZE))
  for (let again = page - 1; again >= first; again--) {
    const answer = await readPage(again)
    keep(answer)
    if (answer.total < total) {
      first = Math.max(1, first - Math.ceil((total - answer.total) / MAX_PAGE_SIZE))
      total = answer.total
    }
  }
}
