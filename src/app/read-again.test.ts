import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { readAgainOnChange } from '@/app/read-again'

/** A query the page shows, its first read answered (1); the test answers each later read itself. */
async function shownQuery() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const reads: { signal: AbortSignal; answer: (value: number) => void }[] = []
  const observer = new QueryObserver(queryClient, {
    queryKey: ['rows'],
    queryFn: ({ signal }) => new Promise<number>((answer) => reads.push({ signal, answer })),
  })
  const unsubscribe = observer.subscribe(() => {})
  onTestFinished(() => {
    unsubscribe()
    queryClient.clear()
  })
  const shown = () => observer.getCurrentResult().data
  await vi.waitFor(() => expect(reads).toHaveLength(1))
  reads[0]!.answer(1)
  await vi.waitFor(() => expect(shown()).toBe(1))
  return { queryClient, reads, shown }
}

test('changes coming faster than a read answers: the read in flight is kept, and one more follows it', async () => {
  const { queryClient, reads, shown } = await shownQuery()
  const changed = readAgainOnChange(queryClient)
  changed()
  await vi.waitFor(() => expect(reads).toHaveLength(2))
  // Another tab's bulk job: changes while the read is in flight. They do not cancel it.
  changed()
  changed()
  expect(reads[1]!.signal.aborted).toBe(false)
  reads[1]!.answer(2)
  await vi.waitFor(() => expect(shown()).toBe(2))
  // It read before the last changes: one more read, only one.
  await vi.waitFor(() => expect(reads).toHaveLength(3))
  reads[2]!.answer(3)
  await vi.waitFor(() => expect(shown()).toBe(3))
  expect(reads).toHaveLength(3)

  // Quiet again: the next change reads again at once.
  changed()
  await vi.waitFor(() => expect(reads).toHaveLength(4))
})

test('a read that fails does not stop the next change from reading again', async () => {
  const { queryClient, reads } = await shownQuery()
  const changed = readAgainOnChange(queryClient)
  const fail = vi.spyOn(queryClient, 'invalidateQueries').mockRejectedValueOnce(new Error('lost'))
  changed()
  await vi.waitFor(() => expect(fail).toHaveBeenCalledTimes(1))
  fail.mockRestore()
  await vi.waitFor(() => {
    changed()
    expect(reads).toHaveLength(2)
  })
})
