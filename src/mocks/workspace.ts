import { agentArchived, insufficientScope, notFound, unauthorized, validationFailed } from '@/mocks/api-failure'
import {
  recordMatchesText,
  recordSource,
  sortKeyOf,
  type NumberSource,
  type SlotField,
  type SortKey,
} from '@/mocks/number-source'
import {
  DEFAULT_PAGE_SIZE,
  MAX_NUMBERS_PER_PUBLISH,
  MAX_PAGE_SIZE,
  MAX_TEXT_LENGTH,
  directions,
  phoneNumberStatuses,
  sortFields,
  sortOrders,
  type Agent,
  type AgentVersion,
  type Direction,
  type Me,
  type PhoneNumber,
  type PhoneNumberList,
  type Scope,
  type SortField,
} from '@/types/api'

/**
 * The demo backend's in-memory workspace: every rule of ../shared/API.md, as plain methods that
 * either return the response body or throw an ApiFailure. The msw handlers only translate HTTP.
 * Every write validates everything first and then applies, so an error never leaves a partial change.
 */

export interface ApiKey {
  name: string
  scopes: Scope[]
  revoked?: boolean
}

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

export class Workspace {
  readonly info: WorkspaceData['workspace']
  private readonly source: NumberSource
  /** Rows changed since the workspace was built, by index: they win over the source, and are what persists. */
  private readonly changed = new Map<number, PhoneNumber>()
  private readonly agents: Agent[]
  private readonly versions = new Map<string, { agent: Agent; version: AgentVersion }>()
  // A Map, not an object: a key named `constructor` or `__proto__` must be unknown, not Object.prototype's.
  private readonly keys: Map<string, ApiKey>
  private readonly publishedVersionIds = new Set<string>()
  private readonly agentsUpdatedAt = new Map<string, string>()
  /** Indices into `numbers`, ascending by a sort field; kept up to date on writes instead of re-sorting. */
  private readonly sortedCache = new Map<SortField, number[]>()
  private readonly clock: Clock

  constructor(data: WorkspaceData, clock: Clock = () => new Date()) {
    this.info = { ...data.workspace }
    this.source = Array.isArray(data.numbers) ? recordSource(data.numbers.map(copy)) : data.numbers
    // API.md: each agent lists its versions newest last, whatever order the data holds them in.
    this.agents = data.agents.map((a) => ({
      ...a,
      versions: a.versions.map((v) => ({ ...v })).sort((x, y) => x.version - y.version),
    }))
    this.keys = new Map(Object.entries(structuredClone(data.keys)))
    this.clock = clock
    for (const agent of this.agents) {
      for (const version of agent.versions) this.versions.set(version.id, { agent, version })
    }
  }

  // ---- authentication -------------------------------------------------------------------

  /** Resolves the `Authorization` header to a key, or throws 401. */
  authenticate(authorization: string | null): ApiKey {
    const match = /^Bearer\s+(.+)$/i.exec(authorization?.trim() ?? '')
    const key = match?.[1] ? this.keys.get(match[1].trim()) : undefined
    if (!key || key.revoked) throw unauthorized()
    return key
  }

  /** Throws 401 or 403 unless the header names a valid key with this scope. */
  authorize(authorization: string | null, scope: Scope): ApiKey {
    const key = this.authenticate(authorization)
    if (!key.scopes.includes(scope)) throw insufficientScope(scope)
    return key
  }

  me(authorization: string | null): Me {
    const key = this.authenticate(authorization)
    return { workspace: { ...this.info }, key_name: key.name, scopes: [...key.scopes] }
  }

  revokeKey(secret: string): void {
    const key = this.keys.get(secret)
    if (key) key.revoked = true
  }

  addKey(secret: string, key: ApiKey): void {
    this.keys.set(secret, { ...key, scopes: [...key.scopes] })
  }

  // ---- reads ----------------------------------------------------------------------------

  listPhoneNumbers(query: URLSearchParams): PhoneNumberList {
    const page = parseIntegerParam(query, 'page', 1, 1, Number.MAX_SAFE_INTEGER)
    const limit = parseIntegerParam(query, 'limit', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE)
    const status = parseEnumParam(query, 'status', phoneNumberStatuses)
    const sort = parseEnumParam(query, 'sort', sortFields) ?? 'created_at'
    const order = parseEnumParam(query, 'order', sortOrders) ?? 'asc'
    const search = query.get('search')?.trim() ?? ''
    const agentId = query.get('agent_id') ?? ''

    const matchesSearch = search ? this.searchMatcher(search) : null
    const agentVersionIds = agentId ? this.versionIdsOfAgent(agentId) : null

    // One pass over the sorted indices: count every match, copy only the requested page.
    const sorted = this.sortedIndices(sort)
    const count = sorted.length
    const start = (page - 1) * limit
    const data: PhoneNumber[] = []
    let total = 0
    for (let k = 0; k < count; k++) {
      const index = sorted[order === 'asc' ? k : count - 1 - k]!
      if (status && this.statusAt(index) !== status) continue
      if (
        agentVersionIds &&
        !agentVersionIds.has(this.slotAt(index, 'inbound_agent_version_id') ?? '') &&
        !agentVersionIds.has(this.slotAt(index, 'outbound_agent_version_id') ?? '')
      )
        continue
      if (matchesSearch && !matchesSearch(index)) continue
      if (total >= start && data.length < limit) data.push(this.recordAt(index))
      total++
    }
    return { data, page, limit, total }
  }

  getPhoneNumber(id: string): PhoneNumber {
    return this.recordAt(this.findIndex(id))
  }

  listAgents(): { data: Agent[] } {
    return { data: this.agents.map((a) => ({ ...a, versions: a.versions.map((v) => ({ ...v })) })) }
  }

  // ---- writes ---------------------------------------------------------------------------

  patchPhoneNumber(id: string, body: unknown): PhoneNumber {
    const index = this.findIndex(id)
    const number = this.recordAt(index)
    if (!isPlainObject(body)) throw validationFailed('The request body must be a JSON object.')
    const unknown = Object.keys(body).filter((k) => k !== 'nickname' && k !== 'label')
    if (unknown.length > 0) {
      throw validationFailed(
        `Unknown field${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`,
        unknown.map((field) => ({ field, message: 'unknown field' })),
      )
    }
    const update: Partial<Pick<PhoneNumber, 'nickname' | 'label'>> = {}
    for (const field of ['nickname', 'label'] as const) {
      if (!(field in body)) continue
      const value = body[field]
      if (value === null) {
        update[field] = null
        continue
      }
      if (typeof value !== 'string') {
        throw validationFailed(`${field} must be a string or null`, [{ field, message: 'must be a string or null' }])
      }
      const trimmed = value.trim()
      if (trimmed.length > MAX_TEXT_LENGTH) {
        throw validationFailed(`${field} must be at most ${MAX_TEXT_LENGTH} characters`, [
          { field, message: `at most ${MAX_TEXT_LENGTH} characters` },
        ])
      }
      update[field] = trimmed === '' ? null : trimmed
    }
    const changed = Object.entries(update).some(([k, v]) => number[k as 'nickname' | 'label'] !== v)
    if (changed) this.writeNumber(index, update)
    return this.recordAt(index)
  }

  publish(agentId: string, versionId: string, body: unknown): { data: PhoneNumber[] } {
    const agent = this.agents.find((a) => a.id === agentId)
    if (!agent) throw notFound(`No agent ${agentId} in this workspace.`)
    const version = agent.versions.find((v) => v.id === versionId)
    if (!version) throw notFound(`Agent ${agentId} has no version ${versionId}.`)

    const request = body === undefined || body === null ? {} : body
    if (!isPlainObject(request)) throw validationFailed('The request body must be a JSON object.')
    const deploy = parseNumberList(request, 'phone_numbers')
    const unassign = parseNumberList(request, 'unassign_phone_numbers')
    const direction = request.direction ?? 'inbound'
    if (typeof direction !== 'string' || !(directions as readonly string[]).includes(direction)) {
      throw validationFailed(`Unknown direction ${JSON.stringify(direction)}: use inbound, outbound or both.`, [
        { field: 'direction', message: 'must be inbound, outbound or both' },
      ])
    }
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
    if (agent.archived_at !== null && (deploy !== undefined || !version.published)) {
      throw agentArchived(
        deploy !== undefined
          ? `Agent ${agent.name} is archived: its versions cannot be deployed.`
          : `Agent ${agent.name} is archived: its draft v${version.version} cannot be published.`,
      )
    }

    // 1. publish
    if (!version.published) {
      version.published = true
      agent.updated_at = this.clock().toISOString()
      this.publishedVersionIds.add(version.id)
      this.agentsUpdatedAt.set(agent.id, agent.updated_at)
    }
    const slots = slotsFor(direction as Direction)
    // 2. deploy
    for (const index of deployTargets) {
      const update: Partial<PhoneNumber> = {}
      for (const slot of slots) if (this.slotAt(index, slot) !== version.id) update[slot] = version.id
      if (Object.keys(update).length > 0) this.writeNumber(index, update)
    }
    // 3. unassign, only slots holding a version of this agent
    for (const index of unassignTargets) {
      const update: Partial<PhoneNumber> = {}
      for (const slot of slots) {
        const held = this.slotAt(index, slot)
        if (held !== null && this.versions.get(held)?.agent.id === agent.id) update[slot] = null
      }
      if (Object.keys(update).length > 0) this.writeNumber(index, update)
    }
    return { data: [...new Set([...deployTargets, ...unassignTargets])].map((index) => this.recordAt(index)) }
  }

  // ---- demo support ---------------------------------------------------------------------

  /** Simulates another admin's change, bypassing the API (used by fault injection and tests). */
  setSlots(
    id: string,
    slots: Partial<Pick<PhoneNumber, 'inbound_agent_version_id' | 'outbound_agent_version_id'>>,
  ): PhoneNumber {
    const index = this.findIndex(id)
    this.writeNumber(index, slots)
    return this.recordAt(index)
  }

  /**
   * Builds the search and default-sort indices ahead of the first request that needs them, in
   * steps of a few milliseconds (the browser runs them when idle).
   */
  *prepare(): Generator<void, void, void> {
    yield* this.source.prepareSearch?.() ?? []
    this.sortedIndices('created_at')
  }

  /** One number by its E.164 form, or undefined. */
  numberByE164(e164: string): PhoneNumber | undefined {
    const index = this.source.indexOfPhoneNumber(e164)
    return index === undefined ? undefined : this.recordAt(index)
  }

  /** All numbers, in source order (tests compare the page against this). */
  allNumbers(): PhoneNumber[] {
    return Array.from({ length: this.size }, (_, index) => this.recordAt(index))
  }

  get size(): number {
    return this.source.size
  }

  changes(): WorkspaceChanges {
    return {
      numbers: [...this.changed.values()].map(copy),
      publishedVersionIds: [...this.publishedVersionIds],
      agentsUpdatedAt: Object.fromEntries(this.agentsUpdatedAt),
    }
  }

  applyChanges(changes: WorkspaceChanges): void {
    for (const saved of changes.numbers) {
      const index = this.source.indexOfId(saved.id)
      if (index === undefined || this.source.phoneNumber(index) !== saved.phone_number) continue
      this.writeNumber(index, saved, saved.updated_at)
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
    const index = this.source.indexOfId(id)
    if (index === undefined) throw notFound(`No phone number ${id} in this workspace.`)
    return index
  }

  private recordAt(index: number): PhoneNumber {
    const changed = this.changed.get(index)
    return changed ? copy(changed) : this.source.record(index)
  }

  private statusAt(index: number): PhoneNumber['status'] {
    return this.changed.get(index)?.status ?? this.source.status(index)
  }

  private slotAt(index: number, field: SlotField): string | null {
    const changed = this.changed.get(index)
    return changed ? changed[field] : this.source.slot(index, field)
  }

  private sortKeyAt(index: number, field: SortField): SortKey {
    const changed = this.changed.get(index)
    return changed ? sortKeyOf(changed, field) : this.source.sortKey(index, field)
  }

  /** Indices of the numbers, deduplicated, or a 400 naming every entry that is not one of them. */
  private resolveNumbers(list: string[], field: string): number[] {
    const invalid = list.filter((e164) => !E164.test(e164))
    if (invalid.length > 0) {
      throw validationFailed(
        `Not E.164: ${invalid.join(', ')}.`,
        invalid.map(() => ({ field, message: 'not an E.164 number' })),
      )
    }
    const indices = list.map((e164) => this.source.indexOfPhoneNumber(e164))
    const unknown = list.filter((_, k) => indices[k] === undefined)
    if (unknown.length > 0) {
      throw validationFailed(
        `Not a number of this workspace: ${unknown.join(', ')}.`,
        unknown.map(() => ({ field, message: 'not in this workspace' })),
      )
    }
    return [...new Set(indices as number[])]
  }

  private writeNumber(index: number, update: Partial<PhoneNumber>, updatedAt = this.clock().toISOString()): void {
    let number = this.changed.get(index)
    if (!number) {
      number = this.source.record(index)
      this.changed.set(index, number)
    }
    Object.assign(number, update, { updated_at: updatedAt })
    for (const [field, sorted] of this.sortedCache) {
      if (field === 'updated_at' || (field === 'nickname' && 'nickname' in update))
        this.reposition(sorted, field, index)
    }
  }

  private searchMatcher(search: string): (index: number) => boolean {
    const text = search.toLowerCase()
    // Digits are compared only when the query looks like a phone number ("+1 415-555-0123"),
    // so a label such as "cc-4410" does not also match every number containing 4410.
    const digits = PHONE_LIKE.test(search) ? search.replace(/\D/g, '') : ''
    const textMatches = this.source.textMatcher(text)
    // A change never touches a number's E.164 form: the source's answer holds for changed rows too.
    const digitsMatch = digits === '' ? null : this.source.digitsMatcher(digits)
    return (index) => {
      const changed = this.changed.get(index)
      if (changed ? recordMatchesText(changed, text) : textMatches(index)) return true
      return digitsMatch !== null && digitsMatch(index)
    }
  }

  private versionIdsOfAgent(agentId: string): Set<string> {
    const agent = this.agents.find((a) => a.id === agentId)
    return new Set(agent?.versions.map((v) => v.id) ?? [])
  }

  /** Ascending order by one field, as indices into `numbers`; built once per field, then maintained by writes. */
  private sortedIndices(field: SortField): number[] {
    const cached = this.sortedCache.get(field)
    if (cached) return cached
    const count = this.size
    const sorted: number[] = []
    for (let i = 0; i < count; i++) sorted.push(i)
    // Creation order is usually already sorted by created_at: skip building keys and sorting when it is.
    let inOrder = true
    for (let i = 1, previous = count > 0 ? this.sortKeyAt(0, field) : null; i < count && inOrder; i++) {
      const key = this.sortKeyAt(i, field)
      inOrder = compareKeys(previous, key, i - 1, i) <= 0
      previous = key
    }
    if (!inOrder) {
      const keys = sorted.map((i) => this.sortKeyAt(i, field))
      sorted.sort((a, b) => compareKeys(keys[a]!, keys[b]!, a, b))
    }
    this.sortedCache.set(field, sorted)
    return sorted
  }

  /** Moves one index to its place after its key changed: O(n) instead of a full re-sort. */
  private reposition(sorted: number[], field: SortField, index: number): void {
    sorted.splice(sorted.indexOf(index), 1)
    const key = this.sortKeyAt(index, field)
    let low = 0
    let high = sorted.length
    while (low < high) {
      const mid = (low + high) >>> 1
      const other = sorted[mid]!
      if (compareKeys(this.sortKeyAt(other, field), key, other, index) < 0) low = mid + 1
      else high = mid
    }
    sorted.splice(low, 0, index)
  }
}

const E164 = /^\+[1-9]\d{1,14}$/
const PHONE_LIKE = /^[\d\s+\-().]*\d[\d\s+\-().]*$/

/** Numbers without a nickname sort after named ones (so first when descending), like NULLS LAST; ties by creation. */
function compareKeys(a: SortKey, b: SortKey, indexA: number, indexB: number): number {
  if (a !== b) {
    if (a === null) return 1
    if (b === null) return -1
    return a < b ? -1 : 1
  }
  return indexA - indexB
}

function slotsFor(direction: Direction): ('inbound_agent_version_id' | 'outbound_agent_version_id')[] {
  if (direction === 'inbound') return ['inbound_agent_version_id']
  if (direction === 'outbound') return ['outbound_agent_version_id']
  return ['inbound_agent_version_id', 'outbound_agent_version_id']
}

function copy(n: PhoneNumber): PhoneNumber {
  return { ...n }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function parseNumberList(body: Record<string, unknown>, field: string): string[] | undefined {
  const value = body[field]
  if (value === undefined) return undefined
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw validationFailed(`${field} must be an array of E.164 strings.`, [
      { field, message: 'must be an array of strings' },
    ])
  }
  return value as string[]
}

function parseIntegerParam(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = query.get(name)
  if (raw === null) return fallback
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range =
      max === Number.MAX_SAFE_INTEGER ? `a whole number of at least ${min}` : `a whole number from ${min} to ${max}`
    throw validationFailed(`${name} must be ${range}.`, [{ field: name, message: `must be ${range}` }])
  }
  return value
}

function parseEnumParam<T extends string>(query: URLSearchParams, name: string, allowed: readonly T[]): T | undefined {
  const raw = query.get(name)
  if (raw === null) return undefined
  if (!(allowed as readonly string[]).includes(raw)) {
    throw validationFailed(`${name} must be one of ${allowed.join(', ')}.`, [
      { field: name, message: `must be one of ${allowed.join(', ')}` },
    ])
  }
  return raw as T
}
