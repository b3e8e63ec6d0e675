import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { vi } from 'vitest'
import { ErrorBoundary } from '@/components/error-boundary'
import { WelcomeLateParts } from '@/components/late-parts'
import { LazyPart } from '@/components/lazy-part'
import { retryableLazy } from '@/components/retryable-lazy'

const loadFailure = () => new TypeError('Failed to fetch dynamically imported module: /assets/part-1.js')

test('code that cannot load leaves an alert in its place, the page around it stays, and Retry loads it anew', async () => {
  // React reports the error the boundary caught.
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
  let online = false
  const load = vi.fn(() =>
    online ? Promise.resolve(({ who }: { who: string }) => <p>Hello {who}</p>) : Promise.reject(loadFailure()),
  )
  const Part = retryableLazy(load)
  render(
    <ErrorBoundary>
      <h1>The page</h1>
      <LazyPart name="greeting">
        <Part who="Ada" />
      </LazyPart>
    </ErrorBoundary>,
  )
  expect(await screen.findByRole('alert')).toHaveTextContent('The greeting could not load')
  expect(screen.getByRole('heading', { name: 'The page' })).toBeInTheDocument()
  // Asked for once: a failed load is not tried again by itself (that would loop while the network is down).
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(load).toHaveBeenCalledTimes(1)
  online = true
  await userEvent.click(screen.getByRole('button', { name: 'Retry loading the greeting' }))
  expect(await screen.findByText('Hello Ada')).toBeInTheDocument()
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  expect(load).toHaveBeenCalledTimes(2)
})

test("the part's own errors are the page's error boundary's, not a load failure", async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
  const Part = retryableLazy(() =>
    Promise.resolve(() => {
      throw new Error('render exploded')
    }),
  )
  render(
    <ErrorBoundary>
      <LazyPart name="greeting">
        <Part />
      </LazyPart>
    </ErrorBoundary>,
  )
  expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong on this page')
  expect(screen.queryByRole('button', { name: /^Retry/ })).not.toBeInTheDocument()
})

test('a Retry that fails too says only a reload will do; a floating alert can be dismissed, focus goes back, and a new resetKey tries again', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
  let online = false
  const load = vi.fn(() => (online ? Promise.resolve(() => <p>The dialog</p>) : Promise.reject(loadFailure())))
  const Part = retryableLazy(load)
  const onDismiss = vi.fn()
  function Page({ resetKey }: { resetKey: string }) {
    const [open, setOpen] = useState(false)
    return (
      <>
        <button type="button" onClick={() => setOpen(true)}>
          Open
        </button>
        {open && (
          <LazyPart name="dialog" floating onDismiss={onDismiss} resetKey={resetKey}>
            <Part />
          </LazyPart>
        )}
      </>
    )
  }
  const { rerender } = render(<Page resetKey="first" />)
  await userEvent.click(screen.getByRole('button', { name: 'Open' }))
  await userEvent.click(await screen.findByRole('button', { name: 'Retry loading the dialog' }))
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'The dialog still could not load. Reload the page to get it.',
  )
  expect(screen.queryByRole('button', { name: /^Retry/ })).not.toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Reload the page' })).toHaveFocus()

  await userEvent.click(screen.getByRole('button', { name: /^Dismiss/ }))
  expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  expect(onDismiss).toHaveBeenCalledOnce()
  expect(screen.getByRole('button', { name: 'Open' })).toHaveFocus()

  online = true
  rerender(<Page resetKey="second" />)
  expect(await screen.findByText('The dialog')).toBeInTheDocument()
})

test('two floating alerts at once stack in one column at the bottom of the window, each dismissed on its own', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
  const Dialog = retryableLazy(() => Promise.reject(loadFailure()))
  const Notices = retryableLazy(() => Promise.reject(loadFailure()))
  render(
    <main>
      <LazyPart name="edit dialog" floating>
        <Dialog />
      </LazyPart>
      <LazyPart name="save notices" floating>
        <Notices />
      </LazyPart>
    </main>,
  )
  await screen.findByRole('button', { name: 'Retry loading the save notices' })
  const alerts = await screen.findAllByRole('alert')
  expect(alerts.map((alert) => alert.textContent)).toEqual([
    expect.stringContaining('The edit dialog could not load'),
    expect.stringContaining('The save notices could not load'),
  ])
  // One column (lazy-part.css stacks its children), not two boxes fixed at the same spot.
  expect(alerts[0]!.parentElement).toBe(alerts[1]!.parentElement)
  expect(alerts[0]!.parentElement).toHaveClass('lazy-part-floating-alerts')

  await userEvent.click(screen.getByRole('button', { name: 'Dismiss: the edit dialog could not load' }))
  expect(screen.getByRole('alert')).toHaveTextContent('The save notices could not load')
})

test('a fallback that stays true stays beside the alert when the code cannot load; a loading one goes', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
  const PageJump = retryableLazy(() => Promise.reject(loadFailure()))
  const KeyForm = retryableLazy(() => Promise.reject(loadFailure()))
  render(
    <>
      <LazyPart name="page jump" fallback={<span>Page 3 of 20</span>} keepFallback>
        <PageJump />
      </LazyPart>
      <LazyPart name="key form" fallback={<span>Loading…</span>}>
        <KeyForm />
      </LazyPart>
    </>,
  )
  await screen.findByRole('button', { name: 'Retry loading the key form' })
  expect(await screen.findAllByRole('alert')).toHaveLength(2)
  expect(screen.getByText('Page 3 of 20')).toBeInTheDocument()
  expect(screen.queryByText('Loading…')).not.toBeInTheDocument()
})

test('a late part shows its fallback and asks for its code only after the first content, or at once when an action needs it', async () => {
  const load = vi.fn(() => Promise.resolve(() => <p>The page jump</p>))
  const Part = retryableLazy(load)
  const page = (after: boolean, now = false) => (
    <WelcomeLateParts after={after} now={now}>
      <LazyPart name="page jump" late fallback={<span>Page 1 of 3</span>}>
        <Part />
      </LazyPart>
    </WelcomeLateParts>
  )
  const { rerender, unmount } = render(page(false))
  expect(screen.getByText('Page 1 of 3')).toBeInTheDocument()
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(load).not.toHaveBeenCalled()
  rerender(page(true))
  // Not in the render that shows the first content: in a task after it.
  expect(load).not.toHaveBeenCalled()
  expect(await screen.findByText('The page jump')).toBeInTheDocument()
  expect(load).toHaveBeenCalledTimes(1)
  unmount()

  const Another = retryableLazy(() => Promise.resolve(() => <p>The move dialog</p>))
  render(
    <WelcomeLateParts after={false} now>
      <LazyPart name="selection actions" late>
        <Another />
      </LazyPart>
    </WelcomeLateParts>,
  )
  expect(await screen.findByText('The move dialog')).toBeInTheDocument()
})
