import { quoted } from '@/lib/bidi'

interface ListEmptyProps {
  /** The search, when there is one. */
  search: string
  /** A search or filter is on: nothing matches, though the workspace may hold numbers. */
  filtered: boolean
  onClearFilters: () => void
}

/** No rows: an empty workspace, or nothing that matches the search and filters. */
export function ListEmpty({ search, filtered, onClearFilters }: ListEmptyProps) {
  if (!filtered) {
    return (
      <div className="state">
        <h2>No numbers yet</h2>
        <p>Buy or port a number with your telephony provider; it appears here, ready for an agent.</p>
      </div>
    )
  }
  return (
    <div className="state">
      <h2>{search ? `No number matches ${quoted(search)}` : 'No number matches these filters'}</h2>
      <p>Try part of the nickname, the label, or a few digits of the number, or clear the filters.</p>
      <button type="button" className="button" onClick={onClearFilters}>
        Clear search and filters
      </button>
    </div>
  )
}
