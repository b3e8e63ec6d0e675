import type { PhoneNumber } from '@/types/api'

/** A choice to take up again (a save that failed after its dialog closed): what was chosen, over which state of the number. */
export interface SaveDraft {
  from: PhoneNumber
  desired: DesiredNumberState
}

/** What the user chose in the edit dialog: version ids (null = None) and the raw text-field values. */
export interface DesiredNumberState {
  inbound: string | null
  outbound: string | null
  nickname: string
  label: string
}

/**
 * Invisible characters that only hide differences ("Main\u200BSupport" looks like "MainSupport") or
 * reorder what is shown (bidi overrides and isolates): zero-width space, word joiner, byte-order mark,
 * soft hyphen, U+202A–202E, U+2066–2069. Joiners that shape scripts and emoji stay.
 */
const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD\u202A-\u202E\u2066-\u2069]/g

/** Text-field value as it is saved: composed (NFC), without invisible characters, trimmed; empty means cleared. */
export function normalizeText(value: string): string | null {
  const text = value.normalize('NFC').replace(INVISIBLE, '').trim()
  return text === '' ? null : text
}
