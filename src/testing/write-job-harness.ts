import fc from 'fast-check'
import { buildAgentCatalog, isArchived } from '@/features/agents/domain/agent-catalog'
import type { WriteRequest } from '@/features/phone-numbers/domain/writes/write-requests'
import type { WriteApi, WriteFailure } from '@/features/phone-numbers/jobs/write-api'
import { ApiFailure } from '@/mocks/api-failure'
import { createSeedWorkspace } from '@/mocks/seed'
import { Workspace } from '@/mocks/workspace'
import type { PhoneNumber } from '@/types/api'

/**
 * The write jobs' API over the demo backend itself (no HTTP), with a scripted sequence of faults and
 * "another admin" changing a number a call names just before it: the property tests of
 * jobs/run-writes.test.ts and jobs/bulk-job.properties.test.ts run jobs against it.
 */

/** The other admin deploys this version only, which no job wants: finding it overwritten means a lost update. */
export const OTHER_ADMIN_VERSION = 'agv_survey_1'
export const OTHER_ADMIN_AGENT = 'agt_survey'

/** The seeded agents, and their catalog, that the jobs under test plan with. */
export const SEED_AGENTS = new Workspace(createSeedWorkspace({ numbers: 0 })).listAgents().data
export const SEED_CATALOG = buildAgentCatalog(SEED_AGENTS)
/** The versions a job may deploy: not archived, and not the other admin's. */
export const DEPLOYABLE_VERSIONS = SEED_AGENTS.filter((a) => !isArchived(a) && a.id !== OTHER_ADMIN_AGENT).flatMap(
  (a) => a.versions.map((v) => v.id),
)

/**
 * What the server does to the next call: `apply-500` applies it and then fails; `unreadable` does the
 * same and the next reads fail too (an outage), so the job cannot check whether the call went through.
 */
export type Fault = 'none' | 'concurrent' | '500' | 'apply-500' | 'unreadable' | '429'
export const faultArb = fc.constantFrom<Fault>(
  'none',
  'none',
  'none',
  'concurrent',
  '500',
  'apply-500',
  'unreadable',
  '429',
)
/** Reads that fail after an `unreadable` call: more than a call's retries, so its numbers end unchecked. */
const UNREADABLE_READS = 3

export class Ambiguous extends Error {}

export interface Harness {
  workspace: Workspace
  api: WriteApi
  sent: WriteRequest[]
  /** Numbers (ids) the other admin changed, with the nickname it left. */
  otherAdmin: Map<string, string>
  /** From now on the server is calm: the faults not met yet are dropped, and reads work again. */
  calm: () => void
}

export function harness(faults: Fault[], pick: number, numbers: number): Harness {
  const workspace = new Workspace(createSeedWorkspace({ numbers }))
  const sent: WriteRequest[] = []
  const otherAdmin = new Map<string, string>()
  let failingReads = 0
  const apply = (request: WriteRequest): PhoneNumber[] => {
    switch (request.endpoint) {
      case 'publish':
        return workspace.publish(request.agentId, request.versionId, request.body).data
      case 'patch':
        return [workspace.patchPhoneNumber(request.numberId, request.body)]
      case 'put-canary':
        return [workspace.putInboundCanary(request.numberId, request.body)]
      case 'delete-canary': {
        const query = new URLSearchParams(
          request.expectedUpdatedAt ? { expected_updated_at: request.expectedUpdatedAt } : {},
        )
        return [workspace.deleteInboundCanary(request.numberId, query)]
      }
    }
  }
  const api: WriteApi = {
    async send(request) {
      sent.push(request)
      const fault = faults.shift() ?? 'none'
      if (fault === '429') throw new ApiFailure(429, 'rate_limited', 'Slow down.')
      if (fault === '500') throw new Ambiguous('The server failed (500).')
      if (fault === 'concurrent') {
        const named = numbersNamed(request, workspace)
        const victim = named[pick % Math.max(named.length, 1)]
        if (victim) {
          const nickname = `Other admin ${otherAdmin.size + 1}`
          workspace.patchPhoneNumber(victim.id, { nickname })
          workspace.setSlots(victim.id, { outbound_agent_version_id: OTHER_ADMIN_VERSION })
          otherAdmin.set(victim.id, nickname)
        }
      }
      const records = apply(request)
      if (fault === 'unreadable') failingReads = UNREADABLE_READS
      if (fault === 'apply-500' || fault === 'unreadable')
        throw new Ambiguous('The server failed (500) after applying.')
      return Promise.resolve(records)
    },
    read(ids) {
      if (failingReads > 0) {
        failingReads -= 1
        return Promise.reject(new Ambiguous('The server failed (500) to read.'))
      }
      return Promise.resolve(workspace.listPhoneNumbers(new URLSearchParams({ ids: ids.join(','), limit: '200' })).data)
    },
    classify(error): WriteFailure {
      if (error instanceof Ambiguous) return { kind: 'ambiguous', message: error.message }
      if (!(error instanceof ApiFailure)) throw error
      if (error.status === 429) return { kind: 'rate-limited', retryAfterMs: 0 }
      if (error.status === 409) return { kind: 'conflict', phoneNumbers: error.details?.map((d) => d.field) ?? null }
      return { kind: 'refused', message: error.message }
    },
    sleep: () => Promise.resolve(),
  }
  const calm = () => {
    faults.splice(0)
    failingReads = 0
  }
  return { workspace, api, sent, otherAdmin, calm }
}

function numbersNamed(request: WriteRequest, workspace: Workspace): PhoneNumber[] {
  if (request.endpoint !== 'publish') return [workspace.getPhoneNumber(request.numberId)]
  const list = [...(request.body.phone_numbers ?? []), ...(request.body.unassign_phone_numbers ?? [])]
  return list.map((e164) => workspace.numberByE164(e164)!)
}
