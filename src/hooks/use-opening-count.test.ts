import { renderHook } from '@testing-library/react'
import { useOpeningCount } from '@/hooks/use-opening-count'

test('counts up as the dialog opens and holds while it closes and stays closed', () => {
  const { result, rerender } = renderHook(({ open }) => useOpeningCount(open), { initialProps: { open: false } })
  expect(result.current).toBe(0)
  rerender({ open: true })
  expect(result.current).toBe(1)
  rerender({ open: true })
  expect(result.current).toBe(1)
  rerender({ open: false })
  expect(result.current).toBe(1)
  rerender({ open: false })
  expect(result.current).toBe(1)
  rerender({ open: true })
  expect(result.current).toBe(2)
})

test('a dialog mounted open counts its first opening', () => {
  const { result, rerender } = renderHook(({ open }) => useOpeningCount(open), { initialProps: { open: true } })
  expect(result.current).toBe(1)
  rerender({ open: false })
  rerender({ open: true })
  expect(result.current).toBe(2)
})
