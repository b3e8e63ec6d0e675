import { Component, createRef, Suspense, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { LatePartsWelcome } from '@/components/late-parts'
import { LoadAttempt } from '@/components/retryable-lazy'
import '@/components/lazy-part.css'

interface LazyPartProps {
  /** What the part is, in the alert's sentence: `The ${name} could not load`. */
  name: string
  /** Fixed at the bottom of the window (a dialog's code), rather than in the page where the part goes; it can be dismissed. */
  floating?: boolean
  /** Called when the alert is dismissed (a dialog that cannot open is then closed). */
  onDismiss?: () => void
  /** After a failure, a new value other than null (another number to edit) tries the code again. */
  resetKey?: unknown
  /** Not needed for the page's first content: loads only once WelcomeLateParts lets it (the fallback shows meanwhile). */
  late?: boolean
  /** Shown while the code loads; nothing by default. */
  fallback?: ReactNode
  /** The fallback stays beside the alert if the code cannot load (what it shows is true either way: "Page 3 of 20"). */
  keepFallback?: boolean
  children: ReactNode
}

interface LazyPartState {
  error: Error | null
  /** Which load this is: every LazyPart and every Retry starts a new one (retryableLazy loads again only then). */
  attempt: number
  /** A Retry failed too: only a reload will do (older browsers keep a failed module for good; a release may have removed it). */
  retried: boolean
  dismissed: boolean
  resetKey: unknown
}

let attempts = 0

/**
 * A part of the page whose code loads on demand (retryableLazy): nothing while it loads; if its code
 * cannot load (a lost connection, a release since the page opened), a short alert with Retry in its
 * place, and the rest of the page keeps working. Errors of the part itself go on to ErrorBoundary.
 */
export class LazyPart extends Component<LazyPartProps, LazyPartState> {
  static override contextType = LatePartsWelcome
  declare context: boolean

  override state: LazyPartState = {
    error: null,
    attempt: ++attempts,
    retried: false,
    dismissed: false,
    resetKey: this.props.resetKey,
  }

  /** Where focus was when the code failed to load (the Edit button that asked for a dialog): Dismiss puts it back. */
  private focusBefore: HTMLElement | null = null
  private readonly alert = createRef<HTMLDivElement>()

  static getDerivedStateFromError(error: Error): Partial<LazyPartState> {
    return { error }
  }

  override componentDidCatch(): void {
    const focused = document.activeElement
    if (focused instanceof HTMLElement && focused !== document.body && !this.alert.current?.contains(focused)) {
      this.focusBefore = focused
    }
  }

  override componentDidUpdate(_props: LazyPartProps, before: LazyPartState): void {
    // The Retry button that had focus is gone: the alert's first button takes it.
    if (before.error === null && this.state.error !== null && this.state.retried) {
      this.alert.current?.querySelector('button')?.focus()
    }
  }

  static getDerivedStateFromProps(props: LazyPartProps, state: LazyPartState): Partial<LazyPartState> | null {
    if (Object.is(props.resetKey, state.resetKey)) return null
    // Loaded, or closed meanwhile (null): nothing to try again; a loaded part must not be mounted anew.
    if (state.error === null || props.resetKey === null || props.resetKey === undefined)
      return { resetKey: props.resetKey }
    return { resetKey: props.resetKey, error: null, attempt: ++attempts, retried: false, dismissed: false }
  }

  override render() {
    const {
      name,
      floating = false,
      onDismiss,
      fallback = null,
      keepFallback = false,
      late = false,
      children,
    } = this.props
    const kept = keepFallback ? fallback : null
    const { error, retried, dismissed } = this.state
    if (late && !this.context) return fallback
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
    if (dismissed) return kept
    const retry = () => this.setState({ error: null, attempt: ++attempts, retried: true })
    const reload = () => window.location.reload()
    const alert = (
      <div ref={this.alert} role="alert" className={`lazy-part-failed notice${floating ? ' lazy-part-floating' : ''}`}>
        {retried ? (
          <>
            <span>The {name} still could not load. Reload the page to get it.</span>
            <button type="button" className="button button-small button-primary" onClick={reload}>
              Reload the page
            </button>
          </>
        ) : (
          <>
            <span>The {name} could not load. Check the connection, then retry.</span>
            <button
              type="button"
              className="button button-small"
              aria-label={`Retry loading the ${name}`}
              onClick={retry}
            >
              Retry
            </button>
            <button type="button" className="button button-small" onClick={reload}>
              Reload the page
            </button>
          </>
        )}
        {floating && (
          <button
            type="button"
            className="button button-small"
            aria-label={`Dismiss: the ${name} could not load`}
            onClick={() => {
              this.setState({ dismissed: true })
              onDismiss?.()
              if (this.focusBefore?.isConnected) this.focusBefore.focus()
            }}
          >
            Dismiss
          </button>
        )}
      </div>
    )
    return (
      <>
        {kept}
        {floating ? createPortal(alert, floatingAlerts()) : alert}
      </>
    )
  }
}

/**
 * The column at the bottom of the window where floating alerts go, one under the other: two parts
 * failing at once (a dialog's code and the save notices', offline) must not cover each other.
 */
function floatingAlerts(): HTMLElement {
  let column = document.getElementById(FLOATING_ALERTS_ID)
  if (!column) {
    column = document.createElement('div')
    column.id = FLOATING_ALERTS_ID
    column.className = 'lazy-part-floating-alerts'
    document.body.append(column)
  }
  return column
}

const FLOATING_ALERTS_ID = 'lazy-part-floating-alerts'

/** What a failed dynamic import throws (Chrome, Firefox, Safari word it differently; Vite's preload adds its own). */
function isLoadFailure(error: Error): boolean {
  return /dynamically imported module|importing a module script failed|unable to preload CSS/i.test(error.message)
}
