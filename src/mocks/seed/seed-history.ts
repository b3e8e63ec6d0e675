import type { Agent, ChangeEvent, EventChange, PhoneNumber } from '@/types/api'

/**
 * The seeded change history of the curated numbers: a few believable events each, consistent with
 * the number as the seed holds it. Each field's events chain (one's `to` is the next one's `from`)
 * and end at the number's current value; the newest event's `at` is the number's `updated_at`; all
 * of them fall after its `created_at`. Generated numbers get none.
 */

const HOUR = 3_600_000
/** Between two seeded events of one number: the newest at `updated_at`, the others before it. */
const SPACING = 5 * HOUR

interface Draft {
  actor: string
  reason: string | null
  changes: EventChange[]
}

export function seedHistory(curated: readonly PhoneNumber[], agents: readonly Agent[]): ChangeEvent[] {
  const versions = new Map(agents.flatMap((agent) => agent.versions.map((v) => [v.id, { agent, version: v }] as const)))
  const events = curated.flatMap((number) => {
    const drafts = historyOf(number, versions)
    const newest = Date.parse(number.updated_at)
    return drafts.map(({ actor, reason, changes }, k) => ({
      at: new Date(newest - (drafts.length - 1 - k) * SPACING).toISOString(),
      actor,
      reason,
      phone_number_id: number.id,
      phone_number: number.phone_number,
      changes,
    }))
  })
  // Ids in the order of time, as a server numbering its events would give them.
  events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
  return events.map((event, k) => ({ id: `evt_${String(k + 1).padStart(8, '0')}`, ...event }))
}

type Versions = Map<string, { agent: Agent; version: Agent['versions'][number] }>

/** Oldest first: set-up, then an upgrade of the inbound version, the canary and the webhook where the number has them. */
function historyOf(number: PhoneNumber, versions: Versions): Draft[] {
  const inbound = number.inbound_agent_version_id
  const entry = inbound === null ? undefined : versions.get(inbound)
  // An inbound version after the first was reached by an upgrade from the one before it.
  const previous = entry && entry.version.version > 1 ? entry.agent.versions[entry.version.version - 2] : undefined
  const setUp: EventChange[] = [
    change('nickname', number.nickname),
    change('label', number.label),
    change('inbound_agent_version_id', previous?.id ?? inbound),
    change('outbound_agent_version_id', number.outbound_agent_version_id),
  ].filter((c) => c.to !== null)
  const drafts: Draft[] = []
  if (setUp.length > 0) drafts.push({ actor: 'demo-admin', reason: 'Set up the new line', changes: setUp })
  else {
    // A number with nothing on it now had something once: its history is never empty.
    drafts.push({ actor: 'demo-admin', reason: null, changes: [change('nickname', 'Spare line')] })
    drafts.push({
      actor: 'demo-admin',
      reason: 'Line released',
      changes: [{ field: 'nickname', from: 'Spare line', to: null }],
    })
  }
  if (previous && entry) {
    drafts.push({
      actor: 'ops-automation',
      reason: `Move v${previous.version} numbers to v${entry.version.version}`,
      changes: [{ field: 'inbound_agent_version_id', from: previous.id, to: entry.version.id }],
    })
  }
  if (number.inbound_webhook_url !== null) {
    drafts.push({
      actor: 'demo-admin',
      reason: 'Per-call variables from the scheduling system',
      changes: [change('inbound_webhook_url', number.inbound_webhook_url)],
    })
  }
  const canary = number.inbound_canary
  if (canary !== null) {
    const tried = versions.get(canary.agent_version_id)
    const name = tried ? `${tried.agent.name} v${tried.version.version}` : canary.agent_version_id
    drafts.push({
      actor: 'another-admin',
      reason: `Try ${name} on ${canary.percent}% of calls`,
      changes: [{ field: 'inbound_canary', from: null, to: { ...canary } }],
    })
  }
  return drafts
}

/** A field set from empty to `to`. */
function change(field: Exclude<EventChange['field'], 'inbound_canary'>, to: string | null): EventChange {
  return { field, from: null, to }
}
