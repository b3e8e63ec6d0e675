import { useRef } from 'react'

/**
 * Focus back to what opened a dialog. Radix returns focus to its Dialog.Trigger; the page's dialogs
 * are opened by other buttons (a row's Edit, the Selection region), so they remember the opener.
 */
export function useFocusReturn() {
  const openerRef = useRef<HTMLElement | null>(null)
  return {
    /** On open: remember what had focus. */
    remember: () => {
      openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
    },
    /** Radix's onCloseAutoFocus: focus the opener if it is still on the page. */
    restore: (event: Event) => {
      const opener = openerRef.current
      openerRef.current = null
      if (opener?.isConnected) {
        event.preventDefault()
        opener.focus()
      }
    },
  }
}
