import { useState } from 'react'

/**
 * How many times a dialog has opened: it counts up as the dialog opens and holds while it closes.
 * Dialogs key their Radix Root with it, so each opening mounts a new one: Radix's Presence renders
 * content that is open from its first render in that render (the opener's transition, in slices that
 * yield), but content opened later only in a second, synchronous render from a layout effect, which
 * mounts the whole dialog in one long task. Closing keeps the key, so Radix still runs its close
 * (focus return, exit) on the Root that was open.
 */
export function useOpeningCount(open: boolean): number {
  const [seen, setSeen] = useState({ open, count: open ? 1 : 0 })
  if (seen.open === open) return seen.count
  // React's way to adjust state to a changed input: set during render, rendered again at once.
  const next = { open, count: open ? seen.count + 1 : seen.count }
  setSeen(next)
  return next.count
}
