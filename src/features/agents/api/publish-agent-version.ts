import { api } from '@/lib/api'
import { phoneNumberRecordsSchema, type PublishBody } from '@/types/api'

/** Publishes the version and deploys it to / clears its agent from the named numbers (API.md). */
export async function publishAgentVersion(agentId: string, versionId: string, body: PublishBody) {
  const path = `/v1/agents/${encodeURIComponent(agentId)}/versions/${encodeURIComponent(versionId)}/publish`
  return (await api(phoneNumberRecordsSchema, path, { method: 'POST', body })).data
}
