import { nothingToSave } from '@/features/phone-numbers/domain/save-messages'
import type { Permissions } from '@/features/session/use-session'

interface SaveSummaryProps {
  formId: string
  /** What Save will do, one line per side and field. */
  changes: string[]
  /** Why the choice cannot be saved, in words; null when it can. */
  error: string | null
  permissions: Pick<Permissions, 'canRoute' | 'canRename'>
}

/** "What Save will do", in words, before anything is sent; or why it cannot be done. */
export function SaveSummary({ formId, changes, error, permissions }: SaveSummaryProps) {
  const headingId = `${formId}-summary`
  return (
    <section className="summary" aria-labelledby={headingId}>
      <h3 id={headingId}>What Save will do</h3>
      {error ? (
        <p role="alert">{error}</p>
      ) : changes.length === 0 ? (
        <p className="muted">{nothingToSave(permissions)}</p>
      ) : (
        <ul>
          {changes.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </section>
  )
}
