import { useEffect, useRef, useState } from 'react'
import { detachSave } from '@/features/phone-numbers/api/detached-saves'
import { useSavePhoneNumber, type SaveResult, type SaveVariables } from '@/features/phone-numbers/api/save-phone-number'

type PlannedSave = Omit<SaveVariables, 'cancel' | 'onRateLimitWait'>

interface SubmitCallbacks {
  onSuccess: (result: SaveResult) => void
  onError: (error: Error) => void
}

/**
 * The edit dialog's save: sends a plan, says when a 429 makes it wait, lets a save queued offline
 * be cancelled, and when the dialog closes before the save ends hands it to the page's notices
 * (api/detached-saves.ts), so its outcome is never lost.
 */
export function useNumberSave(numberId: string) {
  const save = useSavePhoneNumber(numberId)
  const [rateLimitWait, setRateLimitWait] = useState<number | null>(null)
  const inFlight = useRef<SaveVariables | null>(null)

  useEffect(
    () => () => {
      if (inFlight.current) detachSave(inFlight.current)
    },
    [],
  )

  const submit = (planned: PlannedSave, callbacks: SubmitCallbacks) => {
    const variables: SaveVariables = { ...planned, cancel: new AbortController(), onRateLimitWait: setRateLimitWait }
    inFlight.current = variables
    setRateLimitWait(null)
    save.mutate(variables, {
      ...callbacks,
      onSettled: () => {
        inFlight.current = null
        setRateLimitWait(null)
      },
    })
  }

  /** Drops a save still waiting for the connection: nothing is sent, and the form is editable again. */
  const cancelQueued = () => {
    inFlight.current?.cancel?.abort()
    inFlight.current = null
    save.reset()
  }

  return {
    submit,
    cancelQueued,
    saving: save.isPending,
    paused: save.isPaused,
    /** Seconds a 429 asked the save to wait before sending again; null when it is not waiting. */
    rateLimitWait,
    result: save.data,
    error: save.error,
  }
}
