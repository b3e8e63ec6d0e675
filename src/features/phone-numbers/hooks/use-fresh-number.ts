import { useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { getPhoneNumber } from '@/features/phone-numbers/api/phone-number-queries'
import { reconcileSavedNumbers } from '@/features/phone-numbers/api/reconcile-cache'

/**
 * Reads the number again when its dialog opens, so a change another admin made since the list
 * loaded shows in the dialog (and in the row) before the user chooses anything.
 */
export function useFreshNumber(numberId: string | null): void {
  const queryClient = useQueryClient()
  useEffect(() => {
    if (numberId === null) return
    const controller = new AbortController()
    getPhoneNumber(numberId, controller.signal).then(
      (fresh) => reconcileSavedNumbers(queryClient, [fresh], []),
      () => {
        // The cached row stays; a save plans against it and its answer tells what the server holds.
      },
    )
    return () => controller.abort()
  }, [numberId, queryClient])
}
