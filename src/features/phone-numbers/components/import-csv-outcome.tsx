import type { NumberOutcome } from '@/features/phone-numbers/domain/writes/number-outcome'
import { formatCount } from '@/lib/format-count'
import { formatPhoneNumber } from '@/lib/phone-format'

/** Why one number was not changed, in words. */
function reasonOf(outcome: NumberOutcome): string | null {
  switch (outcome.result) {
    case 'changed':
    case 'unchanged':
      return null
    case 'changed-elsewhere':
      return 'changed by someone else since the file was read; their change stays'
    case 'refused':
      return 'refused'
    case 'failed':
      return outcome.message
    case 'not-sent':
      return outcome.message ? `not sent (${outcome.message})` : 'not sent: the import was cancelled'
  }
}

/** How an import ended: how many numbers changed, and each that did not with its reason. */
export function ImportCsvOutcome({ outcomes }: { outcomes: readonly NumberOutcome[] }) {
  const changed = outcomes.filter((o) => o.result === 'changed').length
  const unchanged = outcomes.filter((o) => o.result === 'unchanged').length
  const failed = outcomes.filter((o) => reasonOf(o) !== null)
  return (
    <div className="import-outcome" role="status">
      <p>
        {formatCount(changed)} changed, {formatCount(unchanged)} unchanged, {formatCount(failed.length)} not changed
        {failed.length > 0 ? ':' : '.'}
      </p>
      {failed.length > 0 && (
        <ul className="import-problems">
          {failed.map((outcome) => (
            <li key={outcome.number.id}>
              <strong>{formatPhoneNumber(outcome.number.phone_number)}</strong>: {reasonOf(outcome)}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
