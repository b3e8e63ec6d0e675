import { publishAgentVersion } from '@/features/agents/api/publish-agent-version'
import { updatePhoneNumber } from '@/features/phone-numbers/api/update-phone-number'
import type { WriteRequest } from '@/features/phone-numbers/domain/writes/write-requests'
import type { WriteRequestOptions } from '@/lib/api-endpoints'
import { platformApi } from '@/lib/api'
import type { PhoneNumber } from '@/types/api'

/** Sends one planned request to its endpoint; the records it answers with (none for a publish naming no numbers). */
export async function sendWriteRequest(request: WriteRequest, options?: WriteRequestOptions): Promise<PhoneNumber[]> {
  switch (request.endpoint) {
    case 'publish':
      return publishAgentVersion(request.agentId, request.versionId, request.body, options)
    case 'put-canary':
      return [await platformApi.putInboundCanary(request.numberId, request.body, options)]
    case 'delete-canary':
      return [
        await platformApi.deleteInboundCanary(request.numberId, {
          ...options,
          expectedUpdatedAt: request.expectedUpdatedAt,
        }),
      ]
    case 'patch':
      return [await updatePhoneNumber(request.numberId, request.body, options)]
  }
}
