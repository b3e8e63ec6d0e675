import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { SaveError, type SaveResult } from '@/features/phone-numbers/api/save-phone-number'
import {
  conflictsInWords,
  nothingSaved,
  SAVE_TEXT,
  saveFailureInWords,
} from '@/features/phone-numbers/domain/save-messages'

interface SaveOutcomeProps {
  /** The save is waiting for the connection. */
  paused: boolean
  result: SaveResult | undefined
  error: Error | null
  catalog: AgentCatalog
}

/** What became of the last save, when the dialog stays open: offline, a conflict, or a failure and what it left applied. */
export function SaveOutcome({ paused, result, error, catalog }: SaveOutcomeProps) {
  return (
    <>
      {paused && (
        <p className="notice" role="status">
          {SAVE_TEXT.offline}
        </p>
      )}
      {result && result.conflicts.length > 0 && (
        <div role="alert" className="notice">
          <p>
            <strong>{SAVE_TEXT.conflictHeadline}</strong> {conflictsInWords(result.number, result.conflicts, catalog)}.
          </p>
          <p>{SAVE_TEXT.conflictAdvice}</p>
        </div>
      )}
      {error && !(error instanceof SaveError) && (
        <div role="alert" className="error-box">
          <p>{nothingSaved(error.message)}</p>
        </div>
      )}
      {error instanceof SaveError && (
        <div role="alert" className="error-box">
          {saveFailureInWords(error, catalog).map((line, index) =>
            index === 0 ? (
              <p key={line}>
                <strong>{line}</strong>
              </p>
            ) : (
              <p key={line}>{line}</p>
            ),
          )}
          <p>{SAVE_TEXT.failureAdvice}</p>
        </div>
      )}
    </>
  )
}
