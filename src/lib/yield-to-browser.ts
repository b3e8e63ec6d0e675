interface SchedulerWithYield {
  yield: () => Promise<void>
}

/**
 * Lets the browser paint and handle input before long local work goes on: `scheduler.yield()` where
 * the browser has it (the task continues ahead of other queued tasks), else a macrotask through a
 * MessageChannel (setTimeout(0) is clamped to 4 ms after a few nestings).
 */
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

/** Work may go on without yielding until this much time has passed (a frame's worth, well under 50 ms). */
export const SLICE_MS = 12

/** A clock for work in slices: `due()` says when the slice is spent, `next()` yields and starts another. */
export function timeSlicer(sliceMs = SLICE_MS) {
  let start = performance.now()
  return {
    due: () => performance.now() - start >= sliceMs,
    next: async () => {
      await yieldToBrowser()
      start = performance.now()
    },
  }
}
