import type { InboundCanary, PhoneNumberStatus } from '@/types/api'

/**
 * Version 2's fields for generated rows: a small, deterministic share of them gets an inbound
 * canary, a webhook URL or an import error. Each is a pure function of the row's draws (uniform
 * numbers in [0, 1), one stream per field), like every other generated field.
 */

/** Of the rows whose inbound slot holds a deployable version. */
const CANARY_SHARE = 0.04
const CANARY_PERCENTS = [5, 10, 10, 20, 25, 50] as const
const WEBHOOK_SHARE = 0.05
/** Provisioning fails more often while a number is pending. */
const IMPORT_ERROR_SHARE: Record<PhoneNumberStatus, number> = { pending: 0.3, active: 0.005 }

const IMPORT_ERRORS = [
  'Address verification failed for this number',
  'Regulatory bundle rejected: proof of address expired',
  'Number port from the previous carrier is incomplete',
  'Emergency address missing for this number',
] as const

export interface GeneratedDraws {
  canary: number
  canaryPick: number
  canaryPercent: number
}

/**
 * A canary for a row whose inbound slot holds `inbound`: only when that is a published version of
 * an active agent (`deployable`), and never the slot's own version.
 */
export function generatedCanary(
  inbound: string | null,
  deployable: readonly string[],
  draws: GeneratedDraws,
): InboundCanary | null {
  if (inbound === null || draws.canary >= CANARY_SHARE || !deployable.includes(inbound)) return null
  const others = deployable.filter((id) => id !== inbound)
  return {
    agent_version_id: others[Math.floor(draws.canaryPick * others.length)]!,
    percent: CANARY_PERCENTS[Math.floor(draws.canaryPercent * CANARY_PERCENTS.length)]!,
  }
}

export function generatedWebhookUrl(index: number, draw: number): string | null {
  return draw < WEBHOOK_SHARE ? `https://hooks.acme-health.example/inbound-vars/${index.toString(36)}` : null
}

export function generatedImportError(status: PhoneNumberStatus, draw: number, reasonDraw: number): string | null {
  return draw < IMPORT_ERROR_SHARE[status] ? IMPORT_ERRORS[Math.floor(reasonDraw * IMPORT_ERRORS.length)]! : null
}
