import { useMutationState } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { detachSave } from '@/features/phone-numbers/api/detached-saves'
import {
  SAVE_MUTATION_KEY,
  useSavePhoneNumber,
  type SaveResult,
  type SaveVariables,
} from '@/features/phone-numbers/api/save-phone-number'
import { useSession } from '@/features/session/use-session'

type PlannedSave = Omit<SaveVariables, 'cancel' | 'onRateLimitWait' | 'actor'>

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
  // The key's name: its own changes in the history are not someone else's.
  const actor = useSession().me.data?.key_name
  const [rateLimitWait, setRateLimitWait] = useState<number | null>(null)
  const inFlight = useRef<SaveVariables | null>(null)
  // What each running save of this number (this dialog's, or one from a dialog closed earlier) asks for.
  const runningSaves = useMutationState({
    filters: {
      mutationKey: [...SAVE_MUTATION_KEY, numberId],
      status: 'pending',
      // A cancelled save waits only to end without sending anything.
      predicate: (mutation) => (mutation.state.variables as SaveVariables | undefined)?.cancel?.signal.aborted !== true,
    },
    select: (mutation) => mutation.state.variables as SaveVariables,
  })

  useEffect(
    () => () => {
      if (inFlight.current) detachSave(inFlight.current)
    },
    [],
  )

  const submit = (planned: PlannedSave, callbacks: SubmitCallbacks) => {
    const variables: SaveVariables = {
      ...planned,
      actor,
      cancel: new AbortController(),
      onRateLimitWait: setRateLimitWait,
    }
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
    /**
     * A save of this number from a dialog closed earlier has not ended: this one would be planned
     * against the number as it was before it, so it waits.
     */
    earlierSaveRunning: !save.isPending && runningSaves.length > 0,
    /** The running saves of this number, as planned: the states their calls pass through are theirs, not someone else's. */
    runningSaves,
    paused: save.isPaused,
    /** Seconds a 429 asked the save to wait before sending again; null when it is not waiting. */
    rateLimitWait,
    result: save.data,
    error: save.error,
  }
}
