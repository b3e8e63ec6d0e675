import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { SaveError } from '@/features/phone-numbers/api/save-phone-number'
import { SAVE_TEXT } from '@/features/phone-numbers/domain/save-messages'
import {
  nothingSaved,
  SAVE_OUTCOME_TEXT,
  saveFailureInWords,
  unknownOutcomeSince,
} from '@/features/phone-numbers/domain/save-outcome-messages'
import type { PhoneNumber } from '@/types/api'

interface SaveOutcomeProps {
  /** The save is waiting for the connection. */
  paused: boolean
  error: Error | null
  /** The number as the page holds it now (it is read again after an unclear outcome). */
  number: PhoneNumber
  catalog: AgentCatalog
}

const ADVICE = {
  not_applied: SAVE_OUTCOME_TEXT.failureAdvice,
  unknown: SAVE_OUTCOME_TEXT.unknownAdvice,
  conflict: SAVE_OUTCOME_TEXT.conflictAdvice,
} as const

/** What became of the last save, when the dialog stays open: offline, or how it stopped and what it left applied. */
export function SaveOutcome({ paused, error, number, catalog }: SaveOutcomeProps) {
  const since = error instanceof SaveError ? unknownOutcomeSince(error, number, catalog) : null
  return (
    <>
      {paused && (
        <p className="notice" role="status">
          {SAVE_TEXT.offline}
        </p>
      )}
      {error && !(error instanceof SaveError) && (
        <div role="alert" className="error-box">
          <p>{nothingSaved(error.message)}</p>
        </div>
      )}
      {error instanceof SaveError && (
        <div role="alert" className={error.outcome === 'conflict' ? 'notice' : 'error-box'}>
          {saveFailureInWords(error, catalog).map((line, index) =>
            index === 0 ? (
              <p key={line}>
                <strong>{line}</strong>
              </p>
            ) : (
              <p key={line}>{line}</p>
            ),
          )}
          <p>{ADVICE[error.outcome]}</p>
        </div>
      )}
      {since && (
        <p className="notice" role="status">
          {since}
        </p>
      )}
    </>
  )
}
