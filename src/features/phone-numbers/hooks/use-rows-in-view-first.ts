import { useLayoutEffect, useRef, type RefObject } from 'react'

/**
 * How far past the view's bottom rows are drawn at once, as a share of its height: a row drawn is
 * at most this much shorter than it stood while skipped (a 169 px card against the 207 px of its
 * estimate in numbers-table.css), so the rows below may move up into the view by that much.
 */
const SHRINK_ALLOWANCE = 0.25
/** And a little more on either side, in pixels, for rounding and a scrollbar appearing. */
const SPARE_PX = 100

/**
 * Lays out a new set of rows (another page, a search, a sort) where the user looks first, and the
 * rest in a task of their own. Rows are `content-visibility: auto`, but Chrome renders every row
 * within about a viewport of the view with them: some 30 rows, a 30–45 ms frame on two cores, past
 * 50 ms on a busy machine. Here the rows away from the view are skipped (`hidden`) until a task after
 * the frame that shows the others, about halving that frame; then they are left to `auto` as before.
 * The row holding the focus is never skipped (skipped content cannot keep it). The first rows of the
 * page (which replace the first paint's, src/app/first-paint/) and a changed row (a save) are not
 * affected.
 */
export function useRowsInViewFirst(body: RefObject<HTMLTableSectionElement | null>, rowIds: string): void {
  const laidOut = useRef(rowIds)
  useLayoutEffect(() => {
    if (rowIds === laidOut.current) return
    laidOut.current = rowIds
    const rows = [...(body.current?.rows ?? [])]
    const showAll = () => rows.forEach((row) => row.style.removeProperty('content-visibility'))
    for (const row of rows) {
      if (!row.contains(document.activeElement)) row.style.contentVisibility = 'hidden'
    }
    // With the rows skipped, this layout places each by its estimate (or, for a row kept from the
    // last set, by its last size) alone: a few milliseconds, and reading every row's place after it
    // costs no more layout.
    // (All places are read before any row is drawn: drawing one would make the next read lay it out.)
    const viewBottom = window.innerHeight * (1 + SHRINK_ALLOWANCE) + SPARE_PX
    const inView = rows.filter((row) => {
      const { top, bottom } = row.getBoundingClientRect()
      return bottom > -SPARE_PX && top < viewBottom
    })
    for (const row of inView) row.style.removeProperty('content-visibility')
    // The rest in a task after the frame that shows these (a timer alone may run before that frame).
    let rest: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => (rest = setTimeout(showAll)))
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(rest)
      showAll()
    }
  }, [body, rowIds])
}
