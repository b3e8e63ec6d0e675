import { agentArchived, insufficientScope, notFound, validationFailed } from '@/mocks/api-failure'
import { ApiKeys, type ApiKey } from '@/mocks/workspace/api-keys'
import { parseCanaryRequest, requireCanarySlot, requireDeployable, sameCanary } from '@/mocks/workspace/canary'
import { parseListQuery } from '@/mocks/workspace/list-query'
import { listNumbers } from '@/mocks/workspace/number-listing'
import type { NumberSource, SlotField } from '@/mocks/workspace/number-source'
import { NumberRows } from '@/mocks/workspace/number-rows'
import {
  EXPECTED_UPDATED_AT,
  parseExpectedTime,
  parsePublishPreconditions,
  requireUnchanged,
} from '@/mocks/workspace/preconditions'
import { deployUpdate, unassignUpdate, withCanaryFollowing, type NumberUpdate } from '@/mocks/workspace/publish-plan'
import { namesWebhookUrl, parsePatchRequest, parsePublishRequest, requireE164 } from '@/mocks/workspace/request-parsing'
import {
  MAX_NUMBERS_PER_PUBLISH,
  type Agent,
  type AgentUsage,
  type AgentVersion,
  type Me,
  type PhoneNumber,
  type PhoneNumberList,
  type Scope,
} from '@/types/api'

/**
 * The demo backend's in-memory workspace: every rule of ../shared/API.md, as plain methods that
 * either return the response body or throw an ApiFailure. The msw handlers only translate HTTP;
 * parsing requests (workspace/request-parsing.ts), keys (workspace/api-keys.ts) and keeping rows,
 * sort orders and search (workspace/number-rows.ts) live beside it. Every write validates
 * everything first, in the order of API.md's "Errors" (404, 400 for the request itself,
 * agent_archived, version_not_published, 409, then 400s of the number's state), and then applies,
 * so an error never leaves a partial change.
 */

export interface WorkspaceData {
  workspace: { id: string; name: string }
  /** Plain records, or a source that builds them on demand (the seed). */
  numbers: PhoneNumber[] | NumberSource
  agents: Agent[]
  keys: Record<string, ApiKey>
}

/** What differs from the seed: enough to persist a 100,000-number workspace in a few kilobytes. */
export interface WorkspaceChanges {
  numbers: PhoneNumber[]
  publishedVersionIds: string[]
  /** `updated_at` of every agent a publish touched (optional: older stored changes lack it). */
  agentsUpdatedAt?: Record<string, string>
}

type Clock = () => Date

/** Who writes, and why: the key (its name is the event's actor; the webhook URL needs its agents:manage) and X-Change-Reason as sent. */
export interface WriteContext {
  /** Absent for calls made on the Workspace directly (tests, tools): all scopes. */
  key?: ApiKey
  reason?: string | null
}

export class Workspace {
  readonly info: WorkspaceData['workspace']
  private readonly rows: NumberRows
  private readonly agents: Agent[]
  private readonly versions = new Map<string, { agent: Agent; version: AgentVersion }>()
  private readonly keys: ApiKeys
  private readonly publishedVersionIds = new Set<string>()
  private readonly agentsUpdatedAt = new Map<string, string>()
  private readonly clock: Clock

  constructor(data: WorkspaceData, clock: Clock = () => new Date()) {
    this.info = { ...data.workspace }
    this.rows = new NumberRows(data.numbers)
    // API.md: each agent lists its versions newest last, whatever order the data holds them in.
    this.agents = data.agents.map((a) => ({
      ...a,
      versions: a.versions.map((v) => ({ ...v })).sort((x, y) => x.version - y.version),
    }))
    this.keys = new ApiKeys(data.keys)
    this.clock = clock
    for (const agent of this.agents) {
      for (const version of agent.versions) this.versions.set(version.id, { agent, version })
    }
  }

  // ---- authentication -------------------------------------------------------------------

  /** Resolves the `Authorization` header to a key, or throws 401. */
  authenticate(authorization: string | null): ApiKey {
    return this.keys.authenticate(authorization)
  }

  /** Throws 401 or 403 unless the header names a valid key with this scope. */
  authorize(authorization: string | null, scope: Scope): ApiKey {
    return this.keys.authorize(authorization, scope)
  }

  me(authorization: string | null): Me {
    const key = this.authenticate(authorization)
    return { workspace: { ...this.info }, key_name: key.name, scopes: [...key.scopes] }
  }

  revokeKey(secret: string): void {
    this.keys.revoke(secret)
  }

  addKey(secret: string, key: ApiKey): void {
    this.keys.add(secret, key)
  }

  // ---- reads ----------------------------------------------------------------------------

  listPhoneNumbers(query: URLSearchParams): PhoneNumberList {
    const parsed = parseListQuery(query)
    return listNumbers(this.rows, parsed, parsed.agentId ? this.versionIdsOfAgent(parsed.agentId) : null)
  }

  getPhoneNumber(id: string): PhoneNumber {
    return this.rows.record(this.findIndex(id))
  }

  listAgents(): { data: Agent[] } {
    return { data: this.agents.map((a) => ({ ...a, versions: a.versions.map((v) => ({ ...v })) })) }
  }

  /** How many numbers use each version of the agent now (maintained counters: no rows are read). */
  agentUsage(agentId: string): AgentUsage {
    const agent = this.agents.find((a) => a.id === agentId)
    if (!agent) throw notFound(`No agent ${agentId} in this workspace.`)
    const slots = this.rows.slots()
    return {
      data: agent.versions.map(({ id }) => ({
        version_id: id,
        inbound: slots.count('inbound', id),
        outbound: slots.count('outbound', id),
        canary: slots.count('canary', id),
      })),
    }
  }

  // ---- writes ---------------------------------------------------------------------------

  patchPhoneNumber(id: string, body: unknown, context: WriteContext = {}): PhoneNumber {
    // A 403, so before the 404: the webhook URL needs agents:manage even when it is sent unchanged.
    if (context.key && namesWebhookUrl(body) && !context.key.scopes.includes('agents:manage')) {
      throw insufficientScope('agents:manage')
    }
    const index = this.findIndex(id)
    const { update, expectedUpdatedAt } = parsePatchRequest(body)
    requireUnchanged([{ number: this.rows.record(index), expected: expectedUpdatedAt }])
    this.write(index, update, context)
    return this.rows.record(index)
  }

  publish(agentId: string, versionId: string, body: unknown, context: WriteContext = {}): { data: PhoneNumber[] } {
    const agent = this.agents.find((a) => a.id === agentId)
    if (!agent) throw notFound(`No agent ${agentId} in this workspace.`)
    const version = agent.versions.find((v) => v.id === versionId)
    if (!version) throw notFound(`Agent ${agentId} has no version ${versionId}.`)

    const { deploy, unassign, direction, expectedUpdatedAt } = parsePublishRequest(body)
    const total = (deploy?.length ?? 0) + (unassign?.length ?? 0)
    if (total > MAX_NUMBERS_PER_PUBLISH) {
      throw validationFailed(`At most ${MAX_NUMBERS_PER_PUBLISH} numbers in one call (got ${total}).`)
    }
    const deployTargets = this.resolveNumbers(deploy ?? [], 'phone_numbers')
    const unassignTargets = this.resolveNumbers(unassign ?? [], 'unassign_phone_numbers')
    const both = [...new Set(deploy)].filter((e164) => unassign?.includes(e164))
    if (both.length > 0) {
      throw validationFailed(`A number cannot be deployed and unassigned in one call: ${both.join(', ')}.`, [
        { field: 'unassign_phone_numbers', message: `also in phone_numbers: ${both.join(', ')}` },
      ])
    }
    const expected = parsePublishPreconditions(expectedUpdatedAt, new Set([...(deploy ?? []), ...(unassign ?? [])]))
    if (agent.archived_at !== null && (deploy !== undefined || !version.published)) {
      throw agentArchived(
        deploy !== undefined
          ? `Agent ${agent.name} is archived: its versions cannot be deployed.`
          : `Agent ${agent.name} is archived: its draft v${version.version} cannot be published.`,
      )
    }
    requireUnchanged([...expected].map(([e164, time]) => ({ number: this.numberByE164(e164)!, expected: time })))

    // 1. publish
    if (!version.published) {
      version.published = true
      agent.updated_at = this.clock().toISOString()
      this.publishedVersionIds.add(version.id)
      this.agentsUpdatedAt.set(agent.id, agent.updated_at)
    }
    // 2. deploy, 3. unassign (only slots holding a version of this agent), 4. the canary follows its slot
    for (const index of deployTargets)
      this.write(index, deployUpdate(this.rows.record(index), version.id, direction), context)
    const ofAgent = (held: string) => this.versions.get(held)?.agent.id === agent.id
    for (const index of unassignTargets)
      this.write(index, unassignUpdate(this.rows.record(index), ofAgent, direction), context)
    return { data: [...new Set([...deployTargets, ...unassignTargets])].map((index) => this.rows.record(index)) }
  }

  putInboundCanary(id: string, body: unknown, context: WriteContext = {}): PhoneNumber {
    const index = this.findIndex(id)
    const { versionId, percent, expectedUpdatedAt } = parseCanaryRequest(body)
    const entry = this.versions.get(versionId)
    if (!entry) {
      throw validationFailed(`No agent version ${versionId} in this workspace.`, [
        { field: 'agent_version_id', message: 'no such version' },
      ])
    }
    requireDeployable(entry.agent, entry.version)
    const number = this.rows.record(index)
    requireUnchanged([{ number, expected: expectedUpdatedAt }])
    requireCanarySlot(number, versionId)
    this.write(index, { inbound_canary: { agent_version_id: versionId, percent } }, context)
    return this.rows.record(index)
  }

  /** `query`: the request's query string (an optional expected_updated_at; empty counts as absent). */
  deleteInboundCanary(id: string, query = new URLSearchParams(), context: WriteContext = {}): PhoneNumber {
    const index = this.findIndex(id)
    const expected = parseExpectedTime(query.get(EXPECTED_UPDATED_AT) || undefined)
    requireUnchanged([{ number: this.rows.record(index), expected }])
    this.write(index, { inbound_canary: null }, context)
    return this.rows.record(index)
  }

  // ---- demo support ---------------------------------------------------------------------

  /** Simulates another admin's change, bypassing the API (used by fault injection and tests); the canary follows the inbound slot. */
  setSlots(id: string, slots: Partial<Pick<PhoneNumber, SlotField>>): PhoneNumber {
    const index = this.findIndex(id)
    this.write(index, withCanaryFollowing(this.rows.record(index), slots), {})
    return this.rows.record(index)
  }

  /** Builds search and sort indices ahead of the first request that needs them, a few milliseconds per step. */
  prepare(): Generator<void, void, void> {
    return this.rows.prepare()
  }

  /** One number by its E.164 form, or undefined. */
  numberByE164(e164: string): PhoneNumber | undefined {
    const index = this.rows.indexOfPhoneNumber(e164)
    return index === undefined ? undefined : this.rows.record(index)
  }

  /** All numbers, in source order (tests compare the page against this). */
  allNumbers(): PhoneNumber[] {
    return Array.from({ length: this.size }, (_, index) => this.rows.record(index))
  }

  get size(): number {
    return this.rows.size
  }

  changes(): WorkspaceChanges {
    return {
      numbers: this.rows.changedRecords(),
      publishedVersionIds: [...this.publishedVersionIds],
      agentsUpdatedAt: Object.fromEntries(this.agentsUpdatedAt),
    }
  }

  /** Takes in stored changes (a reload, another tab's writes); a number held in a later state than the stored one keeps it. */
  applyChanges(changes: WorkspaceChanges): void {
    for (const saved of changes.numbers) {
      const index = this.rows.indexOfId(saved.id)
      if (index === undefined || this.rows.phoneNumber(index) !== saved.phone_number) continue
      if (this.rows.record(index).updated_at > saved.updated_at) continue
      this.rows.write(index, saved, saved.updated_at)
    }
    for (const id of changes.publishedVersionIds) {
      const entry = this.versions.get(id)
      if (!entry) continue
      entry.version.published = true
      this.publishedVersionIds.add(id)
    }
    for (const [agentId, updatedAt] of Object.entries(changes.agentsUpdatedAt ?? {})) {
      const agent = this.agents.find((a) => a.id === agentId)
      if (!agent || typeof updatedAt !== 'string') continue
      agent.updated_at = updatedAt
      this.agentsUpdatedAt.set(agentId, updatedAt)
    }
  }

  // ---- internals ------------------------------------------------------------------------

  private findIndex(id: string): number {
    const index = this.rows.indexOfId(id)
    if (index === undefined) throw notFound(`No phone number ${id} in this workspace.`)
    return index
  }

  /**
   * Writes the fields of `update` that differ from the number's values. A write that changes
   * nothing leaves the number (and its `updated_at`) as it was; any other moves `updated_at`
   * forward, by a millisecond past the last one when the clock has not moved.
   */
  private write(index: number, update: NumberUpdate, _context: WriteContext): void {
    const before = this.rows.record(index)
    const changed: NumberUpdate = {}
    for (const [field, value] of Object.entries(update) as [keyof NumberUpdate, NumberUpdate[keyof NumberUpdate]][]) {
      const same =
        field === 'inbound_canary'
          ? sameCanary(before[field], value as PhoneNumber['inbound_canary'])
          : before[field] === value
      if (!same) Object.assign(changed, { [field]: value })
    }
    if (Object.keys(changed).length === 0) return
    const updatedAt = Math.max(this.clock().getTime(), Date.parse(before.updated_at) + 1)
    this.rows.write(index, changed, new Date(updatedAt).toISOString())
  }

  /** Indices of the numbers, deduplicated, or a 400 naming every entry that is not one of them. */
  private resolveNumbers(list: string[], field: string): number[] {
    requireE164(list, field)
    const indices = list.map((e164) => this.rows.indexOfPhoneNumber(e164))
    const unknown = list.filter((_, k) => indices[k] === undefined)
    if (unknown.length > 0) {
      throw validationFailed(
        `Not a number of this workspace: ${unknown.join(', ')}.`,
        unknown.map(() => ({ field, message: 'not in this workspace' })),
      )
    }
    return [...new Set(indices as number[])]
  }

  private versionIdsOfAgent(agentId: string): string[] {
    return this.agents.find((a) => a.id === agentId)?.versions.map((v) => v.id) ?? []
  }
}
