import { expect, test, type Locator, type Page } from '@playwright/test'
import {
  OUTCOME_TIMEOUT_MS,
  cancel,
  chooseRandomly,
  clickUnlessDisabled,
  countDialogAlerts,
  readErrorsShown,
  readSaveState,
  waitForOutcome,
} from './support/chaos-dialog'
import { startFaults, stopFaults } from './support/chaos-faults'
import { attachLog, watchPage, type PageWatch } from './support/chaos-log'
import { compareWithModel, describeDivergence, snapshot } from './support/chaos-model'
import { createRandomChoices, randomText, type Random } from './support/chaos-random'
import { newChaosStats, summarize, type ChaosStats } from './support/chaos-summary'
import { formatNumber, openPhoneNumbersPage } from './support/phone-numbers'

/**
 * Chaos: hundreds of random edits through the Edit dialog (now and then after a re-sort, which reads the
 * list) while the demo backend injects every kind of fault on every endpoint (src/mocks/faults.ts) and
 * "another admin" sometimes changes routing behind the page's back. Whatever happened, once the faults
 * stop and the page's own reads have landed, the table must show exactly what the backend's model
 * holds: no reload, and no refetch triggered by the test.
 *
 * Seeded: the seed is printed; `CHAOS_SEED=<seed> npx playwright test --project=chaos` replays a run
 * (the same choices and the same injected faults, as far as timing allows). `CHAOS_EDITS` and
 * `CHAOS_BUDGET_S` change how many edits are planned and how long new ones may be started.
 */

const SEED = readInt(process.env.CHAOS_SEED, Math.floor(Math.random() * 2 ** 31))
const PLANNED_EDITS = readInt(process.env.CHAOS_EDITS, 250)
/** Made whatever the time: a busy machine makes each edit slower, never the run smaller than this. */
const MIN_EDITS = Math.min(200, PLANNED_EDITS)
/** No new edit past MIN_EDITS starts after this much wall-clock time. */
const BUDGET_MS = readInt(process.env.CHAOS_BUDGET_S, 240) * 1000
const MAX_SAVES_AGAIN = 3
const FAULTS = `rate:0.2,kinds:500+502+503+429+apply+network+malformed+empty,endpoints:publish+patch+get+list+agents,concurrent:0.05,retryAfter:0,seed:${SEED}`
const CONFLICT = 'Someone else changed this number after you opened it'
/** Longer than the longest wait between read retries (src/lib/react-query.ts: 500 ms doubling, 3 retries). */
const QUIET_MS = 3_000
/** Writes (publish, patch) can draw all 8 kinds; reads (get, list, agents) all but "apply". */
const POSSIBLE_SCENARIOS = 2 * 8 + 3 * 7

/** First-page numbers the edits go to (src/mocks/seed.ts): plain, unassigned, archived agent, drafts, both sides. */
const EDITED_E164 = [
  '+16175550110', // no nickname, both sides None
  '+14155550123', // Main Support Line: inbound only
  '+14165550128', // Toronto Billing: two versions of one agent
  '+13125550187', // Chicago Clinic: archived agent inbound
  '+61755501234', // Brisbane Clinic: archived agent on both sides
  '+14155550172', // Appointment Line: same version on both sides, agent with a draft
  '+442079460456', // no nickname, pending
  '+17185550140', // Survey Line: outbound only
]

test.use({ actionTimeout: 10_000 })

test('random edits under injected faults leave the table equal to the model', async ({ page }) => {
  const random = createRandomChoices(SEED)
  const startedAt = Date.now()
  console.log(`chaos seed ${SEED} (replay: CHAOS_SEED=${SEED} npx playwright test --project=chaos)`)
  test.info().annotations.push({ type: 'chaos seed', description: String(SEED) })
  const watch = watchPage(page)

  await openPhoneNumbersPage(page, '/?latency=0')
  await countDialogAlerts(page)
  await startFaults(page, FAULTS)

  const run: ChaosRun = {
    page,
    dialog: page.getByRole('dialog'),
    random,
    stats: newChaosStats(),
    log: [],
    staleAfterEdit: [],
  }
  for (let index = 1; index <= PLANNED_EDITS && (index <= MIN_EDITS || Date.now() - startedAt < BUDGET_MS); index++) {
    run.stats.attempted++
    try {
      await edit(run, index)
    } catch (error) {
      run.log.push(`#${index} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
      await attachLog(run.log)
      throw error
    }
  }
  const editSeconds = (Date.now() - startedAt) / 1000

  // Faults off. The page is not reloaded and the test triggers no refetch (unless the list shows its error state).
  const faults = await stopFaults(page)
  const requestsAfterFaults = await letPageReadsLand(run, watch)

  const divergences = compareWithModel(await snapshot(page))
  if (await page.getByText('· updating…').isVisible()) {
    divergences.push({ number: '(table)', cell: 'summary', shown: '· updating… (placeholder rows)', model: 'settled' })
  }

  const summary = summarize({
    seed: SEED,
    plannedEdits: PLANNED_EDITS,
    possibleScenarios: POSSIBLE_SCENARIOS,
    stats: run.stats,
    editSeconds,
    faults,
    watch,
    staleAfterEdit: run.staleAfterEdit.length,
    requestsAfterFaults,
    divergences: divergences.length,
  })
  console.log(`chaos summary\n${summary}`)
  for (const line of run.staleAfterEdit) console.log(`stale after edit: ${line}`)
  for (const d of divergences) console.log(`divergence: ${describeDivergence(d)}`)
  test.info().annotations.push({ type: 'chaos summary', description: summary })
  await attachLog(run.log)

  expect(watch.pageErrors, 'errors thrown in the page').toEqual([])
  expect(watch.consoleErrors, 'console errors other than the injected network failures').toEqual([])
  expect(
    divergences.map(describeDivergence),
    'cells that differ from the model after the faults stopped (no reload, no refetch by the test)',
  ).toEqual([])
})

/** What the steps of one run share: the page, the seeded choices, and what they count and log. */
interface ChaosRun {
  page: Page
  dialog: Locator
  random: Random
  stats: ChaosStats
  /** Every edit and its outcome. */
  log: string[]
  /** Diagnostic: rows that differed from the model right after their edit (faults still on). */
  staleAfterEdit: string[]
}

/** One random edit of one number: maybe a re-sort first, then changes in the dialog, then Save (again) or Cancel. */
async function edit(run: ChaosRun, index: number): Promise<void> {
  const { page, random, stats } = run
  const e164 = random.pick(EDITED_E164)
  const shown = formatNumber(e164)
  const steps: string[] = []
  const sorts = random.chance(0.08)
  if (sorts) {
    // Re-sorting is a list read (with its own faults) racing the edit that follows.
    const column = random.pick(['Number', 'Nickname', 'Created'])
    await page.getByRole('button', { name: column, exact: true }).click()
    stats.sortChanges++
    steps.push(`sort by ${column}`)
  }
  const row = page.getByRole('row').filter({ has: page.getByText(shown, { exact: true }) })
  await openDialogOf(run, row, sorts)
  await changeFields(run, steps)
  const outcomes = await saveOrCancel(run, index, shown, steps)

  // Diagnostic, not asserted: after a failure or conflict, the row (faults still on) against the model.
  const stale = outcomes.every((outcome) => outcome === 'saved') ? [] : compareWithModel(await snapshot(page), shown)
  if (stale.length > 0)
    run.staleAfterEdit.push(`#${index} ${stale.map(describeDivergence).join('; ')} after ${outcomes.join(' → ')}`)
  run.log.push(
    `#${index} ${shown}: ${steps.join('; ')} ⇒ ${outcomes.join(' → ')}${stale.length > 0 ? ' ⇒ STALE ROW' : ''}`,
  )
}

/** Random agents, versions, nickname and label in the open dialog; each change is appended to `steps`. */
async function changeFields({ page, dialog, random }: ChaosRun, steps: string[]): Promise<void> {
  for (const side of ['Inbound', 'Outbound']) {
    if (!random.chance(0.4)) continue
    // Another agent than the one chosen now (None included), so that the side changes.
    const agent = await chooseRandomly(page, dialog, `${side} agent`, (others) =>
      others.includes('None') && random.chance(0.2) ? 'None' : random.pick(others.filter((name) => name !== 'None')),
    )
    steps.push(`${side} agent → ${agent}`)
    if (agent !== 'None' && random.chance(0.3)) {
      const version = await chooseRandomly(page, dialog, `${side} version`, (others) =>
        others.length > 0 ? random.pick(others) : null,
      )
      if (version !== null) steps.push(`${side} version → ${version}`)
    }
  }
  const texts = [
    ['Nickname', 0.3],
    ['Label', 0.15],
  ] as const
  for (const [field, probability] of texts) {
    // Make sure every edit changes something (it may still match what the number holds).
    if (!random.chance(probability) && !(field === 'Label' && !steps.some((step) => step.includes('→')))) continue
    const value = random.chance(0.2) ? '' : randomText(random, field)
    await dialog.getByRole('textbox', { name: field, exact: true }).fill(value)
    steps.push(`${field} → ${value === '' ? 'cleared' : JSON.stringify(value)}`)
  }
}

/** Save; after a failure or conflict, Save again (now and then, up to MAX_SAVES_AGAIN) or Cancel. Returns the outcomes. */
async function saveOrCancel(
  { page, dialog, random, stats }: ChaosRun,
  index: number,
  shown: string,
  steps: string[],
): Promise<string[]> {
  const outcomes: string[] = []
  for (let savesAgain = 0; ; savesAgain++) {
    const before = await readSaveState(page)
    const save = dialog.getByRole('button', { name: 'Save', exact: true })
    // A background read can bring the number up to date while the dialog is open, leaving nothing to save.
    const clicked = before.enabled && (await clickUnlessDisabled(save))
    if (!clicked) {
      stats.nothingToSave++
      outcomes.push('nothing to save: Cancel')
      await cancel(page, dialog)
      break
    }
    const outcome = await waitForOutcome(page, before.alerts).catch(async (error: unknown) => {
      const text = (await dialog.textContent().catch(() => null)) ?? '(no dialog)'
      throw new Error(
        `Edit #${index} of ${shown} hung: after Save the dialog neither closed nor showed an alert within ${
          OUTCOME_TIMEOUT_MS / 1000
        } s (${steps.join('; ')}). The dialog shows: ${text}`,
        { cause: error },
      )
    })
    if (outcome === 'closed') {
      stats.saved++
      outcomes.push('saved')
      break
    }
    const alerts = outcome.join(' | ')
    const conflict = alerts.includes(CONFLICT)
    if (conflict) stats.conflictsShown++
    else stats.failuresShown++
    outcomes.push(`${conflict ? 'conflict' : 'failure'} (${alerts.slice(0, 140)})`)
    if (savesAgain < MAX_SAVES_AGAIN && random.chance(0.5)) {
      stats.retries++
      continue
    }
    stats.cancelled++
    outcomes.push('Cancel')
    await cancel(page, dialog)
    break
  }
  return outcomes
}

/** The list's error state or the agents banner: click Retry, as a user would. Returns whether the list showed its error. */
async function recoverReads({ page, stats }: ChaosRun): Promise<boolean> {
  const shown = await readErrorsShown(page)
  if (shown.agents) {
    stats.agentsRetryClicks++
    const agentsError = page.getByRole('alert').filter({ hasText: 'Agent names could not be loaded' })
    await agentsError.getByRole('button', { name: 'Retry' }).click()
  }
  if (shown.list) {
    stats.listRetryClicks++
    const listError = page
      .getByRole('alert')
      .filter({ has: page.getByRole('heading', { name: 'The numbers could not be loaded' }) })
    await listError.getByRole('button', { name: 'Retry' }).click()
  }
  return shown.list
}

/** Clicks the row's Edit button; when the list shows its error state instead of rows, Retry first. */
async function openDialogOf(run: ChaosRun, row: Locator, listWasRead: boolean): Promise<void> {
  // Only a list read (a sort, a Retry) can fail the list: look for its error state then, or when the row is missing.
  if (listWasRead) await recoverReads(run)
  for (let attempt = 0; ; attempt++) {
    try {
      await row.getByRole('button', { name: /^Edit / }).click({ timeout: 4_000 })
      return
    } catch (error) {
      if (attempt >= 10 || !(await recoverReads(run))) throw error
    }
  }
}

/**
 * Once the faults are off: the reads the page itself still has going (one retrying with backoff, or its
 * re-read after a save it could not check) land first. Returns how many API requests the page sent meanwhile.
 */
async function letPageReadsLand(run: ChaosRun, { api }: PageWatch): Promise<number> {
  const requestsBeforeQuiet = api.requests
  await expect(run.dialog).toBeHidden()
  await recoverReads(run)
  // No API request in flight and none for longer than the longest read backoff.
  await expect
    .poll(() => api.inFlight === 0 && Date.now() - api.lastActivity > QUIET_MS, {
      message: 'the page still sends API requests after the faults stopped',
      timeout: 30_000,
      intervals: [250],
    })
    .toBe(true)
  return api.requests - requestsBeforeQuiet
}

function readInt(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback
  const parsed = Number(value)
  if (!Number.isSafeInteger(parsed)) throw new Error(`Not an integer: ${value}`)
  return parsed
}
