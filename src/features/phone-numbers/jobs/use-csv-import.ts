import { useCallback, useEffect, useRef, useState } from 'react'
import type { ImportPreview } from '@/features/phone-numbers/domain/csv/import-preview'
import type { ExportSource } from '@/features/phone-numbers/jobs/export-numbers'
import { prepareImport, type ImportStage } from '@/features/phone-numbers/jobs/prepare-import'
import { useSearchCountries, withBrowserRegion } from '@/features/phone-numbers/hooks/use-search-countries'
import { platformApi } from '@/lib/api'

export type ImportState =
  | { phase: 'choosing' }
  | { phase: 'preparing'; fileName: string; stage: ImportStage }
  | { phase: 'refused'; fileName: string; reason: string }
  | { phase: 'preview'; fileName: string; preview: ImportPreview }

const platformSource: ExportSource = {
  list: (params, signal) => platformApi.listPhoneNumbers(params, { signal }),
  byIds: (ids, signal) => platformApi.phoneNumbersByIds(ids, { signal }),
}

/** X-Change-Reason of an import's calls: which file. */
export function importReason(fileName: string): string {
  return `CSV import: ${fileName}`
}

/**
 * Import CSV up to its preview: a file becomes the list of what it would change, sending only reads.
 * Applying it is a write job (useWriteJob with importTargets). `cancel` stops the reading.
 */
export function useCsvImport(source: ExportSource = platformSource) {
  const countries = useSearchCountries()
  const [state, setState] = useState<ImportState>({ phase: 'choosing' })
  const running = useRef<AbortController | null>(null)
  useEffect(() => () => running.current?.abort(), [])

  const begin = () => {
    running.current?.abort()
    const controller = new AbortController()
    running.current = controller
    return controller
  }

  const chooseFile = useCallback(
    async (file: File) => {
      const controller = begin()
      const fileName = file.name
      setState({ phase: 'preparing', fileName, stage: { stage: 'reading' } })
      try {
        const prepared = await prepareImport(file, {
          countries: withBrowserRegion(countries),
          source,
          signal: controller.signal,
          onStage: (stage) => !controller.signal.aborted && setState({ phase: 'preparing', fileName, stage }),
        })
        if (controller.signal.aborted) return
        setState(
          prepared.ok
            ? { phase: 'preview', fileName, preview: prepared.preview }
            : { phase: 'refused', fileName, reason: prepared.reason },
        )
      } catch (error) {
        if (controller.signal.aborted) return
        setState({
          phase: 'refused',
          fileName,
          reason: `The numbers could not be read: ${error instanceof Error ? error.message : String(error)}`,
        })
      } finally {
        if (running.current === controller) running.current = null
      }
    },
    [countries, source],
  )

  // Cancelling a file being read goes back to choosing one.
  const cancel = useCallback(() => {
    running.current?.abort()
    setState((current) => (current.phase === 'preparing' ? { phase: 'choosing' } : current))
  }, [])
  const reset = useCallback(() => {
    running.current?.abort()
    setState({ phase: 'choosing' })
  }, [])
  return { state, chooseFile, cancel, reset }
}
