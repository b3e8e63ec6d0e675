import { useEffect, useRef } from 'react'

interface DiscardChangesPromptProps {
  onKeepEditing: () => void
  onDiscard: () => void
}

/** Asked when the edit dialog is closed with changes not saved: nothing is lost by accident. */
export function DiscardChangesPrompt({ onKeepEditing, onDiscard }: DiscardChangesPromptProps) {
  const keepEditing = useRef<HTMLButtonElement>(null)
  useEffect(() => keepEditing.current?.focus(), [])
  return (
    <div className="discard-prompt" role="alertdialog" aria-labelledby="discard-prompt-title" aria-modal="false">
      <p id="discard-prompt-title">
        <strong>Discard your changes?</strong> They have not been saved.
      </p>
      <div className="dialog-footer">
        <button type="button" className="button" ref={keepEditing} onClick={onKeepEditing}>
          Keep editing
        </button>
        <button type="button" className="button button-danger" onClick={onDiscard}>
          Discard changes
        </button>
      </div>
    </div>
  )
}
