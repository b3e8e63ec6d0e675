import { ExportCsvButton } from '@/features/phone-numbers/components/export-csv-button'
import type { TableSelectionSource } from '@/features/phone-numbers/jobs/read-selection'
import type { ExportWhat } from '@/features/phone-numbers/jobs/use-csv-export'

/** What exporting a selection means: its rows by id, or every number of its view but the ones unticked. */
export function selectionExport(source: TableSelectionSource): ExportWhat {
  const subject = 'phone numbers selection'
  if (source.kind === 'ids') return { kind: 'ids', ids: source.ids, subject }
  const { page: _page, limit: _limit, ids: _ids, ...params } = source.filters
  return { kind: 'view', params, excluded: source.excluded, subject }
}

/** The Selection region's `Export CSV`: the selected numbers, however many pages they span. */
export function ExportSelectionButton({ source }: { source: TableSelectionSource }) {
  return <ExportCsvButton className="button button-small" what={() => selectionExport(source)} />
}
