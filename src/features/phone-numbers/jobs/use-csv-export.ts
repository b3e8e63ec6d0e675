import { useCallback, useEffect, useRef, useState } from 'react'
import { useAgentCatalog } from '@/features/agents/api/use-agent-catalog'
import { canExportWith } from '@/features/phone-numbers/domain/toolbar-options'
import type { ExportProgress, ExportSource } from '@/features/phone-numbers/jobs/export-numbers'
import { platformApi } from '@/lib/api'
import { csvFileName, downloadBlob } from '@/lib/csv-file'
import type { ListPhoneNumbersParams } from '@/types/api'

/** What to export: a view (its filters and sort, every page) or numbers by id (a selection). */
export type ExportWhat =
  | {
      kind: 'view'
      params: Omit<ListPhoneNumbersParams, 'page' | 'limit' | 'ids'>
      subject: string
      /** Numbers of the view left out (a selection of all matching, but these). */
      excluded?: ReadonlySet<string>
    }
  | { kind: 'ids'; ids: readonly string[]; subject: string }

export type ExportState =
  | { phase: 'idle' }
  | { phase: 'running'; progress: ExportProgress | null }
  /** stillMoving: other admins kept changing the view while it was exported (ExportedFile). */
  | { phase: 'done'; count: number; fileName: string; stillMoving: boolean }
  | { phase: 'failed'; message: string }

const PROGRESS_EVERY_MS = 100

const platformSource: ExportSource = {
  list: (params, signal) => platformApi.listPhoneNumbers(params, { signal }),
  byIds: (ids, signal) => platformApi.phoneNumbersByIds(ids, { signal }),
}

/**
 * Export CSV as a job: `start` enumerates what is asked, with progress, and hands the file to the
 * browser; `cancel` stops it between pages (nothing is downloaded). One export at a time per caller;
 * leaving the page cancels it.
 */
export function useCsvExport(source: ExportSource = platformSource) {
  const { catalog } = useAgentCatalog()
  const [state, setState] = useState<ExportState>({ phase: 'idle' })
  const running = useRef<AbortController | null>(null)
  useEffect(() => () => running.current?.abort(), [])

  const start = useCallback(
    async (what: ExportWhat) => {
      if (!canExportWith(catalog) || running.current) return
      const controller = new AbortController()
      running.current = controller
      setState({ phase: 'running', progress: null })
      let shownAt = 0
      const options = {
        catalog,
        signal: controller.signal,
        // Ten times a second is enough to read: not a render per page.
        onProgress: (progress: ExportProgress) => {
          if (performance.now() - shownAt < PROGRESS_EVERY_MS) return
          shownAt = performance.now()
          setState({ phase: 'running', progress })
        },
      }
      try {
        // Loaded on the first export: Papa Parse need not be part of the page's first download.
        const { exportIds, exportView } = await import('@/features/phone-numbers/jobs/export-numbers')
        const { blob, count, stillMoving } =
          what.kind === 'view'
            ? await exportView(what.params, source, options, what.excluded)
            : await exportIds(what.ids, source, options)
        const fileName = csvFileName(what.subject)
        downloadBlob(fileName, blob)
        setState({ phase: 'done', count, fileName, stillMoving })
      } catch (error) {
        if (controller.signal.aborted) setState({ phase: 'idle' })
        else setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) })
      } finally {
        running.current = null
      }
    },
    [catalog, source],
  )
  const cancel = useCallback(() => running.current?.abort(), [])
  return { state, start, cancel, ready: canExportWith(catalog) }
}
