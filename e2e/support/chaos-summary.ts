import type { FaultCounts } from './chaos-faults'
import { formatCounts, type PageWatch } from './chaos-log'

/** What the chaos test counts while it edits, and the summary it prints and attaches at the end. */

export const newChaosStats = () => ({
  attempted: 0,
  saved: 0,
  failuresShown: 0,
  conflictsShown: 0,
  retries: 0,
  cancelled: 0,
  nothingToSave: 0,
  sortChanges: 0,
  listRetryClicks: 0,
  agentsRetryClicks: 0,
})

export type ChaosStats = ReturnType<typeof newChaosStats>

export interface ChaosOutcome {
  seed: number
  plannedEdits: number
  /** How many endpoint:kind pairs the fault spec allows. */
  possibleScenarios: number
  stats: ChaosStats
  editSeconds: number
  faults: FaultCounts
  watch: PageWatch
  staleAfterEdit: number
  requestsAfterFaults: number
  divergences: number
}

/** One line per figure, for the console and the report's annotation. */
export function summarize(run: ChaosOutcome): string {
  const { stats, faults, watch } = run
  const scenariosSeen = Object.keys(faults.scenarios).filter((key) => !key.endsWith(':concurrent')).length
  return [
    `seed ${run.seed}`,
    `edits attempted ${stats.attempted} (planned ${run.plannedEdits}, ${run.editSeconds.toFixed(0)} s)`,
    `saves succeeded ${stats.saved}`,
    `failures shown ${stats.failuresShown}`,
    `conflicts shown ${stats.conflictsShown}`,
    `saved again ${stats.retries}`,
    `cancelled after a failure or conflict ${stats.cancelled}`,
    `nothing left to save ${stats.nothingToSave}`,
    `sort changes ${stats.sortChanges}`,
    `list Retry clicks ${stats.listRetryClicks}`,
    `agents Retry clicks ${stats.agentsRetryClicks}`,
    `injected ${formatCounts(faults.injected)}`,
    `requests while faulty ${formatCounts(faults.requests)}`,
    `fault scenarios (endpoint:kind) ${scenariosSeen} of ${run.possibleScenarios}: ${formatCounts(faults.scenarios)}`,
    `expected network errors in the console ${watch.expectedNetworkErrors}: ${[...watch.expectedKinds].join(' / ')}`,
    `writes refused with 409 (another admin changed the number first; nothing of theirs overwritten) ${watch.refusedAsChanged}`,
    `rows differing from the model right after their edit (diagnostic: faults on, the page may still be re-reading) ${run.staleAfterEdit}`,
    `API requests the page sent after the faults stopped (its own) ${run.requestsAfterFaults}`,
    `divergences ${run.divergences}`,
  ].join('\n')
}
