import type { Direction } from '@/types/api'

/** The two slots of a number: who answers its calls (inbound) and who places calls from it (outbound). */
export type Side = 'inbound' | 'outbound'

export const SIDES: readonly Side[] = ['inbound', 'outbound']

export const SIDE_NAMES: Record<Side, string> = { inbound: 'Inbound', outbound: 'Outbound' }

/** The record field behind each side. */
export const SLOT_FIELD = { inbound: 'inbound_agent_version_id', outbound: 'outbound_agent_version_id' } as const

/** The sides a publish call's direction writes. */
export function slotsOf(direction: Direction): Side[] {
  return direction === 'both' ? ['inbound', 'outbound'] : [direction]
}

/** The direction that writes these sides in one call. */
export function directionOf(sides: Side[]): Direction {
  return sides.length > 1 ? 'both' : sides[0]!
}
