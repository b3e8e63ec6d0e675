import { agentArchived, validationFailed, versionNotPublished } from '@/mocks/api-failure'
import { isPlainObject, rejectUnknownFields } from '@/mocks/workspace/body-fields'
import { parseExpectedTime } from '@/mocks/workspace/preconditions'
import {
  MAX_CANARY_PERCENT,
  MIN_CANARY_PERCENT,
  type Agent,
  type AgentVersion,
  type InboundCanary,
  type PhoneNumber,
} from '@/types/api'

/**
 * The inbound canary (API.md): a second version answering `percent` per cent of inbound calls. It
 * exists only while the inbound slot holds a version, and never equals that version.
 */

interface CanaryRequest {
  versionId: string
  percent: number
  expectedUpdatedAt: number | undefined
}

const CANARY_FIELDS = ['agent_version_id', 'percent', 'expected_updated_at']

/** A PUT body, checked for shape (the version's existence is the Workspace's to check). */
export function parseCanaryRequest(body: unknown): CanaryRequest {
  if (!isPlainObject(body)) throw validationFailed('The request body must be a JSON object.')
  rejectUnknownFields(body, CANARY_FIELDS)
  const { agent_version_id: versionId, percent } = body
  if (typeof versionId !== 'string' || versionId === '') {
    throw validationFailed('agent_version_id must be the id of an agent version.', [
      { field: 'agent_version_id', message: 'must be a version id' },
    ])
  }
  if (
    typeof percent !== 'number' ||
    !Number.isInteger(percent) ||
    percent < MIN_CANARY_PERCENT ||
    percent > MAX_CANARY_PERCENT
  ) {
    const range = `a whole number from ${MIN_CANARY_PERCENT} to ${MAX_CANARY_PERCENT}`
    throw validationFailed(`percent must be ${range}.`, [{ field: 'percent', message: `must be ${range}` }])
  }
  return { versionId, percent, expectedUpdatedAt: parseExpectedTime(body.expected_updated_at) }
}

/** 400 agent_archived, then 400 version_not_published: a canary takes a published version of an active agent. */
export function requireDeployable(agent: Agent, version: AgentVersion): void {
  if (agent.archived_at !== null) {
    throw agentArchived(`Agent ${agent.name} is archived: its versions cannot take calls as a canary.`)
  }
  if (!version.published) {
    throw versionNotPublished(
      `${agent.name} v${version.version} is a draft: publish it first (a publish call that names no numbers does).`,
    )
  }
}

/** The 400s that depend on the number's state: a canary needs a version in the inbound slot, and another one. */
export function requireCanarySlot(number: PhoneNumber, versionId: string): void {
  if (number.inbound_agent_version_id === null) {
    throw validationFailed(`${number.phone_number} has no inbound version: a canary needs one beside it.`, [
      { field: 'agent_version_id', message: 'the inbound slot is empty' },
    ])
  }
  if (number.inbound_agent_version_id === versionId) {
    throw validationFailed(`${number.phone_number} already answers every inbound call with ${versionId}.`, [
      { field: 'agent_version_id', message: 'the inbound slot holds this version' },
    ])
  }
}

/**
 * The canary after the inbound slot changes to `inbound` (publish, step 4, and "another admin"):
 * writing the canary's own version promotes it (removed), clearing the slot removes it, any other
 * version keeps it.
 */
export function canaryFollowingSlot(canary: InboundCanary | null, inbound: string | null): InboundCanary | null {
  if (canary === null || inbound === null || inbound === canary.agent_version_id) return null
  return canary
}

export function sameCanary(a: InboundCanary | null, b: InboundCanary | null): boolean {
  return a === b || (a !== null && b !== null && a.agent_version_id === b.agent_version_id && a.percent === b.percent)
}
