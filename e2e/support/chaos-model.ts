import type { Page } from '@playwright/test'
import { formatNumber, type ModelNumber } from './phone-numbers'
import { demoBackendReady } from './demo-backend'

/** The chaos test's view of the demo backend's model and of the table, and how the two are compared. */

interface ModelAgent {
  id: string
  name: string
  archived_at: string | null
  versions: { id: string; version: number; published: boolean }[]
}

type ChaosNumber = ModelNumber & {
  country_code: string
  inbound_canary: { agent_version_id: string; percent: number } | null
}

/** What the test reads in the page: the demo backend's model (e2e/support/demo-backend.ts) and its own counter. */
export interface ChaosWindow {
  __demoBackend: {
    allNumbers: () => Promise<ChaosNumber[]>
    listAgents: () => Promise<{ data: ModelAgent[] }>
  }
  __chaos: {
    /** Alerts that appeared inside the dialog (a failure or a conflict), counted as they are inserted. */
    alerts: number
  }
}

export interface Divergence {
  number: string
  cell: string
  shown: string
  model: string
}

interface Snapshot {
  /** The text of the first four cells (Number, Nickname, Inbound, Outbound) of every row shown. */
  rows: string[][]
  numbers: ChaosNumber[]
  agents: ModelAgent[]
}

/** What the model holds and, right after, what the table shows (taken when no request is in flight). */
export async function snapshot(page: Page): Promise<Snapshot> {
  await demoBackendReady(page)
  return page.evaluate(async () => {
    const backend = (window as unknown as ChaosWindow).__demoBackend
    const [numbers, agents] = await Promise.all([backend.allNumbers(), backend.listAgents()])
    // By column class, not position: the row's checkbox cell comes first.
    const columns = ['col-number', 'col-nickname', 'col-inbound', 'col-outbound']
    const rows = Array.from(document.querySelectorAll('tr'), (row) =>
      columns.map((column) => row.querySelector(`td.${column}`)?.textContent ?? null),
    ).filter((cells): cells is string[] => cells.every((cell) => cell !== null))
    return { rows, numbers, agents: agents.data }
  })
}

/**
 * Every shown row (or only the row of `only`, a formatted number) against the model, rendered by hand as
 * the table renders it. A slot whose agent and version match but whose note differs (" · v3 available",
 * "archived": derived from the agents' published versions and archiving) is a "version note" divergence.
 */
export function compareWithModel({ rows, numbers, agents }: Snapshot, only?: string): Divergence[] {
  const versions = new Map(agents.flatMap((agent) => agent.versions.map((v) => [v.id, { agent, version: v }] as const)))
  const slotText = (versionId: string | null): [lead: string, note: string] => {
    if (versionId === null) return ['None', '']
    const entry = versions.get(versionId)
    if (!entry) return [`(unknown version ${versionId})`, '']
    const newest = Math.max(...entry.agent.versions.filter((v) => v.published).map((v) => v.version))
    const lead = `${entry.agent.name} · v${entry.version.version}`
    // An archived agent's versions cannot be deployed, so a newer one is no upgrade to offer (domain/number-view.ts).
    if (entry.agent.archived_at) return [lead, 'archived']
    return [lead, newest > entry.version.version ? ` · v${newest} available` : '']
  }
  // The inbound canary beside its slot: "+ v3 10 %" (the slot's agent), "+ Billing Assistant v1 5 %" (another).
  const canaryText = (number: ChaosNumber): string => {
    if (!number.inbound_canary) return ''
    const canary = versions.get(number.inbound_canary.agent_version_id)
    const slotAgent = versions.get(number.inbound_agent_version_id ?? '')?.agent
    const name = !canary
      ? 'an unknown version'
      : canary.agent === slotAgent
        ? `v${canary.version.version}`
        : `${canary.agent.name}${canary.agent.archived_at ? ' (archived)' : ''} v${canary.version.version}`
    return ` + ${name} ${number.inbound_canary.percent} %`
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
    for (const [cell, shown, versionId, canary] of [
      ['Inbound', inboundCell, number.inbound_agent_version_id, canaryText(number)],
      ['Outbound', outboundCell, number.outbound_agent_version_id, ''],
    ] as const) {
      const [slot, note] = slotText(versionId)
      const lead = slot + canary
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

export const describeDivergence = (d: Divergence) =>
  `${d.number} ${d.cell}: shown ${JSON.stringify(d.shown)}, model ${JSON.stringify(d.model)}`
