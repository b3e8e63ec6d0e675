import { agentArchived, insufficientScope, notFound, validationFailed } from '@/mocks/api-failure'
import { AgentStore } from '@/mocks/workspace/agent-store'
import { ANOTHER_ADMIN, anotherAdminUpdate } from '@/mocks/workspace/another-admin'
import { ApiKeys, type ApiKey } from '@/mocks/workspace/api-keys'
import { parseCanaryRequest, requireCanarySlot, requireDeployable, sameCanary } from '@/mocks/workspace/canary'
import { decodeChangeReason } from '@/mocks/workspace/change-reason'
import { EventLog } from '@/mocks/workspace/event-log'
import { nonEmptyParam, parseListQuery, parsePaging } from '@/mocks/workspace/list-query'
import { listNumbers } from '@/mocks/workspace/number-listing'
import type { SlotField } from '@/mocks/workspace/number-source'
import { NumberRows } from '@/mocks/workspace/number-rows'
import { EXPECTED_UPDATED_AT, parseExpectedTime, requireUnchanged } from '@/mocks/workspace/preconditions'
import { deployUpdate, unassignUpdate, type NumberUpdate } from '@/mocks/workspace/publish-plan'
import { applyStoredChanges } from '@/mocks/workspace/stored-changes'
import { resolvePublishRequest } from '@/mocks/workspace/publish-request'
import { namesWebhookUrl, parsePatchRequest } from '@/mocks/workspace/request-parsing'
import {
  DIRECT_ACTOR,
  type WorkspaceChanges,
  type WorkspaceData,
  type WorkspaceOptions,
  type WriteContext,
} from '@/mocks/workspace/workspace-data'
import {
  type Agent,
  type AgentUsage,
  type EventChange,
  type EventList,
  type Me,
  type PhoneNumber,
  type PhoneNumberList,
  type Scope,
} from '@/types/api'

/**
 * The demo backend's in-memory workspace: every rule of ../shared/API.md, as plain methods that
 * either return the response body or throw an ApiFailure. The msw handlers only translate HTTP;
 * parsing requests (workspace/request-parsing.ts, list-query.ts), keys (api-keys.ts), agents
 * (agent-store.ts), rows with their sort orders, search and filter columns (number-rows.ts) and
 * the change history (event-log.ts) live beside it. Every write validates everything first, in the
 * order of API.md's "Errors" (404, 400 for the request itself, agent_archived,
 * version_not_published, 409, then 400s of the number's state), and then applies, so an error
 * never leaves a partial change; each number it changes gets one event.
 */

export type { WorkspaceChanges, WorkspaceData, WorkspaceOptions, WriteContext } from '@/mocks/workspace/workspace-data'
export { DIRECT_ACTOR } from '@/mocks/workspace/workspace-data'

type Clock = () => Date

export class Workspace {
  readonly info: WorkspaceData['workspace']
  private readonly rows: NumberRows
  private readonly agents: AgentStore
  private readonly keys: ApiKeys
  private readonly events: EventLog
  private readonly clock: Clock

  constructor(data: WorkspaceData, clock: Clock = () => new Date(), options: WorkspaceOptions = {}) {
    this.info = { ...data.workspace }
    this.rows = new NumberRows(data.numbers)
    this.agents = new AgentStore(data.agents)
    this.keys = new ApiKeys(data.keys)
    this.clock = clock
    this.events = new EventLog(options.eventIdTag)
    this.events.add(data.events ?? [], { seeded: true })
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
    return listNumbers(this.rows, parsed, parsed.agentId ? this.agents.versionIdsOf(parsed.agentId) : null)
  }

  getPhoneNumber(id: string): PhoneNumber {
    return this.rows.record(this.findIndex(id))
  }

  listAgents(): { data: Agent[] } {
    return { data: this.agents.list() }
  }

  /** How many numbers use each version of the agent now (maintained counters: no rows are read). */
  agentUsage(agentId: string): AgentUsage {
    const agent = this.agents.find(agentId)
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

  /** GET /v1/events: newest first, optionally of one number, or touching one agent's versions. */
  listEvents(query: URLSearchParams): EventList {
    const paging = parsePaging(query)
    const agentId = nonEmptyParam(query, 'agent_id')
    return this.events.list({
      ...paging,
      phoneNumberId: nonEmptyParam(query, 'phone_number_id'),
      agentVersionIds: agentId === undefined ? undefined : new Set(this.agents.versionIdsOf(agentId)),
    })
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
    const agent = this.agents.find(agentId)
    if (!agent) throw notFound(`No agent ${agentId} in this workspace.`)
    const version = agent.versions.find((v) => v.id === versionId)
    if (!version) throw notFound(`Agent ${agentId} has no version ${versionId}.`)

    const { deploy, deployTargets, unassignTargets, direction, expected } = resolvePublishRequest(body, this.rows)
    if (agent.archived_at !== null && (deploy !== undefined || !version.published)) {
      throw agentArchived(
        deploy !== undefined
          ? `Agent ${agent.name} is archived: its versions cannot be deployed.`
          : `Agent ${agent.name} is archived: its draft v${version.version} cannot be published.`,
      )
    }
    requireUnchanged([...expected].map(([e164, time]) => ({ number: this.numberByE164(e164)!, expected: time })))

    // 1. publish; 2. deploy; 3. unassign (only slots holding a version of this agent); 4. the canary follows its slot
    this.agents.publish(agent, version, this.clock().toISOString())
    for (const index of deployTargets) {
      this.write(index, deployUpdate(this.rows.record(index), version.id, direction), context)
    }
    const ofAgent = (held: string) => this.agents.entry(held)?.agent.id === agent.id
    for (const index of unassignTargets) {
      this.write(index, unassignUpdate(this.rows.record(index), ofAgent, direction), context)
    }
    return { data: [...new Set([...deployTargets, ...unassignTargets])].map((index) => this.rows.record(index)) }
  }

  putInboundCanary(id: string, body: unknown, context: WriteContext = {}): PhoneNumber {
    const index = this.findIndex(id)
    const { versionId, percent, expectedUpdatedAt } = parseCanaryRequest(body)
    const entry = this.agents.entry(versionId)
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
    const expected = parseExpectedTime(nonEmptyParam(query, EXPECTED_UPDATED_AT))
    requireUnchanged([{ number: this.rows.record(index), expected }])
    this.write(index, { inbound_canary: null }, context)
    return this.rows.record(index)
  }

  // ---- demo support ---------------------------------------------------------------------

  /**
   * "Another admin" changes a number behind the page's back (fault injection, test hooks, the
   * test server's control API): any of slots, canary, nickname, label and webhook URL, in one
   * write with its event (actor `another-admin` unless given), bypassing scopes and publishing.
   * Throws 404 or 400 (workspace/another-admin.ts) for what no number may hold.
   */
  changeAsAnotherAdmin(id: string, changes: unknown, options: { actor?: string; reason?: string } = {}): PhoneNumber {
    const index = this.findIndex(id)
    const update = anotherAdminUpdate(this.rows.record(index), changes, (versionId) => !!this.agents.entry(versionId))
    const reason = options.reason === undefined ? null : encodeURIComponent(options.reason)
    this.write(index, update, { actor: options.actor ?? ANOTHER_ADMIN, reason })
    return this.rows.record(index)
  }

  /** Another admin's change of slots (see changeAsAnotherAdmin); the canary follows the inbound slot. */
  setSlots(id: string, slots: Partial<Pick<PhoneNumber, SlotField>>): PhoneNumber {
    return this.changeAsAnotherAdmin(id, slots)
  }

  /** Builds search, sort and filter indices ahead of the first request that needs them, a few milliseconds per step. */
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
    return { numbers: this.rows.changedRecords(), ...this.agents.changes(), events: this.events.stored() }
  }

  /**
   * What changed since the last call (the rows and events written, with the agents' state), for a
   * tab that keeps its own copy of what to store while this workspace runs in a Web Worker.
   */
  takeNewChanges(): WorkspaceChanges {
    return { numbers: this.rows.takeWrittenRecords(), ...this.agents.changes(), events: this.events.takeRecorded() }
  }

  /** Takes in stored changes (a reload, another tab's writes); a number held in a later state than the stored one keeps it. */
  applyChanges(changes: WorkspaceChanges): void {
    applyStoredChanges(changes, this.rows, this.agents, this.events)
  }

  // ---- internals ------------------------------------------------------------------------

  private findIndex(id: string): number {
    const index = this.rows.indexOfId(id)
    if (index === undefined) throw notFound(`No phone number ${id} in this workspace.`)
    return index
  }

  /**
   * Writes the fields of `update` that differ from the number's values, and records one event
   * listing them. A write that changes nothing leaves the number (and its `updated_at`) as it was
   * and records nothing; any other moves `updated_at` forward, a millisecond past the last one when
   * the clock has not moved, and the event's `at` is that new `updated_at`.
   */
  private write(index: number, update: NumberUpdate, context: WriteContext): void {
    const before = this.rows.record(index)
    const changes: EventChange[] = []
    for (const [field, to] of Object.entries(update) as [keyof NumberUpdate, NumberUpdate[keyof NumberUpdate]][]) {
      const from = before[field]
      const same =
        field === 'inbound_canary' ? sameCanary(before[field], to as PhoneNumber['inbound_canary']) : from === to
      if (!same) changes.push({ field, from, to } as EventChange)
    }
    if (changes.length === 0) return
    const at = new Date(Math.max(this.clock().getTime(), Date.parse(before.updated_at) + 1)).toISOString()
    this.rows.write(index, Object.fromEntries(changes.map((c) => [c.field, c.to])), at)
    this.events.record({
      at,
      actor: context.key?.name ?? context.actor ?? DIRECT_ACTOR,
      reason: decodeChangeReason(context.reason),
      phone_number_id: before.id,
      phone_number: before.phone_number,
      changes,
    })
  }
}
