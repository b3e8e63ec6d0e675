import * as Dialog from '@radix-ui/react-dialog'
import type { ReactNode } from 'react'
import { useOpeningCount } from '@/hooks/use-opening-count'

interface DialogRootProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** The dialog's `Dialog.Content`. */
  children: ReactNode
}

/**
 * Radix's Dialog.Root, Portal and Overlay for the page's dialogs, which stay mounted while closed,
 * set up so that opening one is not a long task:
 * - a new Root for each opening (useOpeningCount), so the content mounts in the opening render, not
 *   in a synchronous render from Radix Presence's layout effect;
 * - an explicit portal container: without one, Radix's portal renders nothing until a layout effect,
 *   and then mounts the whole dialog in a second, synchronous render.
 */
export function DialogRoot({ open, onOpenChange, children }: DialogRootProps) {
  const opening = useOpeningCount(open)
  return (
    <Dialog.Root key={opening} open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal container={document.body}>
        <Dialog.Overlay className="dialog-overlay" />
        {children}
      </Dialog.Portal>
    </Dialog.Root>
  )
}
