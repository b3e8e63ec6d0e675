import type { ListQuery } from '@/mocks/workspace/list-query'
import type { NumberRows } from '@/mocks/workspace/number-rows'
import type { PhoneNumber, PhoneNumberList } from '@/types/api'

/**
 * GET /v1/phone-numbers over the rows: filters (combined with AND), sort order and paging.
 * Slot, canary and import-error filters read the maintained columns of workspace/slot-index.ts;
 * a filter no row can match (a version nobody holds) answers without looking at any row; `ids`
 * looks up its (at most 200) rows by id and sorts only those.
 */
export function listNumbers(rows: NumberRows, query: ListQuery, agentVersionIds: string[] | null): PhoneNumberList {
  const { page, limit } = query
  const matches = rowFilter(rows, query, agentVersionIds)
  if (matches === null) return { data: [], page, limit, total: 0 }
  const start = (page - 1) * limit
  if (query.ids) {
    const found = query.ids.map((id) => rows.indexOfId(id)).filter((index) => index !== undefined)
    const selected = found.filter(matches).sort((a, b) => rows.compare(query.sort, a, b))
    if (query.order === 'desc') selected.reverse()
    const data = selected.slice(start, start + limit).map((index) => rows.record(index))
    return { data, page, limit, total: selected.length }
  }

  const sorted = rows.ascending(query.sort)
  const count = sorted.length
  const ascending = query.order === 'asc'
  if (matches === EVERY_ROW) {
    // No filter: the page is a slice of the sorted indices, with no pass over the others (reading a
    // 100,000-number workspace page by page, as Export CSV does, stays linear).
    const data: PhoneNumber[] = []
    for (let k = start; k < Math.min(start + limit, count); k++) {
      data.push(rows.record(sorted[ascending ? k : count - 1 - k]!))
    }
    return { data, page, limit, total: count }
  }

  // One pass over the sorted indices: count every match, copy only the requested page.
  const data: PhoneNumber[] = []
  let total = 0
  for (let k = 0; k < count; k++) {
    const index = sorted[ascending ? k : count - 1 - k]!
    if (!matches(index)) continue
    if (total >= start && data.length < limit) data.push(rows.record(index))
    total++
  }
  return { data, page, limit, total }
}

/** The filter of a query without filters. */
const EVERY_ROW = () => true

/** Every filter of the query as one test of a row (EVERY_ROW without any), or null when no row can match. */
function rowFilter(
  rows: NumberRows,
  query: ListQuery,
  agentVersionIds: string[] | null,
): ((index: number) => boolean) | null {
  const { status, search, inboundVersionId, outboundVersionId, canary, importError } = query
  const matchesSearch = search ? rows.searchMatcher(search) : null
  const slotFiltered =
    agentVersionIds !== null ||
    inboundVersionId !== undefined ||
    outboundVersionId !== undefined ||
    canary !== undefined ||
    importError !== undefined
  if (!slotFiltered) {
    if (!status && !matchesSearch) return EVERY_ROW
    return (index) => (!status || rows.status(index) === status) && (!matchesSearch || matchesSearch(index))
  }

  const index = rows.slots()
  // A version id (or agent) that no row holds matches nothing: answer without a scan.
  const codeOf = (versionId: string | null | undefined) =>
    versionId === undefined ? -1 : versionId === null ? 0 : (index.codeOf(versionId) ?? null)
  const inboundCode = codeOf(inboundVersionId)
  const outboundCode = codeOf(outboundVersionId)
  if (inboundCode === null || outboundCode === null) return null
  let agentCodes: Uint8Array | null = null
  if (agentVersionIds !== null) {
    const codes = agentVersionIds.map((id) => index.codeOf(id)).filter((code) => code !== undefined)
    if (codes.length === 0) return null
    agentCodes = new Uint8Array(Math.max(...codes) + 1)
    for (const code of codes) agentCodes[code] = 1
  }
  const inbound = index.column('inbound')
  const outbound = index.column('outbound')
  const canaries = index.column('canary')
  const importErrors = index.importErrorColumn()
  const wantImportError = importError === undefined ? -1 : importError ? 1 : 0

  // The typed-array checks first: they cost a read each; status and search compute from the row.
  return (row) => {
    if (inboundCode !== -1 && inbound[row] !== inboundCode) return false
    if (outboundCode !== -1 && outbound[row] !== outboundCode) return false
    if (canary !== undefined && (canaries[row] !== 0) !== canary) return false
    if (wantImportError !== -1 && importErrors[row] !== wantImportError) return false
    if (agentCodes !== null && agentCodes[inbound[row]!] !== 1 && agentCodes[outbound[row]!] !== 1) return false
    if (status && rows.status(row) !== status) return false
    return !matchesSearch || matchesSearch(row)
  }
}
