/**
 * Long local work in a job (planning, counting, reconciling 100,000 numbers) runs in slices that
 * give the browser back its main thread in between, so no task holds it over 50 ms (ENGINEERING.md).
 */

/** Local work per slice, well under the 50 ms of a long task on a slow, busy machine. */
const SLICE_MS = 8

interface SchedulerWithYield {
  yield(): Promise<void>
}

/** Lets the browser paint and handle input: `scheduler.yield()` where there is one, else a message-channel task. */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler
  if (typeof scheduler?.yield === 'function') return scheduler.yield()
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}

/** Calls `each` for every item, yielding to the browser whenever a slice has run SLICE_MS. Stops when aborted. */
export async function inSlices<T>(
  items: ArrayLike<T>,
  each: (item: T, index: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  let sliceStart = performance.now()
  for (let index = 0; index < items.length; index++) {
    // Checking the clock every item costs more than the work: every 256 items.
    if ((index & 255) === 0 && performance.now() - sliceStart > SLICE_MS) {
      await yieldToBrowser()
      if (signal?.aborted) return
      sliceStart = performance.now()
    }
    each(items[index]!, index)
  }
}

/** inSlices over the rows 0 … count - 1 (of a JobNumbers). */
export function inRowSlices(count: number, each: (row: number) => void, signal?: AbortSignal): Promise<void> {
  return inSlices({ length: count }, (_, row) => each(row), signal)
}
