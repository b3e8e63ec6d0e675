/** What the user chose in the edit dialog: version ids (null = None) and the raw text-field values. */
export interface DesiredNumberState {
  inbound: string | null
  outbound: string | null
  nickname: string
  label: string
}

/** Text-field value as the server stores it: trimmed, and empty means cleared. */
export function normalizeText(value: string): string | null {
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}
