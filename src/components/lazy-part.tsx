import { Component, Suspense, type ReactNode } from 'react'
import { LoadAttempt } from '@/components/retryable-lazy'
import '@/components/lazy-part.css'

interface LazyPartProps {
  /** What the part is, in the alert's sentence: `The ${name} could not load`. */
  name: string
  /** Fixed at the bottom of the window (a dialog's code), rather than in the page where the part goes. */
  floating?: boolean
  /** Shown while the code loads; nothing by default. */
  fallback?: ReactNode
  children: ReactNode
}

interface LazyPartState {
  error: Error | null
  attempt: number
}

/**
 * A part of the page whose code loads on demand (retryableLazy): nothing while it loads; if its code
 * cannot load (a lost connection, a release since the page opened), a short alert with Retry in its
 * place, and the rest of the page keeps working. Errors of the part itself go on to ErrorBoundary.
 */
export class LazyPart extends Component<LazyPartProps, LazyPartState> {
  override state: LazyPartState = { error: null, attempt: 0 }

  static getDerivedStateFromError(error: Error): Partial<LazyPartState> {
    return { error }
  }

  override render() {
    const { name, floating = false, fallback = null, children } = this.props
    const { error } = this.state
    // Anything but its code failing to load is the page's ErrorBoundary's to show.
    if (error !== null && !isLoadFailure(error)) throw error
    if (error === null) {
      return (
        <LoadAttempt value={this.state.attempt}>
          <Suspense key={this.state.attempt} fallback={fallback}>
            {children}
          </Suspense>
        </LoadAttempt>
      )
    }
    return (
      <div role="alert" className={`lazy-part-failed notice${floating ? ' lazy-part-floating' : ''}`}>
        <span>The {name} could not load. Check the connection, then retry.</span>
        <button
          type="button"
          className="button button-small"
          onClick={() => this.setState(({ attempt }) => ({ error: null, attempt: attempt + 1 }))}
        >
          Retry
        </button>
        <button type="button" className="button button-small" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    )
  }
}

/** What a failed dynamic import throws (Chrome, Firefox, Safari word it differently; Vite's preload adds its own). */
function isLoadFailure(error: Error): boolean {
  return /dynamically imported module|importing a module script failed|unable to preload CSS/i.test(error.message)
}
