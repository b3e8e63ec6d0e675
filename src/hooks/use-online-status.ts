import { onlineManager } from '@tanstack/react-query'
import { useSyncExternalStore } from 'react'

/** Online as React Query sees it (browser online/offline events), so the banner and paused saves agree. */
export function useOnlineStatus(): boolean {
  return useSyncExternalStore(
    (callback) => onlineManager.subscribe(callback),
    () => onlineManager.isOnline(),
  )
}
