import type { Agent, PhoneNumber, PhoneNumberList } from '@/types/api'

/**
 * The list with every row that `records` holds replaced; the same object when none is, so unrelated
 * pages keep their identity. A record older than the row (`updated_at` always moves forward, API.md:
 * a read that was overtaken by a save's answer) does not replace it.
 */
export function replaceNumbersInList(list: PhoneNumberList, records: PhoneNumber[]): PhoneNumberList {
  const byId = new Map(records.map((r) => [r.id, r]))
  const newer = (row: PhoneNumber) => {
    const record = byId.get(row.id)
    return record !== undefined && record !== row && record.updated_at >= row.updated_at ? record : undefined
  }
  if (!list.data.some((row) => newer(row))) return list
  return { ...list, data: list.data.map((row) => newer(row) ?? row) }
}

/** The agents with these versions marked published; the same array when all already are (or none is listed). */
export function markVersionsPublished(agents: Agent[], versionIds: string[]): Agent[] {
  const ids = new Set(versionIds)
  const needsUpdate = (agent: Agent) => agent.versions.some((v) => ids.has(v.id) && !v.published)
  if (!agents.some(needsUpdate)) return agents
  return agents.map((agent) =>
    needsUpdate(agent)
      ? {
          ...agent,
          versions: agent.versions.map((v) => (ids.has(v.id) && !v.published ? { ...v, published: true } : v)),
        }
      : agent,
  )
}
