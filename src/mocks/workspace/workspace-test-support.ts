import { expect } from 'vitest'
import { ApiFailure } from '@/mocks/api-failure'
import { createSeedWorkspace } from '@/mocks/seed'
import { Workspace, type WorkspaceData } from '@/mocks/workspace'
import { scopes, type PhoneNumber, type Scope } from '@/types/api'

/** What the Workspace's tests share: the seeded numbers they use by name, and assertions on its answers. */

/** The tests' frozen clock: after every seeded time (seeds span two years from 2024-02), as a real clock would be. */
export const NOW = '2026-06-01T12:00:00.000Z'
/** The next `updated_at` a number written at NOW gets when written again: the clock has not moved, the time does (API.md v2). */
export const NOW_PLUS_1MS = '2026-06-01T12:00:00.001Z'
const clock = () => new Date(NOW)

export function create(data: WorkspaceData = createSeedWorkspace()): Workspace {
  return new Workspace(data, clock)
}

// Curated seed rows (src/mocks/fixtures/curated-numbers.ts) used by name in the tests.
export const MAIN = '+14155550123' // in: front_desk_3, out: none; "Main Support Line", label cc-4410
export const BILLING = '+14155550148' // billing_3 on both sides
export const APPOINTMENTS = '+14155550172' // reminders_2 on both sides
export const NEW_YORK = '+12125550134' // in: front_desk_1, out: sales_3
export const CHICAGO = '+13125550187' // in: legacy_ivr_2 (archived agent), out: none
export const UNASSIGNED = '+16175550110' // no agent, no nickname, no label
export const LONDON = '+442079460123' // in: front_desk_3, out: reminders_2
export const MUNICH = '+4989123456789' // in: reminders_2, out: reminders_1
export const BRISBANE = '+61755501234' // legacy_ivr_1 (archived agent) on both sides
export const SALES_1 = '+16465550161' // in: none, out: sales_3
export const NOT_IN_WORKSPACE = '+15555550100'
// Version 2's cases among the curated rows.
export const TOLL_FREE = '+18005550199' // in: front_desk_2, canary front_desk_3 at 10%; a webhook URL
export const SEATTLE = '+12065550111' // in: reminders_2, out: survey_1, canary triage_2 (another agent) at 5%
export const DENVER = '+17205550133' // in: reminders_1, canary reminders_2 at 25%; a webhook URL
export const UK_PENDING = '+442079460456' // pending, no agent, an import error
export const RENEWALS_BACKUP = '+19175550123' // active, no agent, an import error

export const DRAFT = { agent: 'agt_reminders', version: 'agv_reminders_3' } // a draft of an active agent
export const ARCHIVED = { agent: 'agt_legacy_ivr', version: 'agv_legacy_ivr_2' } // a published version of the archived agent

/** A key as the handlers pass it: its name is the actor of what it writes. */
export const ADMIN_KEY = { name: 'demo-admin', scopes: [...scopes] }
export const SUPPORT_KEY = { name: 'demo-support', scopes: ['numbers:read', 'numbers:write', 'agents:read'] as Scope[] }

/** A time one millisecond after `iso`. */
export const plus1ms = (iso: string) => new Date(Date.parse(iso) + 1).toISOString()

export function query(params: Record<string, string | number> = {}): URLSearchParams {
  return new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]))
}

export function byE164(ws: Workspace, e164: string): PhoneNumber {
  const number = ws.allNumbers().find((n) => n.phone_number === e164)
  if (!number) throw new Error(`no ${e164} in the workspace`)
  return number
}

export function version(ws: Workspace, versionId: string) {
  const found = ws
    .listAgents()
    .data.flatMap((a) => a.versions)
    .find((v) => v.id === versionId)
  if (!found) throw new Error(`no version ${versionId}`)
  return found
}

export function slots(n: PhoneNumber) {
  return { inbound: n.inbound_agent_version_id, outbound: n.outbound_agent_version_id }
}

/** Every row of a listing, page by page at the largest page size. */
export function listAll(ws: Workspace, params: Record<string, string> = {}): PhoneNumber[] {
  const rows: PhoneNumber[] = []
  for (let page = 1; ; page++) {
    const result = ws.listPhoneNumbers(query({ ...params, page, limit: 200 }))
    rows.push(...result.data)
    if (result.data.length < 200) {
      expect(rows).toHaveLength(result.total)
      return rows
    }
  }
}

export function failure(action: () => unknown): ApiFailure {
  try {
    action()
  } catch (error) {
    if (error instanceof ApiFailure) return error
    throw error
  }
  throw new Error('expected an ApiFailure, but the call succeeded')
}

/** The call fails with this status and code, and changes nothing at all. */
export function expectRejected(ws: Workspace, action: () => unknown, status: number, code: string): ApiFailure {
  const before = { numbers: ws.allNumbers(), agents: ws.listAgents(), changes: ws.changes() }
  const error = failure(action)
  expect({ status: error.status, code: error.code }).toEqual({ status, code })
  expect(error.message).not.toBe('')
  expect(error.toBody()).toEqual({
    error: { code, message: error.message, ...(error.details ? { details: error.details } : {}) },
  })
  expect(ws.allNumbers()).toEqual(before.numbers)
  expect(ws.listAgents()).toEqual(before.agents)
  expect(ws.changes()).toEqual(before.changes)
  return error
}

export const ids = (rows: PhoneNumber[]) => rows.map((n) => n.id)
export const byCreatedAt = (a: PhoneNumber, b: PhoneNumber) => (a.created_at < b.created_at ? -1 : 1)
