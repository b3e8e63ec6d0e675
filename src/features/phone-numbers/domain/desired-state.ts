import type { InboundCanary, PhoneNumber } from '@/types/api'

/** A choice to take up again (a save that failed after its dialog closed): what was chosen, over which state of the number. */
export interface SaveDraft {
  from: PhoneNumber
  desired: DesiredNumberState
}

/** What the user chose in the edit dialog: version ids (null = None) and the raw text-field values. */
export interface DesiredNumberState {
  inbound: string | null
  outbound: string | null
  /** The inbound canary (null: none; always none while inbound is None). Its percent is as typed: the form checks it. */
  canary: InboundCanary | null
  nickname: string
  label: string
  /** The inbound webhook URL as typed; empty clears it. */
  webhook: string
}

/** The choice that changes nothing: the number as it stands. */
export function desiredFromNumber(number: PhoneNumber): DesiredNumberState {
  return {
    inbound: number.inbound_agent_version_id,
    outbound: number.outbound_agent_version_id,
    canary: number.inbound_canary,
    nickname: number.nickname ?? '',
    label: number.label ?? '',
    webhook: number.inbound_webhook_url ?? '',
  }
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

/**
 * Whether stored text already says `text` (text as normalizeText leaves it): what another client
 * stored that the page would only clean up (NFC, invisible characters) is not a change to save.
 */
export function sameText(stored: string | null, text: string | null): boolean {
  // The usual case, and a job plans it for every number: no normalizing needed.
  if (stored === text) return true
  const cleaned = stored === null ? null : normalizeText(stored)
  // Stored text made only of invisible characters is still something: clearing it is a change.
  return cleaned === null ? stored === text : cleaned === text
}

/** The webhook URL as it is saved: trimmed (the server trims too); empty means cleared. */
export function normalizeUrl(value: string): string | null {
  const url = value.trim()
  return url === '' ? null : url
}
