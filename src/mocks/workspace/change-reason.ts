import { MAX_CHANGE_REASON_LENGTH, firstCharacters } from '@/types/api'

/**
 * X-Change-Reason as an event's `reason` (API.md): header values cannot carry arbitrary Unicode,
 * so clients send the text percent-encoded (encodeURIComponent). A value that does not decode is
 * kept as sent; either way the text is cut at MAX_CHANGE_REASON_LENGTH characters. No header (or
 * an empty one) is no reason: null.
 */
export function decodeChangeReason(header: string | null | undefined): string | null {
  if (header === null || header === undefined || header === '') return null
  let text: string
  try {
    text = decodeURIComponent(header)
  } catch {
    text = header
  }
  return firstCharacters(text, MAX_CHANGE_REASON_LENGTH)
}
