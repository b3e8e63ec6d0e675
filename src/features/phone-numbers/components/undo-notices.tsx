import { useMutationState } from '@tanstack/react-query'
import { useState } from 'react'
import { Toast } from '@/components/ui/toast'
import { useAgentCatalog } from '@/features/agents/api/use-agent-catalog'
import { EMPTY_CATALOG } from '@/features/agents/domain/agent-catalog'
import { numberInSentence } from '@/features/phone-numbers/domain/number-view'
import { undoOutcomeInWords } from '@/features/phone-numbers/domain/writes/job-messages'
import { UNDO_MUTATION_KEY, type UndoResult, type UndoVariables } from '@/features/phone-numbers/jobs/use-undo-save'

/** A success stays this long, as a save's does. */
const UNDONE_VISIBLE_MS = 10_000

interface UndoState {
  id: number
  status: 'idle' | 'pending' | 'success' | 'error'
  variables: UndoVariables
  result: UndoResult | undefined
  error: Error | null
  submittedAt: number
}

/**
 * Each undo's progress and how it ended, in the page's toast region: `status` renders progress and
 * successes (inside the region's polite live region), `problems` what was not put back (alerts).
 */
export function UndoNotices({ part, since }: { part: 'status' | 'problems'; since: number }) {
  const catalog = useAgentCatalog().catalog ?? EMPTY_CATALOG
  const [dismissed, setDismissed] = useState<ReadonlySet<number>>(new Set())
  const dismiss = (id: number) => setDismissed((ids) => new Set([...ids, id]))
  const undos = useMutationState({
    filters: { mutationKey: UNDO_MUTATION_KEY },
    select: (mutation): UndoState => ({
      id: mutation.mutationId,
      status: mutation.state.status,
      variables: mutation.state.variables as UndoVariables,
      result: mutation.state.data as UndoResult | undefined,
      error: mutation.state.error,
      submittedAt: mutation.state.submittedAt,
    }),
  }).filter((undo) => undo.submittedAt >= since && !dismissed.has(undo.id))

  const titles = (undo: UndoState) =>
    new Map(undo.variables.changes.map(({ before }) => [before.id, numberInSentence(before)]))
  const words = (undo: UndoState) => {
    if (!undo.result) return { tone: 'problem' as const, lines: [`Undo failed: ${undo.error?.message ?? ''}`] }
    const title = titles(undo)
    return undoOutcomeInWords(
      undo.result.outcomes,
      (number) => title.get(number.id) ?? undo.variables.title,
      undo.variables.publishedByTheSave,
      catalog,
    )
  }
  const ended = undos
    .filter((undo) => undo.status === 'success' || undo.status === 'error')
    .map((undo) => ({ undo, ...words(undo) }))

  if (part === 'status') {
    return (
      <>
        {undos
          .filter((undo) => undo.status === 'pending')
          .map((undo) => (
            <Toast key={undo.id}>Undoing the save of {undo.variables.title}…</Toast>
          ))}
        {ended
          .filter(({ tone }) => tone === 'info')
          .map(({ undo, lines }) => (
            <Toast key={undo.id} expiresAfterMs={UNDONE_VISIBLE_MS} onDismiss={() => dismiss(undo.id)}>
              {lines.map((line) => (
                <p key={line}>{line}</p>
              ))}
            </Toast>
          ))}
      </>
    )
  }
  return ended
    .filter(({ tone }) => tone === 'problem')
    .map(({ undo, lines }) => (
      <Toast key={undo.id} tone="problem" onDismiss={() => dismiss(undo.id)}>
        {lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </Toast>
    ))
}
