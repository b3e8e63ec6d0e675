import * as z from 'zod/mini'
import {
  E164_PATTERN,
  eventFields,
  MAX_CANARY_PERCENT,
  MIN_CANARY_PERCENT,
  numberTypes,
  phoneNumberStatuses,
  providers,
  type Direction,
  type EventField,
  type PhoneNumberStatus,
  type SortField,
  type SortOrder,
} from '@/types/api-values'

/**
 * Schemas for every payload in ../shared/API.md. Used by the client to validate replies and by the
 * demo backend to type its model. Written with zod/mini, whose schemas carry no methods: they are
 * cheaper to build, and smaller, and the first rows wait for them (the app validates /v1/me and
 * the first page with them).
 */

export * from '@/types/api-values'

const isoDateTime = z.string().check(z.minLength(1))

export const inboundCanarySchema = z.object({
  agent_version_id: z.string().check(z.minLength(1)),
  percent: z.number().check(z.int(), z.minimum(MIN_CANARY_PERCENT), z.maximum(MAX_CANARY_PERCENT)),
})
export type InboundCanary = z.infer<typeof inboundCanarySchema>

export const phoneNumberSchema = z.object({
  id: z.string().check(z.minLength(1)),
  phone_number: z.string().check(z.regex(E164_PATTERN)),
  nickname: z.nullable(z.string()),
  label: z.nullable(z.string()),
  status: z.enum(phoneNumberStatuses),
  provider: z.enum(providers),
  country_code: z.string().check(z.length(2)),
  number_type: z.enum(numberTypes),
  inbound_agent_version_id: z.nullable(z.string()),
  outbound_agent_version_id: z.nullable(z.string()),
  inbound_canary: z.nullable(inboundCanarySchema),
  inbound_webhook_url: z.nullable(z.string()),
  import_error: z.nullable(z.string()),
  created_at: isoDateTime,
  updated_at: isoDateTime,
})
export type PhoneNumber = z.infer<typeof phoneNumberSchema>

/** The fields a write may change (those the change history names), any of them. */
export type NumberChange = Partial<Pick<PhoneNumber, EventField>>

const agentVersionSchema = z.object({
  id: z.string().check(z.minLength(1)),
  agent_id: z.string().check(z.minLength(1)),
  version: z.number().check(z.int(), z.positive()),
  published: z.boolean(),
  description: z.optional(z.nullable(z.string())),
  created_at: isoDateTime,
})
export type AgentVersion = z.infer<typeof agentVersionSchema>

export const agentSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  archived_at: z.nullable(isoDateTime),
  created_at: isoDateTime,
  updated_at: isoDateTime,
  versions: z.array(agentVersionSchema),
})
export type Agent = z.infer<typeof agentSchema>

export const phoneNumberListSchema = z.object({
  data: z.array(phoneNumberSchema),
  page: z.number().check(z.int(), z.positive()),
  limit: z.number().check(z.int(), z.positive()),
  total: z.number().check(z.int(), z.nonnegative()),
})
export type PhoneNumberList = z.infer<typeof phoneNumberListSchema>

export const agentListSchema = z.object({ data: z.array(agentSchema) })
export const phoneNumberRecordsSchema = z.object({ data: z.array(phoneNumberSchema) })

/** GET /v1/agents/{agent_id}/usage: one entry per version of the agent, in the agent's order. */
export const agentUsageSchema = z.object({
  data: z.array(
    z.object({
      version_id: z.string(),
      inbound: z.number().check(z.int(), z.nonnegative()),
      outbound: z.number().check(z.int(), z.nonnegative()),
      canary: z.number().check(z.int(), z.nonnegative()),
    }),
  ),
})
export type AgentUsage = z.infer<typeof agentUsageSchema>
export type VersionUsage = AgentUsage['data'][number]

const slotValueSchema = z.nullable(z.string())
/** One field of an event, old and new value; the canary's values are canary objects. */
export const eventChangeSchema = z.discriminatedUnion('field', [
  z.object({
    field: z.literal('inbound_canary'),
    from: z.nullable(inboundCanarySchema),
    to: z.nullable(inboundCanarySchema),
  }),
  z.object({
    field: z.enum(
      eventFields.filter((f) => f !== 'inbound_canary') as [
        Exclude<EventField, 'inbound_canary'>,
        ...Exclude<EventField, 'inbound_canary'>[],
      ],
    ),
    from: slotValueSchema,
    to: slotValueSchema,
  }),
])
export type EventChange = z.infer<typeof eventChangeSchema>

export const changeEventSchema = z.object({
  id: z.string().check(z.minLength(1)),
  at: isoDateTime,
  actor: z.string(),
  reason: z.nullable(z.string()),
  phone_number_id: z.string(),
  phone_number: z.string(),
  changes: z.array(eventChangeSchema),
})
export type ChangeEvent = z.infer<typeof changeEventSchema>

export const eventListSchema = z.object({
  data: z.array(changeEventSchema),
  page: z.number().check(z.int(), z.positive()),
  limit: z.number().check(z.int(), z.positive()),
  total: z.number().check(z.int(), z.nonnegative()),
})
export type EventList = z.infer<typeof eventListSchema>

export const meSchema = z.object({
  workspace: z.object({ id: z.string(), name: z.string() }),
  key_name: z.string(),
  // Unknown scopes from a newer server are ignored rather than rejected.
  scopes: z.array(z.string()),
})
export type Me = z.infer<typeof meSchema>

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
  }),
})
export type ErrorBody = z.infer<typeof errorBodySchema>
export type ErrorDetail = NonNullable<ErrorBody['error']['details']>[number]

export interface ListPhoneNumbersParams {
  page?: number
  limit?: number
  status?: PhoneNumberStatus
  search?: string
  agent_id?: string
  /** A version id, or `none` (EMPTY_SLOT) for an empty slot. */
  inbound_version_id?: string
  outbound_version_id?: string
  canary?: boolean
  import_error?: boolean
  /** At most MAX_IDS_PER_LIST. */
  ids?: readonly string[]
  sort?: SortField
  order?: SortOrder
}

export interface ListEventsParams {
  phone_number_id?: string
  agent_id?: string
  page?: number
  limit?: number
}

/** `expected_updated_at` of a publish call: E.164 → the `updated_at` the client last saw. */
export type ExpectedUpdatedAt = Record<string, string>

export interface PublishBody {
  phone_numbers?: string[]
  unassign_phone_numbers?: string[]
  direction?: Direction
  expected_updated_at?: ExpectedUpdatedAt
}

export interface PatchPhoneNumberBody {
  nickname?: string | null
  label?: string | null
  inbound_webhook_url?: string | null
  expected_updated_at?: string
}

export interface PutCanaryBody {
  agent_version_id: string
  percent: number
  expected_updated_at?: string
}

/** What any write may carry besides its body. */
export interface WriteOptions {
  /** Sent as X-Change-Reason (percent-encoded); recorded in the change history. */
  reason?: string
}
