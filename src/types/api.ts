import * as z from 'zod/mini'
import {
  numberTypes,
  phoneNumberStatuses,
  providers,
  type Direction,
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

export const phoneNumberSchema = z.object({
  id: z.string().check(z.minLength(1)),
  phone_number: z.string().check(z.regex(/^\+[1-9]\d{1,14}$/)),
  nickname: z.nullable(z.string()),
  label: z.nullable(z.string()),
  status: z.enum(phoneNumberStatuses),
  provider: z.enum(providers),
  country_code: z.string().check(z.length(2)),
  number_type: z.enum(numberTypes),
  inbound_agent_version_id: z.nullable(z.string()),
  outbound_agent_version_id: z.nullable(z.string()),
  created_at: isoDateTime,
  updated_at: isoDateTime,
})
export type PhoneNumber = z.infer<typeof phoneNumberSchema>

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
  sort?: SortField
  order?: SortOrder
}

export interface PublishBody {
  phone_numbers?: string[]
  unassign_phone_numbers?: string[]
  direction?: Direction
}

export interface PatchPhoneNumberBody {
  nickname?: string | null
  label?: string | null
}
