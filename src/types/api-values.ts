/**
 * The values API.md enumerates, and its limits, without zod: the boot script (src/main.tsx) reads
 * the list view from the URL with them before zod has loaded. src/types/api.ts re-exports them.
 */

export const phoneNumberStatuses = ['pending', 'active'] as const
export const providers = ['twilio', 'telnyx', 'vonage'] as const
export const numberTypes = ['local', 'toll_free', 'mobile'] as const
export const directions = ['inbound', 'outbound', 'both'] as const
export const sortFields = ['phone_number', 'nickname', 'created_at', 'updated_at'] as const
export const sortOrders = ['asc', 'desc'] as const
export const scopes = ['numbers:read', 'numbers:write', 'agents:read', 'agents:manage'] as const

export const MAX_PAGE_SIZE = 200
export const DEFAULT_PAGE_SIZE = 50
export const MAX_TEXT_LENGTH = 255
export const MAX_NUMBERS_PER_PUBLISH = 1000

export type Scope = (typeof scopes)[number]
export type Direction = (typeof directions)[number]
export type SortField = (typeof sortFields)[number]
export type SortOrder = (typeof sortOrders)[number]
export type PhoneNumberStatus = (typeof phoneNumberStatuses)[number]
