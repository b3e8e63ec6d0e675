/**
 * Which numbers are selected (PAGE.md "Selecting many numbers"): some rows by id, or every number
 * of the view (by its filters, not only the loaded rows) but the ones unticked since. Pure and
 * immutable: the page keeps it in state (hooks/use-selection.ts).
 */

export type Selection = { kind: 'some'; ids: ReadonlySet<string> } | { kind: 'all'; excluded: ReadonlySet<string> }

export const NOTHING_SELECTED: Selection = { kind: 'some', ids: new Set() }

export function isSelected(selection: Selection, id: string): boolean {
  return selection.kind === 'some' ? selection.ids.has(id) : !selection.excluded.has(id)
}

/** How many are selected; `total` is the view's count (what "all matching" means now). */
export function selectedCount(selection: Selection, total: number): number {
  return selection.kind === 'some' ? selection.ids.size : Math.max(0, total - selection.excluded.size)
}

/** These rows ticked (`on`) or unticked, the others as they were. */
export function setRows(selection: Selection, ids: readonly string[], on: boolean): Selection {
  if (selection.kind === 'some') {
    const next = new Set(selection.ids)
    for (const id of ids) {
      if (on) next.add(id)
      else next.delete(id)
    }
    return { kind: 'some', ids: next }
  }
  const excluded = new Set(selection.excluded)
  for (const id of ids) {
    if (on) excluded.delete(id)
    else excluded.add(id)
  }
  return { kind: 'all', excluded }
}

/** The rows from the anchor (the last row clicked) to this one, both included, in page order; just this one without an anchor on the page. */
export function rangeOf(pageIds: readonly string[], anchorId: string | null, id: string): string[] {
  const to = pageIds.indexOf(id)
  const from = anchorId === null ? -1 : pageIds.indexOf(anchorId)
  if (from < 0 || to < 0) return [id]
  return pageIds.slice(Math.min(from, to), Math.max(from, to) + 1)
}

/** The header checkbox: every row of the page ticked, some, or none. */
export function pageState(selection: Selection, pageIds: readonly string[]): 'all' | 'some' | 'none' {
  const ticked = pageIds.filter((id) => isSelected(selection, id)).length
  return ticked === 0 ? 'none' : ticked === pageIds.length ? 'all' : 'some'
}

/** What the table's checkboxes need of the selection. */
export interface RowSelection {
  isSelected: (id: string) => boolean
  /** Stable: memoised rows keep it. `withShift` selects the range from the last row clicked. */
  onToggleRow: (id: string, withShift: boolean) => void
  pageState: 'all' | 'some' | 'none'
  onTogglePage: () => void
}
