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

/** A phone number as API.md writes it: E.164, `+` and up to 15 digits, the first not 0. */
export const E164_PATTERN = /^\+[1-9]\d{1,14}$/

export const MAX_PAGE_SIZE = 200
export const DEFAULT_PAGE_SIZE = 50
export const MAX_TEXT_LENGTH = 255

/**
 * A length as API.md's limits count it: characters, that is Unicode code points, as a database's
 * varchar counts them (an emoji is one character, not its two UTF-16 units). X-Change-Reason is cut by the same count.
 */
export function characterCount(text: string): number {
  let count = 0
  for (const _ of text) count += 1
  return count
}

/** The first `max` characters (code points) of `text`: a cut never splits an emoji into half a character. */
export function firstCharacters(text: string, max: number): string {
  return characterCount(text) > max ? Array.from(text).slice(0, max).join('') : text
}
export const MAX_NUMBERS_PER_PUBLISH = 1000
/** `ids` of the list of numbers names at most this many numbers. */
export const MAX_IDS_PER_LIST = 200
export const MIN_CANARY_PERCENT = 1
export const MAX_CANARY_PERCENT = 99
export const MAX_WEBHOOK_URL_LENGTH = 2048
/** `X-Change-Reason` is kept up to this many characters (after decoding). */
export const MAX_CHANGE_REASON_LENGTH = 200
/** A server keeps at least this many of the newest events. */
export const EVENTS_KEPT = 10_000
export const CHANGE_REASON_HEADER = 'X-Change-Reason'
/** The list filters' value for "this slot is empty". */
export const EMPTY_SLOT = 'none'

/** The fields an event's `changes` name. */
export const eventFields = [
  'inbound_agent_version_id',
  'outbound_agent_version_id',
  'inbound_canary',
  'nickname',
  'label',
  'inbound_webhook_url',
] as const

export type Scope = (typeof scopes)[number]
export type Direction = (typeof directions)[number]
export type SortField = (typeof sortFields)[number]
export type SortOrder = (typeof sortOrders)[number]
export type PhoneNumberStatus = (typeof phoneNumberStatuses)[number]
export type EventField = (typeof eventFields)[number]
