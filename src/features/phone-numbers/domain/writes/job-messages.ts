import type { AgentCatalog } from '@/features/agents/domain/agent-catalog'
import { changesInWords, versionName } from '@/features/phone-numbers/domain/history/event-words'
import { SIDE_NAMES } from '@/features/phone-numbers/domain/sides'
import type { SavedChange } from '@/features/phone-numbers/domain/writes/plan-undo'
import type { JobNumber, NumberRef, Refusal } from '@/features/phone-numbers/domain/writes/plan-writes'
import { sameCanary } from '@/features/phone-numbers/domain/writes/canaries-and-drafts'
import type { NumberOutcome } from '@/features/phone-numbers/domain/writes/number-outcome'
import { formatCount } from '@/lib/format-count'
import type { EventChange } from '@/types/api'
import { isolated } from '@/lib/bidi'

/** Why one number's change could not be planned, in words. */
export function refusalInWords(refusal: Refusal): string {
  const side = (s: Refusal & { side: unknown }) => (s.side === 'canary' ? 'Canary' : SIDE_NAMES[s.side as 'inbound'])
  switch (refusal.kind) {
    case 'archived-agent':
      return `${side(refusal)}: ${isolated(refusal.agentName)} is archived, so its versions cannot be deployed.`
    case 'unknown-version':
      return `${side(refusal)}: the version is not in the agent list.`
    case 'cannot-clear-unknown':
      return `${SIDE_NAMES[refusal.side]} holds a version that is not in the agent list, so it cannot be cleared.`
    case 'canary-without-inbound':
      return 'A canary needs a version on the inbound side.'
    case 'canary-equals-inbound':
      return 'The canary must be another version than the inbound side’s.'
  }
}

/** What a save changed, as the change history words it. */
export function changesBetween(before: JobNumber, after: JobNumber): EventChange[] {
  const changes: EventChange[] = []
  for (const field of ['inbound_agent_version_id', 'outbound_agent_version_id', 'nickname', 'label'] as const) {
    if (before[field] !== after[field]) changes.push({ field, from: before[field], to: after[field] })
  }
  if (!sameCanary(before.inbound_canary, after.inbound_canary)) {
    changes.push({ field: 'inbound_canary', from: before.inbound_canary, to: after.inbound_canary })
  }
  if (before.inbound_webhook_url !== after.inbound_webhook_url) {
    changes.push({ field: 'inbound_webhook_url', from: before.inbound_webhook_url, to: after.inbound_webhook_url })
  }
  return changes
}

/** X-Change-Reason of an undo: "Undo: Main Support Line: Nickname: Old → New". */
export function undoReason(title: string, changes: readonly SavedChange[], catalog: AgentCatalog): string {
  if (changes.length !== 1) return `Undo: ${title}`
  const words = changesInWords(changesBetween(changes[0]!.before, changes[0]!.after), catalog)
  return `Undo: ${title}: ${words.join('; ')}`
}

export interface OutcomeInWords {
  /** `problem` when something was not put back. */
  tone: 'info' | 'problem'
  lines: string[]
}

/**
 * How an undo ended, number by number where it matters: put back, left alone because someone else
 * changed it after the save (their change stays), refused or failed with the reason. A draft the
 * save published stays published (publishing cannot be taken back), and the words say so.
 */
export function undoOutcomeInWords(
  outcomes: readonly NumberOutcome[],
  titleOf: (number: NumberRef) => string,
  publishedByTheSave: readonly string[],
  catalog: AgentCatalog,
): OutcomeInWords {
  const back = outcomes.filter((o) => o.result === 'changed' || o.result === 'unchanged')
  const lines: string[] = []
  const names = (list: readonly NumberOutcome[]) => list.map((o) => titleOf(o.number)).join(', ')
  if (back.length === outcomes.length) {
    lines.push(
      outcomes.length === 1
        ? `Undone: ${titleOf(outcomes[0]!.number)} is back as it was.`
        : `Undone: ${formatCount(outcomes.length)} numbers are back as they were.`,
    )
  } else if (back.length > 0) {
    lines.push(`Undone for ${formatCount(back.length)} of ${formatCount(outcomes.length)} numbers.`)
  }
  const elsewhere = outcomes.filter((o) => o.result === 'changed-elsewhere')
  if (elsewhere.length > 0) {
    lines.push(
      elsewhere.length === 1
        ? `Not undone: someone else changed ${names(elsewhere)} after your save. Their change stays.`
        : `Not undone: someone else changed ${formatCount(elsewhere.length)} numbers after your save (${names(elsewhere)}). Their changes stay.`,
    )
  }
  for (const outcome of outcomes) {
    const title = titleOf(outcome.number)
    if (outcome.result === 'refused') lines.push(`${title} was not put back: ${refusalInWords(outcome.refusal)}`)
    if (outcome.result === 'failed') {
      lines.push(`${title} was not put back${outcome.partly ? ' in full' : ''}: ${outcome.message}`)
    }
    if (outcome.result === 'not-sent') {
      lines.push(
        `${title} was not put back${outcome.partly ? ' in full' : ''}: the undo stopped${outcome.message ? ` (${outcome.message})` : ''}.`,
      )
    }
  }
  for (const versionId of publishedByTheSave) {
    lines.push(`${versionName(versionId, catalog)} stays published: publishing cannot be undone.`)
  }
  return { tone: back.length === outcomes.length ? 'info' : 'problem', lines }
}
