import { createContext, useEffect, useEffectEvent, useState, type ReactNode } from 'react'

/** Whether the parts marked `late` (LazyPart) may load yet: always, outside a WelcomeLateParts. */
export const LatePartsWelcome = createContext(true)

interface WelcomeLatePartsProps {
  /** The page's first content is on screen (its rows, or why there are none). */
  after: boolean
  /** A user action needs a late part before then. */
  now?: boolean
  children: ReactNode
}

/**
 * Holds back the parts marked `late` until a task after `after` turns true. A lazy part's code is
 * requested while React renders it, and Vite's preload of its chunks (a dozen `<link>` elements
 * added to the document) would otherwise run inside the render that shows the first rows. The page's
 * elements are this component's children, so letting the parts in re-renders only them.
 */
export function WelcomeLateParts({ after, now = false, children }: WelcomeLatePartsProps) {
  const [welcome, setWelcome] = useState(false)
  useTaskAfter(after, () => setWelcome(true))
  return <LatePartsWelcome value={welcome || now}>{children}</LatePartsWelcome>
}

/**
 * Runs `run` in a task of its own once `ready` turns true, not in the commit that made it true: what
 * starts loading code for later (Vite's preload adds `<link>` elements, a dozen fetches) would
 * otherwise hold the paint of the first rows.
 */
export function useTaskAfter(ready: boolean, run: () => void): void {
  const runLater = useEffectEvent(run)
  useEffect(() => {
    if (!ready) return
    const later = setTimeout(() => runLater())
    return () => clearTimeout(later)
  }, [ready])
}
