import { MAX_CHANGE_REASON_LENGTH } from '@/types/api'

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
  // Characters, not UTF-16 units: an emoji at the cut is kept whole or dropped whole.
  const characters = [...text]
  return characters.length > MAX_CHANGE_REASON_LENGTH ? characters.slice(0, MAX_CHANGE_REASON_LENGTH).join('') : text
}
