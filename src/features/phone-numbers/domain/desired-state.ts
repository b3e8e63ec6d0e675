/** What the user chose in the edit dialog: version ids (null = None) and the raw text-field values. */
export interface DesiredNumberState {
  inbound: string | null
  outbound: string | null
  nickname: string
  label: string
}

/**
 * Invisible characters that only hide differences ("Main\u200BSupport" looks like "MainSupport"):
 * zero-width space, word joiner, byte-order mark. Joiners that shape scripts and emoji stay.
 */
const INVISIBLE = /[\u200B\u2060\uFEFF]/g

/** Text-field value as it is saved: composed (NFC), without invisible characters, trimmed; empty means cleared. */
export function normalizeText(value: string): string | null {
  const text = value.normalize('NFC').replace(INVISIBLE, '').trim()
  return text === '' ? null : text
}
