import { useEffect, useRef } from 'react'
import { DISCARD_TEXT } from '@/features/phone-numbers/domain/save-messages'

interface DiscardChangesPromptProps {
  onKeepEditing: () => void
  onDiscard: () => void
}

/** Asked when the edit dialog is closed with changes not saved: nothing is lost by accident. */
export function DiscardChangesPrompt({ onKeepEditing, onDiscard }: DiscardChangesPromptProps) {
  const keepEditing = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    // Keep editing goes back to where the user was (the prompt and its buttons go away).
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    keepEditing.current?.focus()
    return () => {
      if (before?.isConnected && !document.activeElement?.closest('[role="dialog"] form')) before.focus()
    }
  }, [])
  return (
    <div className="discard-prompt" role="alertdialog" aria-labelledby="discard-prompt-title" aria-modal="false">
      <p id="discard-prompt-title">
        <strong>{DISCARD_TEXT.question}</strong> {DISCARD_TEXT.explanation}
      </p>
      <div className="dialog-footer">
        <button type="button" className="button" ref={keepEditing} onClick={onKeepEditing}>
          {DISCARD_TEXT.keep}
        </button>
        <button type="button" className="button button-danger" onClick={onDiscard}>
          {DISCARD_TEXT.discard}
        </button>
      </div>
    </div>
  )
}
