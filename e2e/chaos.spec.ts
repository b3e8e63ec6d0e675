import { writeFile } from 'node:fs/promises'
import { expect, test, type ConsoleMessage, type Locator, type Page, type Request } from '@playwright/test'
import { formatNumber, openPhoneNumbersPage, type ModelNumber } from './support/phone-numbers'

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
const MIN_EDITS = Math.min(200, PLANNED_EDITS)
/** No new edit starts after this much wall-clock time. */
const BUDGET_MS = readInt(process.env.CHAOS_BUDGET_S, 240) * 1000
/** After Save, the dialog must close or show an alert within this. */
const OUTCOME_TIMEOUT_MS = 8_000
const MAX_SAVES_AGAIN = 3
const FAULTS = `rate:0.2,kinds:500+502+503+429+apply+network+malformed+empty,endpoints:publish+patch+get+list+agents,concurrent:0.05,retryAfter:0,seed:${SEED}`
const CONFLICT = 'Someone else changed this number while you were saving.'
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

interface ModelAgent {
  id: string
  name: string
  archived_at: string | null
  versions: { id: string; version: number; published: boolean }[]
}

type ChaosNumber = ModelNumber & { country_code: string }

interface FaultDecision {
  kind: string | null
  concurrentChange: boolean
}

/** What the test reads and wraps in the page: the demo backend (src/mocks/browser.ts) and its own counters. */
interface ChaosWindow {
  __demoBackend: {
    workspace: { allNumbers: () => ChaosNumber[]; listAgents: () => { data: ModelAgent[] } }
    configureFaults: (spec: string | null) => void
    faults: {
      injected: Record<string, number>
      decide: (endpoint: string, write: boolean) => FaultDecision
    } | null
  }
  __chaos: {
    /** Alerts that appeared inside the dialog (a failure or a conflict), counted as they are inserted. */
    alerts: number
    /** `endpoint:kind` → how many times that fault was injected. */
    scenarios: Record<string, number>
    /** Requests per endpoint while faults were on. */
    requests: Record<string, number>
  }
}

interface Divergence {
  number: string
  cell: string
  shown: string
  model: string
}

test('random edits under injected faults leave the table equal to the model', async ({ page }) => {
  const random = createRandom(SEED)
  const startedAt = Date.now()
  console.log(`chaos seed ${SEED} (replay: CHAOS_SEED=${SEED} npx playwright test --project=chaos)`)
  test.info().annotations.push({ type: 'chaos seed', description: String(SEED) })

  const pageErrors: string[] = []
  const consoleErrors: string[] = []
  let expectedNetworkErrors = 0
  const expectedKinds = new Set<string>()
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message))
  const api = { inFlight: 0, requests: 0, lastActivity: Date.now() }
  const isApi = (request: Request) => new URL(request.url()).pathname.startsWith('/v1/')
  page.on('request', (request) => {
    if (!isApi(request)) return
    api.inFlight++
    api.requests++
    api.lastActivity = Date.now()
  })
  const settled = (request: Request) => {
    if (!isApi(request)) return
    api.inFlight--
    api.lastActivity = Date.now()
  }
  page.on('requestfinished', settled)
  page.on('requestfailed', settled)
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    if (isInjectedNetworkFailure(message)) {
      expectedNetworkErrors++
      expectedKinds.add(message.text())
    } else consoleErrors.push(`${message.text()} (${message.location().url})`)
  })

  await openPhoneNumbersPage(page, '/?latency=0')
  await countDialogAlerts(page)
  await page.evaluate((spec) => {
    const w = window as unknown as ChaosWindow
    w.__demoBackend.configureFaults(spec)
    // Count what is injected per endpoint (the injector itself counts per kind only).
    const faults = w.__demoBackend.faults!
    const decide = faults.decide.bind(faults)
    faults.decide = (endpoint, write) => {
      const decision = decide(endpoint, write)
      const { scenarios, requests } = w.__chaos
      requests[endpoint] = (requests[endpoint] ?? 0) + 1
      if (decision.kind)
        scenarios[`${endpoint}:${decision.kind}`] = (scenarios[`${endpoint}:${decision.kind}`] ?? 0) + 1
      // The injector draws (and counts) a concurrent change for every write; only a publish applies it.
      if (decision.concurrentChange && endpoint === 'publish')
        scenarios[`${endpoint}:concurrent`] = (scenarios[`${endpoint}:concurrent`] ?? 0) + 1
      return decision
    }
  }, FAULTS)

  const formatted = new Map(EDITED_E164.map((e164) => [e164, formatNumber(e164)]))
  const stats = {
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
  }
  const log: string[] = []
  const staleAfterEdit: string[] = []
  const dialog = page.getByRole('dialog')

  /** The list's error state or the agents banner: click Retry, as a user would. */
  const listError = page
    .getByRole('alert')
    .filter({ has: page.getByRole('heading', { name: 'The numbers could not be loaded' }) })
  const agentsError = page.getByRole('alert').filter({ hasText: 'Agent names could not be loaded' })
  async function recoverReads(): Promise<boolean> {
    const shown = await readErrorsShown(page)
    if (shown.agents) {
      stats.agentsRetryClicks++
      await agentsError.getByRole('button', { name: 'Retry' }).click()
    }
    if (shown.list) {
      stats.listRetryClicks++
      await listError.getByRole('button', { name: 'Retry' }).click()
    }
    return shown.list
  }
  /** Clicks the row's Edit button; when the list shows its error state instead of rows, Retry first. */
  async function openDialogOf(row: Locator, listWasRead: boolean): Promise<void> {
    // Only a list read (a sort, a Retry) can fail the list: look for its error state then, or when the row is missing.
    if (listWasRead) await recoverReads()
    for (let attempt = 0; ; attempt++) {
      try {
        await row.getByRole('button', { name: /^Edit / }).click({ timeout: 4_000 })
        return
      } catch (error) {
        if (attempt >= 10 || !(await recoverReads())) throw error
      }
    }
  }

  async function edit(index: number): Promise<void> {
    const e164 = random.pick(EDITED_E164)
    const shown = formatted.get(e164)!
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
    await openDialogOf(row, sorts)

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

    const outcomes: string[] = []
    for (let savesAgain = 0; ; savesAgain++) {
      const before = await page.evaluate(() => {
        const save = Array.from(document.querySelectorAll('[role="dialog"] button')).find(
          (b) => b.textContent === 'Save',
        )
        return {
          enabled: save instanceof HTMLButtonElement && !save.disabled,
          alerts: (window as unknown as ChaosWindow).__chaos.alerts,
        }
      })
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
    // Diagnostic, not asserted: after a failure or conflict, the row (faults still on) against the model.
    const stale = outcomes.every((outcome) => outcome === 'saved') ? [] : compareWithModel(await snapshot(page), shown)
    if (stale.length > 0)
      staleAfterEdit.push(`#${index} ${stale.map(describeDivergence).join('; ')} after ${outcomes.join(' → ')}`)
    log.push(
      `#${index} ${shown}: ${steps.join('; ')} ⇒ ${outcomes.join(' → ')}${stale.length > 0 ? ' ⇒ STALE ROW' : ''}`,
    )
  }

  for (let index = 1; index <= PLANNED_EDITS && Date.now() - startedAt < BUDGET_MS; index++) {
    stats.attempted++
    try {
      await edit(index)
    } catch (error) {
      log.push(`#${index} failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
      await attachLog(log)
      throw error
    }
  }
  const editSeconds = (Date.now() - startedAt) / 1000

  // Faults off. The page is not reloaded and the test triggers no refetch (unless the list shows its error state).
  const fromPage = await page.evaluate(() => {
    const w = window as unknown as ChaosWindow
    const result = {
      injected: { ...w.__demoBackend.faults!.injected },
      scenarios: { ...w.__chaos.scenarios },
      requests: { ...w.__chaos.requests },
    }
    w.__demoBackend.configureFaults(null)
    return result
  })
  const requestsBeforeQuiet = api.requests
  await expect(dialog).toBeHidden()
  await recoverReads()
  // Reads the page itself still has going (one retrying with backoff, or its re-read after a save it could
  // not check) land first: no API request in flight and none for longer than the longest read backoff.
  await expect
    .poll(() => api.inFlight === 0 && Date.now() - api.lastActivity > QUIET_MS, {
      message: 'the page still sends API requests after the faults stopped',
      timeout: 30_000,
      intervals: [250],
    })
    .toBe(true)
  const requestsAfterFaults = api.requests - requestsBeforeQuiet

  const divergences = compareWithModel(await snapshot(page))
  if (await page.getByText('· updating…').isVisible()) {
    divergences.push({ number: '(table)', cell: 'summary', shown: '· updating… (placeholder rows)', model: 'settled' })
  }

  const summary = [
    `seed ${SEED}`,
    `edits attempted ${stats.attempted} (planned ${PLANNED_EDITS}, ${editSeconds.toFixed(0)} s)`,
    `saves succeeded ${stats.saved}`,
    `failures shown ${stats.failuresShown}`,
    `conflicts shown ${stats.conflictsShown}`,
    `saved again ${stats.retries}`,
    `cancelled after a failure or conflict ${stats.cancelled}`,
    `nothing left to save ${stats.nothingToSave}`,
    `sort changes ${stats.sortChanges}`,
    `list Retry clicks ${stats.listRetryClicks}`,
    `agents Retry clicks ${stats.agentsRetryClicks}`,
    `injected ${formatCounts(fromPage.injected)}`,
    `requests while faulty ${formatCounts(fromPage.requests)}`,
    `fault scenarios (endpoint:kind) ${Object.keys(fromPage.scenarios).filter((key) => !key.endsWith(':concurrent')).length} of ${POSSIBLE_SCENARIOS}: ${formatCounts(fromPage.scenarios)}`,
    `expected network errors in the console ${expectedNetworkErrors}: ${[...expectedKinds].join(' / ')}`,
    `rows differing from the model right after their edit (diagnostic: faults on, the page may still be re-reading) ${staleAfterEdit.length}`,
    `API requests the page sent after the faults stopped (its own) ${requestsAfterFaults}`,
    `divergences ${divergences.length}`,
  ].join('\n')
  console.log(`chaos summary\n${summary}`)
  for (const line of staleAfterEdit) console.log(`stale after edit: ${line}`)
  for (const d of divergences) console.log(`divergence: ${describeDivergence(d)}`)
  test.info().annotations.push({ type: 'chaos summary', description: summary })
  await attachLog(log)

  expect(pageErrors, 'errors thrown in the page').toEqual([])
  expect(consoleErrors, 'console errors other than the injected network failures').toEqual([])
  expect(
    divergences.map(describeDivergence),
    'cells that differ from the model after the faults stopped (no reload, no refetch by the test)',
  ).toEqual([])
  expect(stats.attempted, `at least ${MIN_EDITS} edits within the time budget`).toBeGreaterThanOrEqual(MIN_EDITS)
})

interface Snapshot {
  /** The text of the first four cells (Number, Nickname, Inbound, Outbound) of every row shown. */
  rows: string[][]
  numbers: ChaosNumber[]
  agents: ModelAgent[]
}

/** What the table shows and what the model holds, read at the same moment. */
async function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => {
    const { workspace } = (window as unknown as ChaosWindow).__demoBackend
    const rows = Array.from(document.querySelectorAll('tr'), (row) =>
      Array.from(row.querySelectorAll('td'), (cell) => cell.textContent ?? '').slice(0, 4),
    ).filter((cells) => cells.length === 4)
    return { rows, numbers: workspace.allNumbers(), agents: workspace.listAgents().data }
  })
}

/**
 * Every shown row (or only the row of `only`, a formatted number) against the model, rendered by hand as
 * the table renders it. A slot whose agent and version match but whose note differs (" · v3 available",
 * "archived": derived from the agents' published versions and archiving) is a "version note" divergence.
 */
function compareWithModel({ rows, numbers, agents }: Snapshot, only?: string): Divergence[] {
  const versions = new Map(agents.flatMap((agent) => agent.versions.map((v) => [v.id, { agent, version: v }] as const)))
  const slotText = (versionId: string | null): [lead: string, note: string] => {
    if (versionId === null) return ['None', '']
    const entry = versions.get(versionId)
    if (!entry) return [`(unknown version ${versionId})`, '']
    const newest = Math.max(...entry.agent.versions.filter((v) => v.published).map((v) => v.version))
    const lead = `${entry.agent.name} · v${entry.version.version}`
    return [
      lead,
      `${entry.agent.archived_at ? 'archived' : ''}${newest > entry.version.version ? ` · v${newest} available` : ''}`,
    ]
  }
  const byTitle = new Map(numbers.map((n) => [`${formatNumber(n.phone_number)}${n.country_code}`, n]))

  const divergences: Divergence[] = []
  for (const [numberCell = '', nicknameCell = '', inboundCell = '', outboundCell = ''] of rows) {
    const match = [...byTitle].find(([title]) => numberCell.startsWith(title))
    const title = match ? formatNumber(match[1].phone_number) : numberCell
    if (only !== undefined && title !== only) continue
    if (!match) {
      divergences.push({ number: numberCell, cell: 'Number', shown: numberCell, model: '(no such number)' })
      continue
    }
    const number = match[1]
    const nickname = `${number.nickname ?? 'No nickname'}${number.label ? `Label: ${number.label}` : ''}`
    if (nicknameCell !== nickname)
      divergences.push({ number: title, cell: 'Nickname', shown: nicknameCell, model: nickname })
    for (const [cell, shown, versionId] of [
      ['Inbound', inboundCell, number.inbound_agent_version_id],
      ['Outbound', outboundCell, number.outbound_agent_version_id],
    ] as const) {
      const [lead, note] = slotText(versionId)
      const sameLead =
        lead === 'None' ? shown === 'None' : shown.startsWith(lead) && !/^\d/.test(shown.slice(lead.length))
      if (!sameLead) divergences.push({ number: title, cell, shown, model: lead + note })
      else if (shown !== lead + note)
        divergences.push({ number: title, cell: `${cell} version note`, shown, model: lead + note })
    }
  }
  if (only === undefined) {
    const expectedRows = Math.min(numbers.length, 50)
    if (rows.length !== expectedRows) {
      divergences.push({ number: '(table)', cell: 'rows', shown: String(rows.length), model: String(expectedRows) })
    }
  }
  return divergences
}

const describeDivergence = (d: Divergence) =>
  `${d.number} ${d.cell}: shown ${JSON.stringify(d.shown)}, model ${JSON.stringify(d.model)}`

/** Counts alerts inserted inside the dialog, so a Save's outcome is told from the previous attempt's alert. */
async function countDialogAlerts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as ChaosWindow
    w.__chaos = { alerts: 0, scenarios: {}, requests: {} }
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue
          const alerts = node.matches('[role="alert"]') ? [node] : Array.from(node.querySelectorAll('[role="alert"]'))
          if (alerts.some((alert) => alert.closest('[role="dialog"]'))) w.__chaos.alerts++
        }
      }
    }).observe(document.body, { childList: true, subtree: true })
  })
}

/** 'closed' (saved), or the texts of the alerts the dialog shows (a failure or a conflict). */
async function waitForOutcome(page: Page, alertsBefore: number): Promise<'closed' | string[]> {
  const handle = await page.waitForFunction(
    (before) => {
      const dialog = document.querySelector('[role="dialog"]')
      if (!dialog) return 'closed'
      if ((window as unknown as ChaosWindow).__chaos.alerts <= before) return false
      return Array.from(dialog.querySelectorAll('[role="alert"]'), (alert) => alert.textContent ?? '')
    },
    alertsBefore,
    { timeout: OUTCOME_TIMEOUT_MS },
  )
  return (await handle.jsonValue()) as 'closed' | string[]
}

/** Whether the list's error state or the agents banner is shown (each has a Retry button). */
async function readErrorsShown(page: Page): Promise<{ list: boolean; agents: boolean }> {
  return page.evaluate(() => {
    const texts = Array.from(document.querySelectorAll('[role="alert"]'))
      .filter((alert) => !alert.closest('[role="dialog"]'))
      .map((alert) => alert.textContent ?? '')
    return {
      list: texts.some((text) => text.includes('The numbers could not be loaded')),
      agents: texts.some((text) => text.includes('Agent names could not be loaded')),
    }
  })
}

/**
 * Opens a Radix Select and clicks the option `choose` names among the others than the selected one;
 * when it names none, closes the listbox with Escape. Returns the option clicked, or null.
 */
async function chooseRandomly(
  page: Page,
  dialog: Locator,
  combobox: string,
  choose: (others: string[]) => string | null,
): Promise<string | null> {
  await dialog.getByRole('combobox', { name: combobox, exact: true }).click()
  // The open listbox's options by name (the ✓ of the selected one is aria-hidden, so it is left out).
  const listed = await page.waitForFunction(
    () => {
      const options = Array.from(document.querySelectorAll('[role="listbox"] [role="option"]'))
      if (options.length === 0) return null
      return options.map((option) => {
        const copy = option.cloneNode(true) as Element
        copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove())
        return { name: (copy.textContent ?? '').trim(), selected: option.getAttribute('aria-selected') === 'true' }
      })
    },
    undefined,
    { timeout: 5_000 },
  )
  const options = (await listed.jsonValue())!
  const name = choose(options.filter((option) => !option.selected).map((option) => option.name))
  if (name === null) {
    await page.keyboard.press('Escape')
    return null
  }
  // Radix closes the listbox as the option is clicked; the next click would wait for it anyway.
  await page
    .getByRole('listbox')
    .getByRole('option')
    .nth(options.findIndex((option) => option.name === name))
    .click()
  return name
}

/** Clicks the button; false when it is (or just became) disabled instead. */
async function clickUnlessDisabled(button: Locator): Promise<boolean> {
  try {
    await button.click({ timeout: 2_000 })
    return true
  } catch (error) {
    if (await button.isEnabled()) throw error
    return false
  }
}

async function cancel(page: Page, dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
}

/**
 * The injected network failures as Chromium logs them: an error status from the demo backend
 * (500, 502, 503, 429) or a request msw failed with HttpResponse.error(). Nothing else is expected.
 */
function isInjectedNetworkFailure(message: ConsoleMessage): boolean {
  const { url } = message.location()
  const api = url !== '' && new URL(url).pathname.startsWith('/v1/')
  const text = message.text()
  return (
    api &&
    (/^Failed to load resource: the server responded with a status of (429|500|502|503)\b/.test(text) ||
      text === 'Failed to load resource: net::ERR_FAILED')
  )
}

function formatCounts(counts: Record<string, number>): string {
  return (
    Object.entries(counts)
      .filter(([, count]) => count > 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, count]) => `${key}=${count}`)
      .join(' ') || 'none'
  )
}

const WORDS = ['Desk', 'Line', 'Hotline', 'Clinic', 'Überlauf', 'Línea', 'Night', 'Backup', 'Main', 'Sales']

function randomText(random: Random, field: 'Nickname' | 'Label'): string {
  const text = field === 'Nickname' ? `${random.pick(WORDS)} ${random.int(1000)}` : `chaos-${random.int(100)}`
  // Sometimes with spaces around it, which the server trims.
  return random.chance(0.1) ? `  ${text} ` : text
}

/** Every edit and its outcome, kept next to the trace (test-results/…/chaos-edits.txt) and in the report. */
async function attachLog(log: string[]): Promise<void> {
  const path = test.info().outputPath('chaos-edits.txt')
  await writeFile(path, `${log.join('\n')}\n`)
  await test.info().attach('chaos edits', { path, contentType: 'text/plain' })
}

interface Random {
  chance: (probability: number) => boolean
  int: (below: number) => number
  pick: <T>(items: readonly T[]) => T
}

/** mulberry32: tiny, fast and good enough to make runs replayable. */
function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    chance: (probability) => next() < probability,
    int: (below) => Math.floor(next() * below),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  }
}

function readInt(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback
  const parsed = Number(value)
  if (!Number.isSafeInteger(parsed)) throw new Error(`Not an integer: ${value}`)
  return parsed
}
