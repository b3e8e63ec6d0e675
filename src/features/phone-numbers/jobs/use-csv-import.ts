import { useQueryClient } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import { agentQueries } from '@/features/agents/api/agent-queries'
import { catalogOf } from '@/features/agents/domain/agent-catalog'
import { phoneNumberQueries } from '@/features/phone-numbers/api/phone-number-queries'
import { reconcileSavedNumbers } from '@/features/phone-numbers/api/reconcile-cache'
import { importTargets, type ImportPreview } from '@/features/phone-numbers/domain/csv/import-preview'
import type { NumberOutcome } from '@/features/phone-numbers/domain/writes/number-outcome'
import { planWrites } from '@/features/phone-numbers/domain/writes/plan-writes'
import type { ExportSource } from '@/features/phone-numbers/jobs/export-numbers'
import { platformWriteApi } from '@/features/phone-numbers/jobs/platform-write-api'
import { prepareImport, type ImportStage } from '@/features/phone-numbers/jobs/prepare-import'
import { runWrites, type JobProgress } from '@/features/phone-numbers/jobs/run-writes'
import { useSearchCountries } from '@/features/phone-numbers/hooks/use-search-countries'
import { platformApi } from '@/lib/api'

export type ImportState =
  | { phase: 'choosing' }
  | { phase: 'preparing'; fileName: string; stage: ImportStage }
  | { phase: 'refused'; fileName: string; reason: string }
  | { phase: 'preview'; fileName: string; preview: ImportPreview }
  | { phase: 'applying'; fileName: string; preview: ImportPreview; progress: JobProgress | null }
  | { phase: 'done'; fileName: string; preview: ImportPreview; outcomes: NumberOutcome[] }

const platformSource: ExportSource = {
  list: (params, signal) => platformApi.listPhoneNumbers(params, { signal }),
  byIds: (ids, signal) => platformApi.phoneNumbersByIds(ids, { signal }),
}

/** X-Change-Reason of an import's calls: which file. */
export function importReason(fileName: string): string {
  return `CSV import: ${fileName}`
}

/**
 * Import CSV's states: a file becomes a preview (only reads are sent), and `apply` runs the preview's
 * changes as a write job (one PATCH per number, each conditional on the number as it was read),
 * every answer written into the cached rows as it arrives. `cancel` stops whatever runs.
 */
export function useCsvImport(source: ExportSource = platformSource) {
  const queryClient = useQueryClient()
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
          countries,
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

  const apply = useCallback(
    async (fileName: string, preview: ImportPreview) => {
      const controller = begin()
      setState({ phase: 'applying', fileName, preview, progress: null })
      const catalog = catalogOf(queryClient.getQueryData(agentQueries.list().queryKey) ?? [])
      const targets = importTargets(preview.changes)
      const outcomes = await runWrites({
        plan: planWrites(targets, catalog),
        numbers: targets.map((target) => target.number),
        api: platformWriteApi(importReason(fileName)),
        signal: controller.signal,
        onProgress: (progress) => setState({ phase: 'applying', fileName, preview, progress }),
        onRecords: (records) => reconcileSavedNumbers(queryClient, records, []),
      })
      // Other pages and sorts may hold these numbers in other places: read them again when shown.
      void queryClient.invalidateQueries({ queryKey: phoneNumberQueries.lists(), refetchType: 'none' })
      if (running.current === controller) running.current = null
      setState({ phase: 'done', fileName, preview, outcomes })
    },
    [queryClient],
  )

  // Cancelling a file being read goes back to choosing one; cancelling Apply stops between calls and shows the outcome.
  const cancel = useCallback(() => {
    running.current?.abort()
    setState((current) => (current.phase === 'preparing' ? { phase: 'choosing' } : current))
  }, [])
  const reset = useCallback(() => {
    running.current?.abort()
    setState({ phase: 'choosing' })
  }, [])
  return { state, chooseFile, apply, cancel, reset }
}
