import * as Dialog from '@radix-ui/react-dialog'
import { ConnectForm } from '@/features/session/components/connect-form'
import type { Me } from '@/types/api'

interface ReconnectDialogProps {
  onConnected: (apiKey: string, me: Me) => void
  onDisconnect: () => void
}

/** Asks for another key over the page after a 401, so whatever the page holds (an open dialog's input) stays. */
export function ReconnectDialog({ onConnected, onDisconnect }: ReconnectDialogProps) {
  return (
    <Dialog.Root open>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className="dialog dialog-narrow"
          aria-describedby={undefined}
          onEscapeKeyDown={(event) => event.preventDefault()}
          onPointerDownOutside={(event) => event.preventDefault()}
        >
          <Dialog.Title className="dialog-title">Your API key was refused</Dialog.Title>
          <div className="dialog-body">
            <p>
              The server no longer accepts this key (it may have been revoked). Connect with another key to go on;
              anything you have not saved is kept.
            </p>
            <ConnectForm onConnected={onConnected} />
            <button type="button" className="button" onClick={onDisconnect}>
              Disconnect
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
