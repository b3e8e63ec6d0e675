import { useCsvExport, type ExportWhat } from '@/features/phone-numbers/jobs/use-csv-export'
import { formatCount } from '@/lib/format-count'
import '@/features/phone-numbers/components/csv-actions.css'

interface ExportCsvButtonProps {
  /** Asked when the user clicks: what to export now (the view as it is then). */
  what: () => ExportWhat
  className?: string
}

/**
 * `Export CSV` with its progress (a bar named `Exporting numbers`, "12,000 of 100,000 numbers"),
 * `Cancel export` while it runs, and how it ended. The page stays usable meanwhile.
 */
export function ExportCsvButton({ what, className = 'button' }: ExportCsvButtonProps) {
  const { state, start, cancel, ready } = useCsvExport()
  const running = state.phase === 'running'
  return (
    <div className="csv-export">
      {running ? (
        <button type="button" className={className} onClick={cancel}>
          Cancel export
        </button>
      ) : (
        <button type="button" className={className} disabled={!ready} onClick={() => void start(what())}>
          Export CSV
        </button>
      )}
      {/* A live region without the status role: the page has one status region, its notices. */}
      <span className="csv-export-status live-region muted small" aria-live="polite">
        {running && (
          <>
            <progress
              aria-label="Exporting numbers"
              max={state.progress?.total ?? undefined}
              value={state.progress?.done ?? undefined}
            />{' '}
            {state.progress
              ? `${formatCount(state.progress.done)} of ${formatCount(state.progress.total)} numbers`
              : 'Exporting…'}
          </>
        )}
        {state.phase === 'done' && `Exported ${formatCount(state.count)} ${state.count === 1 ? 'number' : 'numbers'}.`}
        {state.phase === 'done' &&
          state.stillMoving &&
          ' Other admins kept changing this view while it was exported: a number they moved may be missing. Export again to be sure.'}
      </span>
      {state.phase === 'failed' && (
        <span className="csv-export-error small" role="alert">
          Export stopped: {state.message}
        </span>
      )}
    </div>
  )
}
