import { act, render, screen } from '@testing-library/react'
import { Toast } from '@/components/ui/toast'

test('an expiring toast stays while focus is in it, and expires its full time after focus leaves', () => {
  vi.useFakeTimers()
  const onDismiss = vi.fn()
  render(
    <>
      <Toast expiresAfterMs={10_000} onDismiss={onDismiss} actions={<button type="button">Undo</button>}>
        Saved.
      </Toast>
      <button type="button">Elsewhere</button>
    </>,
  )
  void act(() => screen.getByRole('button', { name: 'Undo' }).focus())
  void act(() => vi.advanceTimersByTime(60_000))
  expect(onDismiss).not.toHaveBeenCalled()
  void act(() => screen.getByRole('button', { name: 'Elsewhere' }).focus())
  void act(() => vi.advanceTimersByTime(9_999))
  expect(onDismiss).not.toHaveBeenCalled()
  void act(() => vi.advanceTimersByTime(1))
  expect(onDismiss).toHaveBeenCalledTimes(1)
  vi.useRealTimers()
})
