import type { WriteRequestOptions } from '@/lib/api-endpoints'
import { platformApi } from '@/lib/api'
import type { PublishBody } from '@/types/api'

/** Publishes the version and deploys it to / clears its agent from the named numbers (API.md). */
export function publishAgentVersion(
  agentId: string,
  versionId: string,
  body: PublishBody,
  options?: WriteRequestOptions,
) {
  return platformApi.publishAgentVersion(agentId, versionId, body, options)
}
