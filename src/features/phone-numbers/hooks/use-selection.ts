import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react'
import {
  isSelected,
  NOTHING_SELECTED,
  pageState,
  rangeOf,
  selectedCount,
  setRows,
  type RowSelection,
  type Selection,
} from '@/features/phone-numbers/domain/selection'
import type { TableSelectionSource } from '@/features/phone-numbers/jobs/read-selection'
import type { ListPhoneNumbersParams, PhoneNumber } from '@/types/api'

/** The view's filters alone: the selection outlives paging, page sizes and sort orders, not a new search or filter. */
function filtersOf(params: ListPhoneNumbersParams): ListPhoneNumbersParams {
  const { page: _page, limit: _limit, sort: _sort, order: _order, ...filters } = params
  return filters
}

interface SelectionState {
  viewKey: string
  selection: Selection
  /** The last row clicked without Shift: Shift+click selects from it. */
  anchorId: string | null
  /** The selection was dropped because the search or filters changed (said once, until the next tick). */
  clearedByView: boolean
}

/**
 * The table's selection for one view: row checkboxes with Shift+click ranges, the page's checkbox,
 * `Select all <N> matching`; kept across pages and sort orders, cleared (and said) when the search
 * or filters change.
 */
export function useSelection(params: ListPhoneNumbersParams, rows: readonly PhoneNumber[], total: number) {
  const filters = useMemo(() => filtersOf(params), [params])
  const viewKey = JSON.stringify(filters)
  const [state, setState] = useState<SelectionState>({
    viewKey,
    selection: NOTHING_SELECTED,
    anchorId: null,
    clearedByView: false,
  })
  // Another view: drop the selection during render (React's way to reset state on a changed input).
  if (state.viewKey !== viewKey) {
    const hadSome = selectedCount(state.selection, total) > 0
    setState({ viewKey, selection: NOTHING_SELECTED, anchorId: null, clearedByView: hadSome })
  }
  const pageIds = useMemo(() => rows.map((row) => row.id), [rows])
  // Read by the stable callbacks below, so memoised rows do not re-render when the page does.
  const pageIdsRef = useRef(pageIds)
  useLayoutEffect(() => {
    pageIdsRef.current = pageIds
  }, [pageIds])

  const toggleRow = useCallback((id: string, withShift: boolean) => {
    setState((s) => {
      const on = !isSelected(s.selection, id)
      const ids = withShift ? rangeOf(pageIdsRef.current, s.anchorId, id) : [id]
      return {
        ...s,
        selection: setRows(s.selection, ids, on),
        anchorId: withShift ? s.anchorId : id,
        clearedByView: false,
      }
    })
  }, [])

  const togglePage = useCallback(() => {
    setState((s) => {
      const on = pageState(s.selection, pageIdsRef.current) !== 'all'
      return { ...s, selection: setRows(s.selection, pageIdsRef.current, on), clearedByView: false }
    })
  }, [])

  const selectAllMatching = useCallback(() => {
    setState((s) => ({ ...s, selection: { kind: 'all', excluded: new Set() }, clearedByView: false }))
  }, [])

  const clear = useCallback(() => {
    setState((s) => ({ ...s, selection: NOTHING_SELECTED, anchorId: null, clearedByView: false }))
  }, [])

  const { selection } = state
  const count = selectedCount(selection, total)
  const onPage = pageState(selection, pageIds)
  const rowSelection = useMemo<RowSelection>(
    () => ({
      isSelected: (id) => isSelected(selection, id),
      onToggleRow: toggleRow,
      pageState: onPage,
      onTogglePage: togglePage,
    }),
    [selection, toggleRow, onPage, togglePage],
  )
  const source: TableSelectionSource =
    selection.kind === 'some'
      ? { kind: 'ids', ids: [...selection.ids] }
      : { kind: 'view', filters, excluded: selection.excluded, total }
  return {
    selection,
    count,
    /** Every number of the view is selected (but any unticked since). */
    allMatching: selection.kind === 'all',
    pageState: onPage,
    /** The table's checkboxes. */
    rowSelection,
    clearedByView: state.clearedByView,
    source,
    toggleRow,
    togglePage,
    selectAllMatching,
    clear,
  }
}

export type TableSelection = ReturnType<typeof useSelection>
