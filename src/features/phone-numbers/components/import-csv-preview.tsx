import type { FieldChange, ImportPreview } from '@/features/phone-numbers/domain/csv/import-preview'
import { formatCount } from '@/lib/format-count'
import { formatPhoneNumber } from '@/lib/phone-format'

/** Rows drawn per list: a file of 100,000 changes is summed up, not drawn line by line. */
export const PREVIEW_ROWS_SHOWN = 200

const plural = (n: number, one: string, many: string) => `${formatCount(n)} ${n === 1 ? one : many}`

function ChangeCell({ change }: { change: FieldChange | undefined }) {
  if (!change) return <span className="muted">unchanged</span>
  // One element, so that on a phone the cell is its name beside one block of text.
  return (
    <span>
      <span className="import-old">{change.from ?? <em>none</em>}</span>
      {' → '}
      <span className="import-new">{change.to ?? <em>none (cleared)</em>}</span>
    </span>
  )
}

/** What Apply would do (only the lines that change their number, old → new) and every line that cannot be used. */
export function ImportCsvPreview({ preview }: { preview: ImportPreview }) {
  const { changes, unchanged, problems } = preview
  return (
    <div className="import-preview">
      <p role="status">
        {plural(changes.length, 'change', 'changes')} ·{' '}
        {plural(unchanged, 'line already matches', 'lines already match')} ·{' '}
        {plural(problems.length, 'line cannot be used', 'lines cannot be used')}
      </p>
      {changes.length > 0 && (
        <section aria-labelledby="import-changes-title">
          <h3 id="import-changes-title" className="import-section-title">
            Changes
          </h3>
          {/* Roles spelled out: on a phone each row is a block of labelled lines (CSS), which would drop a table's own roles. */}
          <table className="import-table" role="table">
            <thead role="rowgroup">
              <tr role="row">
                <th scope="col" role="columnheader">
                  Line
                </th>
                <th scope="col" role="columnheader">
                  Number
                </th>
                <th scope="col" role="columnheader">
                  Nickname
                </th>
                <th scope="col" role="columnheader">
                  Label
                </th>
              </tr>
            </thead>
            <tbody role="rowgroup">
              {changes.slice(0, PREVIEW_ROWS_SHOWN).map((change) => (
                <tr key={change.line} role="row">
                  <td role="cell" data-label="Line">
                    {change.line}
                  </td>
                  <td role="cell" data-label="Number" className="nowrap">
                    {formatPhoneNumber(change.number.phone_number)}
                  </td>
                  <td role="cell" data-label="Nickname">
                    <ChangeCell change={change.nickname} />
                  </td>
                  <td role="cell" data-label="Label">
                    <ChangeCell change={change.label} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {changes.length > PREVIEW_ROWS_SHOWN && (
            <p className="muted small">
              The first {formatCount(PREVIEW_ROWS_SHOWN)} of {formatCount(changes.length)} changes are shown.
            </p>
          )}
        </section>
      )}
      {problems.length > 0 && (
        <section aria-labelledby="import-problems-title">
          <h3 id="import-problems-title" className="import-section-title">
            Lines that cannot be used
          </h3>
          <ul className="import-problems">
            {problems.slice(0, PREVIEW_ROWS_SHOWN).map((problem) => (
              <li key={problem.line}>
                <strong>Line {problem.line}:</strong> {problem.reason}
              </li>
            ))}
          </ul>
          {problems.length > PREVIEW_ROWS_SHOWN && (
            <p className="muted small">
              The first {formatCount(PREVIEW_ROWS_SHOWN)} of {formatCount(problems.length)} are shown.
            </p>
          )}
        </section>
      )}
    </div>
  )
}
