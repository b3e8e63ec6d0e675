import { useIsMutating, useMutationState } from '@tanstack/react-query'
import { useReducer, useState } from 'react'
import { Toast } from '@/components/ui/toast'
import { useAgentCatalog } from '@/features/agents/api/use-agent-catalog'
import { EMPTY_CATALOG, type AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { forgetSave, useDetachedSaves } from '@/features/phone-numbers/api/detached-saves'
import { UndoNotices } from '@/features/phone-numbers/components/undo-notices'
import {
  SAVE_MUTATION_KEY,
  SaveCancelledError,
  SaveError,
  type SaveResult,
  type SaveVariables,
} from '@/features/phone-numbers/api/save-phone-number'
import { CheckedAgainSince } from '@/features/phone-numbers/components/checked-again-since'
import { SavedNotice } from '@/features/phone-numbers/components/saved-notice'
import type { SaveDraft } from '@/features/phone-numbers/domain/desired-state'
import { numberInSentence } from '@/features/phone-numbers/domain/number-view'
import { detachedSaveText, saveFailureInWords } from '@/features/phone-numbers/domain/save-outcome-messages'
import { undoReason } from '@/features/phone-numbers/domain/writes/job-messages'
import { savedChange } from '@/features/phone-numbers/domain/plan-save'
import { draftsPublishedBy } from '@/features/phone-numbers/domain/writes/canaries-and-drafts'
import { useUndoSave, type UndoVariables } from '@/features/phone-numbers/jobs/use-undo-save'
import { useLeaveGuard } from '@/hooks/use-leave-guard'
import type { PhoneNumber } from '@/types/api'

interface SaveNoticesProps {
  /** When the page mounted: saves and undos from before it (the cache keeps them an hour) are not news. */
  since: number
  /** Opens the edit dialog with what the user had chosen, to try again. */
  onEditAgain: (number: PhoneNumber, draft: SaveDraft) => void
}

interface SaveState {
  id: number
  status: 'idle' | 'pending' | 'success' | 'error'
  paused: boolean
  variables: SaveVariables
  result: SaveResult | undefined
  error: Error | null
  submittedAt: number
}

/**
 * How saves end, outside any dialog: "Saved …" after every save; and for a save whose dialog was
 * closed before it finished (api/detached-saves.ts), its progress, its offline wait with
 * `Cancel save`, and its failure (someone else's change included) with `Edit again`, which brings
 * back what was chosen.
 */
export function SaveNotices({ since, onEditAgain }: SaveNoticesProps) {
  const catalog = useAgentCatalog().catalog ?? EMPTY_CATALOG
  const detached = useDetachedSaves()
  const [dismissed, setDismissed] = useState<ReadonlySet<number>>(new Set())
  const dismiss = (save: SaveState) => {
    forgetSave(save.variables)
    setDismissed((ids) => new Set([...ids, save.id]))
  }
  // Cancelling aborts the save's signal, which React does not see: render again to say so at once.
  const [, sawCancel] = useReducer((count: number) => count + 1, 0)
  useLeaveGuardWhileSaving()
  const undo = useUndoSave()
  const saves = useMutationState({
    filters: { mutationKey: SAVE_MUTATION_KEY },
    select: (mutation): SaveState => ({
      id: mutation.mutationId,
      status: mutation.state.status,
      paused: mutation.state.isPaused,
      variables: mutation.state.variables as SaveVariables,
      result: mutation.state.data as SaveResult | undefined,
      error: mutation.state.error,
      submittedAt: mutation.state.submittedAt,
    }),
  }).filter((save) => save.submittedAt >= since && !dismissed.has(save.id))

  const saved = saves.filter((save) => save.status === 'success')
  // One "Saved …" at a time, the latest: a stack of them would cover the rows' buttons.
  const latestSaved = saved.slice(-1)
  const unattended = saves.filter((save) => detached.has(save.variables) && !saved.includes(save))
  const cancelled = (save: SaveState) =>
    save.variables.cancel?.signal.aborted === true || save.error instanceof SaveCancelledError
  const inProgress = unattended.filter((save) => save.status === 'pending' && !cancelled(save))
  const ended = unattended.filter((save) => save.status !== 'pending' || cancelled(save))

  return (
    <div className="toast-region">
      <div className="toast-stack" role="status" aria-live="polite">
        {latestSaved.map((save) => (
          <SavedNotice
            key={save.id}
            variables={save.variables}
            result={save.result}
            catalog={catalog}
            onDismiss={() => dismiss(save)}
            onUndo={
              save.result &&
              (() => {
                dismiss(save)
                undo.mutate(undoVariables(save, save.result!.number, catalog))
              })
            }
          />
        ))}
        {inProgress.map((save) => {
          const title = numberInSentence(save.variables.number)
          const cancel = save.variables.cancel
          // No Dismiss: the save's outcome is still to come, and it must be seen.
          return (
            <Toast
              key={save.id}
              actions={
                save.paused &&
                cancel && (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => {
                      cancel.abort()
                      sawCancel()
                    }}
                  >
                    Cancel save
                  </button>
                )
              }
            >
              {save.paused ? detachedSaveText.waiting(title) : detachedSaveText.saving(title)}
            </Toast>
          )
        })}
        <UndoNotices part="status" since={since} />
      </div>
      <div className="toast-stack">
        {ended.map((save) => {
          const wasCancelled = cancelled(save)
          return (
            <Toast
              key={save.id}
              tone={wasCancelled ? 'info' : 'problem'}
              onDismiss={() => dismiss(save)}
              actions={
                !wasCancelled && (
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => {
                      dismiss(save)
                      onEditAgain(lastSeen(save), {
                        from: save.variables.number,
                        desired: save.variables.desired,
                      })
                    }}
                  >
                    Edit again
                  </button>
                )
              }
            >
              {detachedOutcomeInWords(save, wasCancelled, catalog).map((line) => (
                <p key={line}>{line}</p>
              ))}
              {save.error instanceof SaveError && <CheckedAgainSince stopped={save.error} catalog={catalog} />}
            </Toast>
          )
        })}
        <UndoNotices part="problems" since={since} />
      </div>
    </div>
  )
}

/** What undoing a save needs: the number as it left it, and as it found it for the fields the save changed. */
function undoVariables(save: SaveState, after: PhoneNumber, catalog: AgentCatalog): UndoVariables {
  const { number, desired } = save.variables
  const changes = [savedChange(number, desired, after)]
  const title = numberInSentence(save.variables.number)
  return {
    changes,
    title,
    reason: undoReason(title, changes, catalog),
    publishedByTheSave: draftsPublishedBy(save.variables.calls),
  }
}

/** Leaving or reloading the page while a save runs (or waits offline) would drop it: the browser asks first. */
function useLeaveGuardWhileSaving(): void {
  useLeaveGuard(useIsMutating({ mutationKey: SAVE_MUTATION_KEY }) > 0)
}

/** The number as the save last saw it: read again after it stopped, else as the save left it. */
function lastSeen(save: SaveState): PhoneNumber {
  if (save.error instanceof SaveError) return save.error.current ?? save.error.expected
  return save.result?.number ?? save.variables.number
}

function detachedOutcomeInWords(save: SaveState, wasCancelled: boolean, catalog: AgentCatalog): string[] {
  const title = numberInSentence(save.variables.number)
  if (wasCancelled) return [detachedSaveText.cancelled(title)]
  if (save.error instanceof SaveError) return detachedSaveText.failed(title, saveFailureInWords(save.error, catalog))
  return [detachedSaveText.notSaved(title, save.error?.message ?? '')]
}
