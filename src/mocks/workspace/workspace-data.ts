import type { ApiKey } from '@/mocks/workspace/api-keys'
import type { StoredEvent } from '@/mocks/workspace/event-log'
import type { NumberSource } from '@/mocks/workspace/number-source'
import type { Agent, ChangeEvent, PhoneNumber } from '@/types/api'

/** What a Workspace is built from, what persists of it, and who writes to it. */

export interface WorkspaceData {
  workspace: { id: string; name: string }
  /** Plain records, or a source that builds them on demand (the seed). */
  numbers: PhoneNumber[] | NumberSource
  agents: Agent[]
  keys: Record<string, ApiKey>
  /** The history the workspace starts with (the seed's). */
  events?: ChangeEvent[]
}

/** What differs from the seed: enough to persist a 100,000-number workspace in a few kilobytes (plus its events). */
export interface WorkspaceChanges {
  numbers: PhoneNumber[]
  publishedVersionIds: string[]
  /** `updated_at` of every agent a publish touched (optional: older stored changes lack it). */
  agentsUpdatedAt?: Record<string, string>
  /** Events recorded since the seed, oldest first (optional: older stored changes lack them). */
  events?: StoredEvent[]
}

export interface WorkspaceOptions {
  /** Appended to the ids of the events this workspace records (a browser tab's own tag). */
  eventIdTag?: string
}

/** Who writes, and why: the key (its name is the event's actor; the webhook URL needs its agents:manage) and X-Change-Reason as sent. */
export interface WriteContext {
  /** Absent for calls made on the Workspace directly (tests, tools): all scopes, actor DIRECT_ACTOR. */
  key?: ApiKey
  /** X-Change-Reason as sent: percent-encoded text. */
  reason?: string | null
  /** The actor when no key writes ("another admin"). */
  actor?: string
}

/** The actor of writes made on the Workspace directly, without a key (tests, tools). */
export const DIRECT_ACTOR = 'workspace'
