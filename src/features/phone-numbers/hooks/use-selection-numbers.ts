import { useEffect, useState } from 'react'
import type { JobNumbers } from '@/features/phone-numbers/domain/writes/job-numbers'
import { readSelection, type ReadProgress, type SelectionSource } from '@/features/phone-numbers/jobs/read-selection'

export type SelectionNumbers =
  | { status: 'reading'; progress: ReadProgress }
  | { status: 'ready'; numbers: JobNumbers }
  | { status: 'error'; message: string }

/**
 * The selected numbers as the server holds them now, read when a bulk dialog opens (`source` set)
 * so its preview counts from their real state; a new `attempt` reads again. Stops when closed.
 */
export function useSelectionNumbers(source: SelectionSource | null, attempt: number): SelectionNumbers | null {
  const [result, setResult] = useState<{ source: SelectionSource; attempt: number; value: SelectionNumbers } | null>(
    null,
  )
  useEffect(() => {
    if (source === null) return
    const controller = new AbortController()
    const set = (value: SelectionNumbers) => setResult({ source, attempt, value })
    readSelection(source, { signal: controller.signal, onProgress: (progress) => set({ status: 'reading', progress }) })
      .then((numbers) => set({ status: 'ready', numbers }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted)
          set({ status: 'error', message: error instanceof Error ? error.message : String(error) })
      })
    return () => controller.abort()
  }, [source, attempt])
  if (source === null) return null
  // Until this source's first answer: reading, from nothing.
  if (result?.source !== source || result.attempt !== attempt) {
    return { status: 'reading', progress: { read: 0, total: source.kind === 'ids' ? source.ids.length : source.total } }
  }
  return result.value
}
