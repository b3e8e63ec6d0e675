import * as Dialog from '@radix-ui/react-dialog'
import type { ReactNode } from 'react'
import { useOpeningCount } from '@/hooks/use-opening-count'

interface DialogRootProps {
  open: boolean
  onOpenChange: (open: boolean) => void
  children: ReactNode
}

/**
 * Radix's Dialog.Root for the page's dialogs, which stay mounted while closed: a new Root for each
 * opening (useOpeningCount), so the content mounts in the opening render, not in a synchronous render
 * from Radix Presence's layout effect (one long task).
 */
export function DialogRoot({ open, onOpenChange, children }: DialogRootProps) {
  const opening = useOpeningCount(open)
  return (
    <Dialog.Root key={opening} open={open} onOpenChange={onOpenChange}>
      {children}
    </Dialog.Root>
  )
}
