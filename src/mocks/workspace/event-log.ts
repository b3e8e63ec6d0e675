import type { Paging } from '@/mocks/workspace/list-query'
import {
  EVENTS_KEPT,
  eventFields,
  type ChangeEvent,
  type EventChange,
  type EventField,
  type EventList,
  type InboundCanary,
} from '@/types/api'

/**
 * The workspace's change history (GET /v1/events): one event per changed number per write, kept
 * in order of `at` then `id`, bounded to the newest EVENTS_KEPT. Events are never changed; the
 * oldest fall off the end.
 */

/** An event as stored in the browser: compact, since ten thousand of them share localStorage with the numbers. */
export type StoredEvent = [
  id: string,
  atMs: number,
  actor: string,
  reason: string | null,
  phoneNumberId: string,
  changes: [field: number, from: StoredValue, to: StoredValue][],
]
type StoredValue = string | InboundCanary | null

export interface EventQuery extends Paging {
  phoneNumberId: string | undefined
  /** The versions of the `agent_id` filter's agent (none: the agent does not exist). */
  agentVersionIds: ReadonlySet<string> | undefined
}

export class EventLog {
  /** Oldest first. */
  private readonly events: ChangeEvent[] = []
  private readonly ids = new Set<string>()
  /** Events that came with the workspace (the seed's history): not part of what persists. */
  private readonly seeded = new Set<string>()
  private lastSequence = 0
  /** Events recorded here since takeRecorded last ran (not those added from elsewhere). */
  private recorded: ChangeEvent[] = []

  /** `idTag` keeps two browser tabs, each numbering its own events, from ever giving two events one id. */
  constructor(private readonly idTag = '') {}

  /** Adds events written elsewhere: the seed's history, stored ones, another tab's. An id already here is skipped. */
  add(events: readonly ChangeEvent[], { seeded = false } = {}): void {
    for (const event of events) {
      if (this.ids.has(event.id)) continue
      if (seeded) this.seeded.add(event.id)
      this.insert(copyEvent(event))
    }
    this.trim()
  }

  record(event: Omit<ChangeEvent, 'id'>): ChangeEvent {
    const recorded = { ...event, id: `evt_${String(this.lastSequence + 1).padStart(8, '0')}${this.idTag}` }
    this.insert(recorded)
    this.trim()
    this.recorded.push(recorded)
    if (this.recorded.length > EVENTS_KEPT) this.recorded.splice(0, this.recorded.length - EVENTS_KEPT)
    return copyEvent(recorded)
  }

  /** Newest first: by `at`, then by `id`. */
  list({ phoneNumberId, agentVersionIds, page, limit }: EventQuery): EventList {
    const start = (page - 1) * limit
    const data: ChangeEvent[] = []
    let total = 0
    for (let k = this.events.length - 1; k >= 0; k--) {
      const event = this.events[k]!
      if (phoneNumberId !== undefined && event.phone_number_id !== phoneNumberId) continue
      if (agentVersionIds !== undefined && !event.changes.some((change) => touches(change, agentVersionIds))) continue
      if (total >= start && data.length < limit) data.push(copyEvent(event))
      total++
    }
    return { data, page, limit, total }
  }

  /** The events recorded since the last call, compact, oldest first, and forgets them. */
  takeRecorded(): StoredEvent[] {
    const taken = this.recorded.map(compactEvent)
    this.recorded = []
    return taken
  }

  /** Every event not from the seed, compact, oldest first: what persists. */
  stored(): StoredEvent[] {
    return this.events.filter((event) => !this.seeded.has(event.id)).map(compactEvent)
  }

  get size(): number {
    return this.events.length
  }

  private insert(event: ChangeEvent): void {
    // Almost always the newest: look from the end.
    let k = this.events.length
    while (k > 0 && compareEvents(this.events[k - 1]!, event) > 0) k--
    this.events.splice(k, 0, event)
    this.ids.add(event.id)
    this.lastSequence = Math.max(this.lastSequence, sequenceOf(event.id))
  }

  private trim(): void {
    const excess = this.events.length - EVENTS_KEPT
    if (excess <= 0) return
    for (const event of this.events.splice(0, excess)) {
      this.ids.delete(event.id)
      this.seeded.delete(event.id)
    }
  }
}

/** Oldest first: by `at` (ISO strings of one format compare as text), then by `id`. */
export function compareEvents(a: Pick<ChangeEvent, 'at' | 'id'>, b: Pick<ChangeEvent, 'at' | 'id'>): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

export function compactEvent(event: ChangeEvent): StoredEvent {
  return [
    event.id,
    Date.parse(event.at),
    event.actor,
    event.reason,
    event.phone_number_id,
    event.changes.map((change) => [eventFields.indexOf(change.field), change.from, change.to]),
  ]
}

/** A stored event back in full, given the number's E.164 form; null when it is not an event of this shape. */
export function expandEvent(stored: StoredEvent, phoneNumber: string): ChangeEvent | null {
  const [id, atMs, actor, reason, phoneNumberId, changes] = stored
  if (typeof id !== 'string' || typeof atMs !== 'number' || !Array.isArray(changes)) return null
  return {
    id,
    at: new Date(atMs).toISOString(),
    actor,
    reason,
    phone_number_id: phoneNumberId,
    phone_number: phoneNumber,
    changes: changes.map(([field, from, to]) => ({ field: eventFields[field] as EventField, from, to }) as EventChange),
  }
}

function touches(change: EventChange, versionIds: ReadonlySet<string>): boolean {
  if (change.field === 'inbound_canary') {
    return versionIds.has(change.from?.agent_version_id ?? '') || versionIds.has(change.to?.agent_version_id ?? '')
  }
  if (change.field !== 'inbound_agent_version_id' && change.field !== 'outbound_agent_version_id') return false
  return versionIds.has(change.from ?? '') || versionIds.has(change.to ?? '')
}

function sequenceOf(id: string): number {
  const match = /^evt_(\d+)/.exec(id)
  return match ? Number(match[1]) : 0
}

function copyEvent(event: ChangeEvent): ChangeEvent {
  return {
    ...event,
    changes: event.changes.map((change) =>
      change.field === 'inbound_canary'
        ? { field: change.field, from: change.from && { ...change.from }, to: change.to && { ...change.to } }
        : { ...change },
    ),
  }
}
