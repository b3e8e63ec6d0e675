import type { JobNumber } from '@/features/phone-numbers/domain/writes/plan-writes'

/**
 * What a job keeps of a number (JobNumber), as small as it can be: a job over 100,000 numbers holds
 * each twice (as read, and as its write left it). Every answer parses into fresh strings, so the values
 * many numbers share (version ids, labels) are kept once, and a number's later state shares what did
 * not change with its earlier one (`earlier`).
 */
export function jobNumberOf(record: JobNumber, earlier?: JobNumber): JobNumber {
  const same = <T>(value: T, before: T | undefined): T => (before !== undefined && before === value ? before : value)
  return {
    id: earlier?.id ?? record.id,
    phone_number: earlier?.phone_number ?? record.phone_number,
    updated_at: record.updated_at,
    nickname: same(record.nickname, earlier?.nickname),
    label: shared(record.label),
    inbound_agent_version_id: shared(record.inbound_agent_version_id),
    outbound_agent_version_id: shared(record.outbound_agent_version_id),
    inbound_canary: sameCanary(record.inbound_canary, earlier?.inbound_canary),
    inbound_webhook_url: shared(record.inbound_webhook_url),
  }
}

/** The one copy of each value many numbers share; forgotten wholesale when it grows past what sharing is worth. */
const pool = new Map<string, string>()
const POOL_LIMIT = 10_000

function shared(value: string | null): string | null {
  if (value === null) return null
  const known = pool.get(value)
  if (known !== undefined) return known
  if (pool.size >= POOL_LIMIT) pool.clear()
  pool.set(value, value)
  return value
}

function sameCanary(canary: JobNumber['inbound_canary'], before: JobNumber['inbound_canary'] | undefined) {
  if (canary === null) return null
  if (before && before.agent_version_id === canary.agent_version_id && before.percent === canary.percent) return before
  return { agent_version_id: shared(canary.agent_version_id)!, percent: canary.percent }
}
