import { Toast } from '@/components/ui/toast'
import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import type { SaveResult, SaveVariables } from '@/features/phone-numbers/api/save-phone-number'
import { chosenFieldsChangedSince } from '@/features/phone-numbers/domain/plan-save'
import { savedMessage } from '@/features/phone-numbers/domain/save-messages'
import { changedAfterSaveInWords } from '@/features/phone-numbers/domain/save-outcome-messages'

/** A success stays this long: long enough to read, and to undo. */
const SUCCESS_VISIBLE_MS = 10_000

interface SavedNoticeProps {
  variables: SaveVariables
  result: SaveResult | undefined
  catalog: AgentCatalog
  onDismiss: () => void
  /** Undoes the save; absent while its result is not known. */
  onUndo?: () => void
}

/**
 * "Saved …" with Undo. When someone else changed a field the save had set right after it (found as
 * its last answer was lost), it says which, and stays until dismissed: that is not news to miss.
 */
export function SavedNotice({ variables, result, catalog, onDismiss, onUndo }: SavedNoticeProps) {
  const theirs = result
    ? changedAfterSaveInWords(
        chosenFieldsChangedSince(variables.number, variables.desired, result.number),
        result.number,
        catalog,
      )
    : []
  return (
    <Toast
      expiresAfterMs={theirs.length === 0 ? SUCCESS_VISIBLE_MS : undefined}
      onDismiss={onDismiss}
      actions={
        onUndo && (
          <button type="button" className="button button-small" onClick={onUndo}>
            Undo
          </button>
        )
      }
    >
      <p>{variables.savedMessage ?? savedMessage(variables.number, catalog, variables.desired)}</p>
      {theirs.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </Toast>
  )
}
