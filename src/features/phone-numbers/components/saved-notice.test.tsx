import { act, render, screen } from '@testing-library/react'
import { SavedNotice } from '@/features/phone-numbers/components/saved-notice'
import { desiredFromNumber } from '@/features/phone-numbers/domain/desired-state'
import { seed, seedCatalog } from '@/testing/save-scenarios'

const number = seed.numbers.find((n) => n.phone_number === '+14155550123')! // inbound Front Desk v3, outbound None
const desired = { ...desiredFromNumber(number), outbound: 'agv_sales_2' }
const saved = { ...number, outbound_agent_version_id: 'agv_sales_2', updated_at: '2026-12-01T12:00:00.000Z' }

function renderNotice(after: typeof saved) {
  const onDismiss = vi.fn()
  render(
    <SavedNotice
      variables={{ number, calls: [], desired }}
      result={{ number: after }}
      catalog={seedCatalog}
      onDismiss={onDismiss}
      onUndo={() => undefined}
    />,
  )
  return onDismiss
}

afterEach(() => vi.useRealTimers())

test('a saved notice expires after its time', () => {
  vi.useFakeTimers()
  const onDismiss = renderNotice(saved)
  expect(screen.getByText(/^Saved /)).toBeInTheDocument()
  expect(screen.queryByText(/by someone else/)).not.toBeInTheDocument()
  void act(() => vi.advanceTimersByTime(10_000))
  expect(onDismiss).toHaveBeenCalledTimes(1)
})

test('one that names a field someone else changed right after the save stays until dismissed', () => {
  vi.useFakeTimers()
  const onDismiss = renderNotice({ ...saved, outbound_agent_version_id: 'agv_sales_3' })
  expect(
    screen.getByText('Outbound changed to Outbound Sales v3 by someone else after your save: Undo leaves it.'),
  ).toBeInTheDocument()
  void act(() => vi.advanceTimersByTime(60_000))
  expect(onDismiss).not.toHaveBeenCalled()
})
