import { useLayoutEffect, useRef, type RefObject } from 'react'

/** Rows kept on each side of the estimated view, for rows taller or shorter than the estimate. */
const SPARE_ROWS = 2
/**
 * A row is at least this share of the size the stylesheet estimates for it (`contain-intrinsic-size`
 * in numbers-table.css: 58 px against 56–112 px measured at 1,024–1,440 px wide, 186 px against
 * 169–241 px as cards), so the view never holds more rows than its height over this share of it.
 */
const SHORTEST_ROW_SHARE = 0.85

/**
 * Lays out a new set of rows (another page, a search, a sort) where the user looks first, and the
 * rest in a task of their own. Rows are `content-visibility: auto`, but Chrome renders every row
 * within about a viewport of the view with them: some 30 rows, a 30–45 ms frame on two cores, past
 * 50 ms on a busy machine. Here the rows the view cannot show are skipped (`hidden`) for one task,
 * which halves that frame; then they are left to `auto` as before. The first rows of the page (which
 * replace the first paint's, src/app/first-paint/) and a changed row (a save) are not affected.
 */
export function useRowsInViewFirst(body: RefObject<HTMLTableSectionElement | null>, rowIds: string): void {
  const laidOut = useRef(rowIds)
  useLayoutEffect(() => {
    if (rowIds === laidOut.current) return
    laidOut.current = rowIds
    const rows = [...(body.current?.rows ?? [])]
    const firstRow = rows[0]
    if (!firstRow) return
    const show = (from: number, to: number) => {
      for (const row of rows.slice(from, to)) row.style.removeProperty('content-visibility')
    }
    for (const row of rows) row.style.contentVisibility = 'hidden'
    // With every row skipped, this layout places rows by their estimates alone: a few milliseconds.
    const { top, height: estimate } = firstRow.getBoundingClientRect()
    if (!(estimate > 0)) return show(0, rows.length)
    const first = Math.max(0, Math.floor(-top / estimate) - SPARE_ROWS)
    const inView = Math.ceil((window.innerHeight - Math.max(0, top)) / (estimate * SHORTEST_ROW_SHARE))
    show(first, first + Math.max(0, inView) + 2 * SPARE_ROWS)
    // The rest in a task after the frame that shows these (a timer alone may run before that frame).
    let rest: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => (rest = setTimeout(() => show(0, rows.length))))
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(rest)
      show(0, rows.length)
    }
  }, [body, rowIds])
}
