import { createContext, createElement, lazy, useContext, type ComponentType, type LazyExoticComponent } from 'react'

/** Which attempt at loading code this part of the page is on: LazyPart's Retry starts the next. */
export const LoadAttempt = createContext(0)

/**
 * React.lazy, except that code which failed to load is asked for again at the next attempt (LazyPart's
 * Retry); React.lazy keeps a failure for good. Never by itself: a load that fails again at once must
 * not become a loop.
 */
export function retryableLazy<Props extends object>(load: () => Promise<ComponentType<Props>>): ComponentType<Props> {
  let made: { attempt: number; component: LazyExoticComponent<ComponentType<Props>>; failed: boolean } | null = null
  const make = (attempt: number) => {
    const attempted = {
      attempt,
      failed: false,
      component: lazy(() =>
        load().then(
          (component) => ({ default: component }),
          (error: unknown) => {
            attempted.failed = true
            throw error
          },
        ),
      ),
    }
    return attempted
  }
  function RetryableLazy(props: Props) {
    const attempt = useContext(LoadAttempt)
    if (!made || (made.failed && made.attempt !== attempt)) made = make(attempt)
    return createElement(made.component, props)
  }
  return RetryableLazy
}
