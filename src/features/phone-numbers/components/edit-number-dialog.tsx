import * as Dialog from '@radix-ui/react-dialog'
import { useRef, useState } from 'react'
import { focusFirstControlAfterPaint } from '@/components/ui/focus-first-control'
import { useFocusReturn } from '@/components/ui/focus-return'
import { DialogRoot } from '@/components/ui/dialog-root'
import { useAgentCatalog } from '@/features/agents/api/use-agent-catalog'
import { DiscardChangesPrompt } from '@/features/phone-numbers/components/discard-changes-prompt'
import { EditNumberForm } from '@/features/phone-numbers/components/edit-number-form'
import { NumberDialogTabs } from '@/features/phone-numbers/components/number-dialog-tabs'
import type { SaveDraft } from '@/features/phone-numbers/domain/desired-state'
import { SAVE_TEXT } from '@/features/phone-numbers/domain/save-messages'
import { useFreshNumber } from '@/features/phone-numbers/hooks/use-fresh-number'
import type { Permissions } from '@/features/session/use-session'
import { formatPhoneNumber } from '@/lib/phone-format'
import type { PhoneNumber } from '@/types/api'
import '@/features/phone-numbers/components/edit-number-dialog.css'

interface EditNumberDialogProps {
  /** The number as the cache holds it now; null when the dialog is closed. */
  number: PhoneNumber | null
  /** A choice to start from (a failed save tried again); null starts from the number. */
  draft?: SaveDraft | null
  permissions: Permissions
  onClose: () => void
}

/**
 * The edit dialog's shell: title, focus handling, the form once the agents are known, and a
 * question before unsaved changes are discarded. Closing while a save runs is allowed: the page's
 * notices then report how it ends.
 */
export function EditNumberDialog({ number, draft = null, permissions, onClose }: EditNumberDialogProps) {
  const { catalog } = useAgentCatalog()
  useFreshNumber(number?.id ?? null)
  // No Dialog.Trigger (the row's button opens it), so Radix has nowhere to return focus: remember the opener.
  const focusReturn = useFocusReturn()
  /** The form holds changes not yet saved (and no save is running). */
  const unsaved = useRef(false)
  const [askingToDiscard, setAskingToDiscard] = useState(false)
  const close = () => {
    setAskingToDiscard(false)
    unsaved.current = false
    onClose()
  }
  // Escape (or a click outside) while the question is shown answers it with Keep editing.
  const requestClose = () =>
    askingToDiscard ? setAskingToDiscard(false) : unsaved.current ? setAskingToDiscard(true) : close()

  return (
    <DialogRoot open={number !== null} onOpenChange={(open) => !open && requestClose()}>
      <Dialog.Content
        className="dialog"
        aria-describedby={undefined}
        onOpenAutoFocus={(event) => {
          focusReturn.remember()
          // Focusing now would compute the new dialog's styles inside the opening task: the form (or the
          // loading notice) focuses its first control after the paint instead.
          event.preventDefault()
        }}
        onCloseAutoFocus={focusReturn.restore}
      >
        {number && (
          <>
            <Dialog.Title className="dialog-title">
              {formatPhoneNumber(number.phone_number)}
              {number.nickname && (
                <span className="dialog-subtitle">
                  {' · '}
                  <bdi>{number.nickname}</bdi>
                </span>
              )}
            </Dialog.Title>
            <NumberDialogTabs
              key={number.id}
              number={number}
              onClose={requestClose}
              details={
                catalog ? (
                  <EditNumberForm
                    key={number.id}
                    number={number}
                    draft={draft}
                    catalog={catalog}
                    permissions={permissions}
                    onCancel={requestClose}
                    onSaved={close}
                    onUnsavedChange={(value) => {
                      unsaved.current = value
                    }}
                  />
                ) : (
                  <div className="dialog-body" ref={focusFirstControlOnMount}>
                    <p role="status">{SAVE_TEXT.loadingAgents}</p>
                    <div className="dialog-footer">
                      <Dialog.Close className="button">Close</Dialog.Close>
                    </div>
                  </div>
                )
              }
            />
            {askingToDiscard && (
              <DiscardChangesPrompt onKeepEditing={() => setAskingToDiscard(false)} onDiscard={close} />
            )}
          </>
        )}
      </Dialog.Content>
    </DialogRoot>
  )
}

/** A ref callback (React 19 runs its returned cleanup on unmount). */
const focusFirstControlOnMount = (element: HTMLElement | null) => focusFirstControlAfterPaint(element)
