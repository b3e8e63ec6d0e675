import { useState } from 'react'
import { LazyPart } from '@/components/lazy-part'
import { retryableLazy } from '@/components/retryable-lazy'
import { useAgentCatalog } from '@/features/agents/api/use-agent-catalog'
import { EMPTY_CATALOG } from '@/features/agents/domain/agent-catalog'
import { ExportCsvButton } from '@/features/phone-numbers/components/export-csv-button'
import { exportSubject } from '@/features/phone-numbers/domain/csv/export-columns'
import type { ListView } from '@/features/phone-numbers/domain/list-view'
import { useSession } from '@/features/session/use-session'
import type { ListPhoneNumbersParams } from '@/types/api'
import '@/features/phone-numbers/components/csv-actions.css'

// Papa Parse, libphonenumber's parsing and the dialog load when Import CSV is first opened.
const ImportCsvDialog = retryableLazy(
  async () => (await import('@/features/phone-numbers/components/import-csv-dialog')).ImportCsvDialog,
)

interface CsvActionsProps {
  view: ListView
  /** What the server is asked for the view (the search as sent); page and size are the export's own. */
  params: ListPhoneNumbersParams
}

/** The toolbar's `Export CSV` (the whole view) and, with numbers:write, `Import CSV`. */
export function CsvActions({ view, params }: CsvActionsProps) {
  const { permissions } = useSession()
  const { catalog } = useAgentCatalog()
  const [importing, setImporting] = useState(false)
  return (
    <div className="csv-actions">
      <ExportCsvButton
        what={() => {
          const { page: _page, limit: _limit, ...viewParams } = params
          return { kind: 'view', params: viewParams, subject: exportSubject(view, catalog ?? EMPTY_CATALOG) }
        }}
      />
      {permissions.canRename && (
        <button type="button" className="button" onClick={() => setImporting(true)}>
          Import CSV
        </button>
      )}
      {importing && (
        <LazyPart name="import dialog" floating onDismiss={() => setImporting(false)}>
          <ImportCsvDialog open={importing} onClose={() => setImporting(false)} />
        </LazyPart>
      )}
    </div>
  )
}
