import type { ApiClient } from '@/lib/api-client'
import {
  agentListSchema,
  agentUsageSchema,
  eventListSchema,
  MAX_IDS_PER_LIST,
  meSchema,
  phoneNumberListSchema,
  phoneNumberRecordsSchema,
  phoneNumberSchema,
  type ListEventsParams,
  type ListPhoneNumbersParams,
  type PatchPhoneNumberBody,
  type PhoneNumber,
  type PublishBody,
  type PutCanaryBody,
  type WriteOptions,
} from '@/types/api'

/** A read's options: its cancellation (React Query's signal). */
interface ReadOptions {
  signal?: AbortSignal
}

/** A write's options: the change reason (X-Change-Reason) and its cancellation. */
export type WriteRequestOptions = WriteOptions & ReadOptions

const segment = encodeURIComponent

/**
 * Every endpoint of ../shared/API.md (version 2) as a typed function over one API client: each reply
 * is validated by its schema (src/types/api.ts), every write may carry a reason. Paths are built
 * here only, with each id percent-encoded.
 */
export function apiEndpoints(request: ApiClient) {
  const write = (options: WriteRequestOptions = {}) => ({ signal: options.signal, reason: options.reason })

  const listPhoneNumbers = async (params: ListPhoneNumbersParams = {}, options: ReadOptions = {}) => {
    if (params.ids && params.ids.length > MAX_IDS_PER_LIST) {
      // The server would answer 400: say why here, where the caller can still split the list (phoneNumbersByIds does).
      throw new RangeError(`At most ${MAX_IDS_PER_LIST} ids per list request (got ${params.ids.length}).`)
    }
    return request(phoneNumberListSchema, '/v1/phone-numbers', { query: { ...params }, signal: options.signal })
  }

  return {
    me: (options: ReadOptions = {}) => request(meSchema, '/v1/me', options),

    listPhoneNumbers,

    /**
     * The numbers with these ids as the server holds them now, in as many list requests of up to 200
     * ids as needed; ids not in the workspace are simply absent (API.md). Duplicates are asked once.
     */
    phoneNumbersByIds: async (ids: readonly string[], options: ReadOptions = {}): Promise<PhoneNumber[]> => {
      const unique = [...new Set(ids)]
      const found: PhoneNumber[] = []
      for (let start = 0; start < unique.length; start += MAX_IDS_PER_LIST) {
        const chunk = unique.slice(start, start + MAX_IDS_PER_LIST)
        found.push(...(await listPhoneNumbers({ ids: chunk, limit: MAX_IDS_PER_LIST }, options)).data)
      }
      return found
    },

    getPhoneNumber: (id: string, options: ReadOptions = {}) =>
      request(phoneNumberSchema, `/v1/phone-numbers/${segment(id)}`, options),

    /** Nickname, label and inbound webhook URL; `expected_updated_at` in the body makes it conditional. */
    patchPhoneNumber: (id: string, body: PatchPhoneNumberBody, options?: WriteRequestOptions) =>
      request(phoneNumberSchema, `/v1/phone-numbers/${segment(id)}`, { method: 'PATCH', body, ...write(options) }),

    listAgents: async (options: ReadOptions = {}) => (await request(agentListSchema, '/v1/agents', options)).data,

    /** How many numbers use each version of the agent, in the order of its versions. */
    agentUsage: async (agentId: string, options: ReadOptions = {}) =>
      (await request(agentUsageSchema, `/v1/agents/${segment(agentId)}/usage`, options)).data,

    /** Publishes the version and deploys it to / clears its agent from the named numbers; returns their records. */
    publishAgentVersion: async (
      agentId: string,
      versionId: string,
      body: PublishBody,
      options?: WriteRequestOptions,
    ) => {
      const path = `/v1/agents/${segment(agentId)}/versions/${segment(versionId)}/publish`
      return (await request(phoneNumberRecordsSchema, path, { method: 'POST', body, ...write(options) })).data
    },

    putInboundCanary: (id: string, body: PutCanaryBody, options?: WriteRequestOptions) =>
      request(phoneNumberSchema, `/v1/phone-numbers/${segment(id)}/inbound-canary`, {
        method: 'PUT',
        body,
        ...write(options),
      }),

    /** Removes the canary (removing one that is not there succeeds); `expectedUpdatedAt` makes it conditional. */
    deleteInboundCanary: (id: string, options: WriteRequestOptions & { expectedUpdatedAt?: string } = {}) =>
      request(phoneNumberSchema, `/v1/phone-numbers/${segment(id)}/inbound-canary`, {
        method: 'DELETE',
        query: { expected_updated_at: options.expectedUpdatedAt },
        ...write(options),
      }),

    /** The change history, newest first. */
    listEvents: (params: ListEventsParams = {}, options: ReadOptions = {}) =>
      request(eventListSchema, '/v1/events', { query: { ...params }, signal: options.signal }),
  }
}

export type ApiEndpoints = ReturnType<typeof apiEndpoints>
