import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { versionName } from '@/features/phone-numbers/domain/history/event-words'
import { SLOT_FIELD, slotsOf, type Side } from '@/features/phone-numbers/domain/sides'
import type {
  JobNumber,
  RoutedNumber,
  RoutedSlots,
  WantedFields,
} from '@/features/phone-numbers/domain/writes/plan-writes'
import { inRollout } from '@/features/phone-numbers/domain/writes/rollout-share'
import { formatCount } from '@/lib/format-count'
import type { Direction } from '@/types/api'

/**
 * What the routing dialog asks of many numbers (PAGE.md "Changing routing of many numbers"): one
 * version (or none) on one side or both, for a stable share of them. Pure: the dialog previews
 * with it and the job plans with it.
 */

export interface RoutingChoice {
  side: Direction
  /** The version to deploy; null clears the side(s). */
  versionId: string | null
  /** 1–100: the share of the selected numbers that takes the change. */
  percent: number
  /** A move (the usage region's `Move vN numbers…`): only the sides that hold this version change. */
  from?: string
}

/** The rollout share's key for clearing: a stable share of numbers to clear, like a version's. */
const CLEAR_KEY = 'none'

/** The sides of this number the choice changes: those it names, and of a move only those holding its version. */
function sidesOf(number: RoutedSlots, choice: RoutingChoice): Side[] {
  const sides = slotsOf(choice.side)
  return choice.from === undefined ? sides : sides.filter((side) => number[SLOT_FIELD[side]] === choice.from)
}

export function routingWanted(choice: RoutingChoice, number: JobNumber): WantedFields {
  const wanted: WantedFields = {}
  for (const side of sidesOf(number, choice)) wanted[side] = choice.versionId
  return wanted
}

/** Whether the number is in the choice's share (always, at 100 %). */
export function inChoiceShare(number: Pick<JobNumber, 'id'>, choice: RoutingChoice): boolean {
  return inRollout(number.id, choice.versionId ?? CLEAR_KEY, choice.percent)
}

/** Whether the number already holds what the choice wants on every side it names. */
export function holdsChoice(number: RoutedSlots, choice: RoutingChoice): boolean {
  return sidesOf(number, choice).every((side) => number[SLOT_FIELD[side]] === choice.versionId)
}

export interface RoutingCounts {
  selected: number
  /** In the share (all of them at 100 %). */
  inShare: number
  /** In the share and already as wanted: nothing is sent for them. */
  already: number
}

/** Adds one number to the counts (the caller walks the numbers in slices, so it never holds the page long). */
export function countNumber(counts: RoutingCounts, number: RoutedNumber, choice: RoutingChoice): void {
  counts.selected += 1
  if (!inChoiceShare(number, choice)) return
  counts.inShare += 1
  if (holdsChoice(number, choice)) counts.already += 1
}

export const noCounts = (): RoutingCounts => ({ selected: 0, inShare: 0, already: 0 })

const SIDE_WORDS: Record<Direction, string> = {
  inbound: 'the inbound side',
  outbound: 'the outbound side',
  both: 'both sides',
}

const numbers = (n: number) => `${formatCount(n)} ${n === 1 ? 'number' : 'numbers'}`

/**
 * The preview before anything is sent: "Deploys Front Desk v3 to the inbound side of 1,178 numbers
 * (publishes v3). 56 already hold it." or "Clears the inbound side of 1,190 numbers. 44 have no
 * inbound agent."; a share below 100 % says which part of the selection it takes first.
 */
export function routingPreviewInWords(counts: RoutingCounts, choice: RoutingChoice, catalog: AgentCatalog): string[] {
  const lines: string[] = []
  if (choice.from !== undefined) {
    lines.push(`Only the sides that hold ${versionName(choice.from, catalog)} change.`)
  }
  if (choice.percent < 100) {
    lines.push(
      `Rolls out to ${choice.percent} % of the selection: ${formatCount(counts.inShare)} of ${numbers(counts.selected)}, the same ones each time (a larger share keeps them).`,
    )
  }
  const toChange = counts.inShare - counts.already
  const entry = choice.versionId === null ? undefined : catalog.versionById.get(choice.versionId)
  if (choice.versionId === null) {
    const empty =
      choice.side === 'both'
        ? 'have no agent on either side'
        : `${counts.already === 1 ? 'has' : 'have'} no ${choice.side} agent`
    lines.push(
      `Clears ${SIDE_WORDS[choice.side]} of ${numbers(toChange)}.${counts.already > 0 ? ` ${formatCount(counts.already)} ${empty}.` : ''}`,
    )
  } else {
    const publishes = entry && !entry.version.published && toChange > 0 ? ` (publishes v${entry.version.version})` : ''
    lines.push(
      `Deploys ${versionName(choice.versionId, catalog)} to ${SIDE_WORDS[choice.side]} of ${numbers(toChange)}${publishes}.${
        counts.already > 0
          ? ` ${formatCount(counts.already)} already ${counts.already === 1 ? 'holds' : 'hold'} it.`
          : ''
      }`,
    )
  }
  if (toChange === 0) lines.push('Nothing to change: Apply would send nothing.')
  return lines
}

/** X-Change-Reason of every call: "Bulk change: inbound → Front Desk v3". */
export function routingReason(choice: RoutingChoice, catalog: AgentCatalog): string {
  const sides = choice.side === 'both' ? 'inbound and outbound' : choice.side
  const target = choice.versionId === null ? 'none' : versionName(choice.versionId, catalog)
  if (choice.from !== undefined) {
    return `Bulk change: move ${versionName(choice.from, catalog)} (${sides}) → ${target}${choice.percent < 100 ? ` (${choice.percent} % rollout)` : ''}`
  }
  return `Bulk change: ${sides} → ${target}${choice.percent < 100 ? ` (${choice.percent} % rollout)` : ''}`
}
