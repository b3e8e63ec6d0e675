import { createContext, useEffect, useState, type ReactNode } from 'react'

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
  useEffect(() => {
    if (!after) return
    const later = setTimeout(() => setWelcome(true))
    return () => clearTimeout(later)
  }, [after])
  return <LatePartsWelcome value={welcome || now}>{children}</LatePartsWelcome>
}
