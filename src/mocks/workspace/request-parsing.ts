import { validationFailed } from '@/mocks/api-failure'
import { isPlainObject, rejectUnknownFields } from '@/mocks/workspace/body-fields'
import { EXPECTED_UPDATED_AT, parseExpectedTime } from '@/mocks/workspace/preconditions'
import {
  MAX_TEXT_LENGTH,
  MAX_WEBHOOK_URL_LENGTH,
  characterCount,
  directions,
  type Direction,
  type PhoneNumber,
} from '@/types/api'

/**
 * Turns request bodies into typed requests, or throws the 400 that API.md prescribes for each
 * malformed part. The Workspace's rules see only valid input. (Query strings: list-query.ts.)
 */

/** What a body that was not JSON at all parses to: the Workspace answers it with 400 in its turn (after 404). */
export const MALFORMED_JSON = Symbol('malformed JSON')

export const WEBHOOK_FIELD = 'inbound_webhook_url'

type PatchUpdate = Partial<Pick<PhoneNumber, 'nickname' | 'label' | 'inbound_webhook_url'>>

interface PatchRequest {
  update: PatchUpdate
  expectedUpdatedAt: number | undefined
}

const PATCH_FIELDS = ['nickname', 'label', WEBHOOK_FIELD, EXPECTED_UPDATED_AT]

/** A PATCH body: nickname and label (trimmed, '' meaning null), the webhook URL, and the precondition. */
export function parsePatchRequest(body: unknown): PatchRequest {
  const object = requireObject(body)
  rejectUnknownFields(object, PATCH_FIELDS)
  const update: PatchUpdate = {}
  for (const field of ['nickname', 'label'] as const) {
    if (field in object) update[field] = parseText(object[field], field, MAX_TEXT_LENGTH)
  }
  if (WEBHOOK_FIELD in object) {
    const url = parseText(object[WEBHOOK_FIELD], WEBHOOK_FIELD, MAX_WEBHOOK_URL_LENGTH)
    if (url !== null) requireHttpsUrl(url)
    update[WEBHOOK_FIELD] = url
  }
  return { update, expectedUpdatedAt: parseExpectedTime(object[EXPECTED_UPDATED_AT]) }
}

/** Whether a body names the webhook URL at all (which needs agents:manage, even unchanged): checked before anything else is parsed. */
export function namesWebhookUrl(body: unknown): boolean {
  return isPlainObject(body) && Object.hasOwn(body, WEBHOOK_FIELD)
}

interface PublishRequest {
  /** Absent: publish only. */
  deploy: string[] | undefined
  unassign: string[] | undefined
  direction: Direction
  /** As sent: its entries are checked against the lists by the Workspace. */
  expectedUpdatedAt: unknown
}

/** A publish body (absent or null means `{}`); the numbers are checked for shape here, for membership by the Workspace. */
export function parsePublishRequest(body: unknown): PublishRequest {
  const request = requireObject(body === undefined || body === null ? {} : body)
  const deploy = parseNumberList(request, 'phone_numbers')
  const unassign = parseNumberList(request, 'unassign_phone_numbers')
  const direction = request.direction ?? 'inbound'
  if (typeof direction !== 'string' || !(directions as readonly string[]).includes(direction)) {
    throw validationFailed(`Unknown direction ${JSON.stringify(direction)}: use inbound, outbound or both.`, [
      { field: 'direction', message: 'must be inbound, outbound or both' },
    ])
  }
  return { deploy, unassign, direction: direction as Direction, expectedUpdatedAt: request[EXPECTED_UPDATED_AT] }
}

/** Throws 400 naming every entry of `list` that is not an E.164 number. */
export function requireE164(list: string[], field: string): void {
  const invalid = list.filter((e164) => !E164.test(e164))
  if (invalid.length > 0) {
    throw validationFailed(
      `Not E.164: ${invalid.join(', ')}.`,
      invalid.map(() => ({ field, message: 'not an E.164 number' })),
    )
  }
}

const E164 = /^\+[1-9]\d{1,14}$/

function requireObject(body: unknown): Record<string, unknown> {
  if (body === MALFORMED_JSON) throw validationFailed('The request body is not valid JSON.')
  if (!isPlainObject(body)) throw validationFailed('The request body must be a JSON object.')
  return body
}

/** A text field: a string (trimmed; '' means null) of at most `max` characters, or null. */
function parseText(value: unknown, field: string, max: number): string | null {
  if (value === null) return null
  if (typeof value !== 'string') {
    throw validationFailed(`${field} must be a string or null`, [{ field, message: 'must be a string or null' }])
  }
  const trimmed = value.trim()
  if (characterCount(trimmed) > max) {
    throw validationFailed(`${field} must be at most ${max} characters`, [
      { field, message: `at most ${max} characters` },
    ])
  }
  return trimmed === '' ? null : trimmed
}

/** An absolute https:// URL with a host, and nothing a URL cannot hold as written (white space, controls). */
function requireHttpsUrl(text: string): void {
  // The host as written: the URL parser would read "https:///vars" as the host "vars".
  const plausible =
    /^https:\/\/[^/?#]/i.test(text) && ![...text].some((c) => c.trim() === '' || c < ' ' || c === '\u007f')
  const url = plausible ? parseUrl(text) : null
  if (url === null || url.protocol !== 'https:' || url.hostname === '') {
    throw validationFailed(`${WEBHOOK_FIELD} must be an absolute https:// URL.`, [
      { field: WEBHOOK_FIELD, message: 'must be an absolute https:// URL' },
    ])
  }
}

function parseNumberList(body: Record<string, unknown>, field: string): string[] | undefined {
  const value = body[field]
  if (value === undefined) return undefined
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw validationFailed(`${field} must be an array of E.164 strings.`, [
      { field, message: 'must be an array of strings' },
    ])
  }
  return value as string[]
}

/** URL.parse, which older browsers and jsdom lack. */
function parseUrl(text: string): URL | null {
  try {
    return new URL(text)
  } catch {
    return null
  }
}
