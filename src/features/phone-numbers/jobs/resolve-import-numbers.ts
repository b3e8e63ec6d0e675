import type { ImportLine } from '@/features/phone-numbers/domain/csv/import-lines'
import type { ResolvedNumbers } from '@/features/phone-numbers/domain/csv/import-preview'
import { MAX_IDS_PER_LIST, MAX_PAGE_SIZE, type PhoneNumber } from '@/types/api'
import type { ExportSource } from '@/features/phone-numbers/jobs/export-numbers'

export interface ResolveProgress {
  done: number
  total: number
}

/** Searches in flight at once when numbers are looked up one by one. */
const PARALLEL_SEARCHES = 4

/**
 * The numbers an import names, as the server holds them now. Ids are read with the list's `ids`
 * (200 a request). Phone numbers have no such filter, so each is either searched for (one request
 * each, its digits) or found by reading the whole workspace (one request per 200 numbers): whichever
 * takes fewer requests. At 100,000 numbers that is 500 pages, so a file of up to 500 numbers is
 * searched number by number and a larger one reads the workspace once; either way the import never
 * sends more requests than it would to read the workspace, and a short file stays quick.
 */
export async function resolveImportNumbers(
  lines: readonly ImportLine[],
  source: ExportSource,
  options: { signal?: AbortSignal; onProgress?: (progress: ResolveProgress) => void } = {},
): Promise<ResolvedNumbers> {
  const { signal, onProgress } = options
  const ids = [...new Set(lines.flatMap((l) => (l.key.kind === 'id' ? [l.key.id] : [])))]
  const phones = [...new Set(lines.flatMap((l) => (l.key.kind === 'phone' ? [l.key.e164] : [])))]
  const byId = new Map<string, PhoneNumber>()
  const byPhone = new Map<string, PhoneNumber>()

  // The first page says how large the workspace is, and may already hold some of the numbers.
  const first = phones.length > 0 ? await source.list({ page: 1, limit: MAX_PAGE_SIZE }, signal) : null
  const pageCount = first ? Math.ceil(first.total / MAX_PAGE_SIZE) : 0
  const searching = phones.length <= pageCount
  const total = Math.ceil(ids.length / MAX_IDS_PER_LIST) + (searching ? phones.length : pageCount)
  let done = 0
  const step = () => onProgress?.({ done: (done += 1), total })

  for (let start = 0; start < ids.length; start += MAX_IDS_PER_LIST) {
    for (const number of await source.byIds(ids.slice(start, start + MAX_IDS_PER_LIST), signal)) {
      byId.set(number.id, number)
    }
    step()
  }
  if (first === null) return { byId, byPhone }

  const wanted = new Set(phones)
  const take = (numbers: readonly PhoneNumber[]) => {
    for (const number of numbers) if (wanted.has(number.phone_number)) byPhone.set(number.phone_number, number)
  }
  if (searching) {
    take(first.data)
    const queue = phones.filter((e164) => !byPhone.has(e164))
    done += phones.length - queue.length
    const worker = async () => {
      for (let e164 = queue.shift(); e164 !== undefined; e164 = queue.shift()) {
        take((await source.list({ search: e164, limit: MAX_PAGE_SIZE }, signal)).data)
        step()
      }
    }
    await Promise.all(Array.from({ length: PARALLEL_SEARCHES }, worker))
  } else {
    take(first.data)
    step()
    for (let page = 2; page <= pageCount && byPhone.size < wanted.size; page += 1) {
      take((await source.list({ page, limit: MAX_PAGE_SIZE }, signal)).data)
      step()
    }
  }
  return { byId, byPhone }
}
