import { useEffect } from 'react'
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
  useUndoShortcut(onUndo)
  return (
    <Toast
      expiresAfterMs={theirs.length === 0 ? SUCCESS_VISIBLE_MS : undefined}
      onDismiss={onDismiss}
      actions={
        onUndo && (
          <>
            <button type="button" className="button button-small" onClick={onUndo} aria-keyshortcuts="Control+Z Meta+Z">
              Undo
            </button>
            <kbd aria-hidden="true">{UNDO_KEYS}</kbd>
          </>
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

const UNDO_KEYS = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘Z' : 'Ctrl+Z'

/**
 * Ctrl+Z (⌘Z) undoes the save while its confirmation shows: after Save, focus is back on the row, and
 * the confirmation's Undo is after the whole table in the tab order. Not in a field (its own undo), nor
 * with a dialog open.
 */
function useUndoShortcut(onUndo: (() => void) | undefined): void {
  useEffect(() => {
    if (!onUndo) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'z' || !(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey) return
      const target = event.target instanceof Element ? event.target : null
      if (target?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="dialog"]'))
        return
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return
      event.preventDefault()
      onUndo()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [onUndo])
}
