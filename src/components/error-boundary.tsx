import { Component, type ErrorInfo, type ReactNode } from 'react'

interface ErrorBoundaryProps {
  children: ReactNode
}

interface ErrorBoundaryState {
  error: Error | null
}

/** Catches anything unexpected below it and offers a way back instead of a blank page. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null }

  static getDerivedStateFromError(error: Error): ErrorBoundaryState {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for whoever looks at the console; the page itself says what to do.
    console.error('Unexpected error in the page', error, info.componentStack)
  }

  override render() {
    if (!this.state.error) return this.props.children
    return (
      <main className="connect-screen" role="alert">
        <h1>Something went wrong on this page</h1>
        <p>
          Nothing you saved is lost: saved changes are on the server. Unsaved input in an open dialog could not be kept.
        </p>
        <p className="muted small">{this.state.error.message}</p>
        <div className="row">
          <button type="button" className="button button-primary" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload the page
          </button>
        </div>
      </main>
    )
  }
}
