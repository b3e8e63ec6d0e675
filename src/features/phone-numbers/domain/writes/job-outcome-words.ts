import type { NumberOutcome } from '@/features/phone-numbers/domain/writes/number-outcome'
import { refusalInWords } from '@/features/phone-numbers/domain/writes/job-messages'
import { formatCount } from '@/lib/format-count'

/** How a job over many numbers ended, in words: the counts, and each number not changed with its reason. */

/**
 * Numbers not changed listed on screen at most: enough to see what went wrong, few enough to lay out
 * at once (500 took 90 ms of layout at the end of a cancelled job); the downloaded results hold every number.
 */
export const LISTED_AT_MOST = 100

/** The counts of a job's outcomes (JobOutcomes.tally). */
export interface JobTally {
  changed: number
  unchanged: number
  /** How many numbers the job did not take where it was asked to. */
  notChanged: number
  /** The first of them (LISTED_AT_MOST at most), in the order the job named them. */
  listed: NumberOutcome[]
}

/** "1,176 changed, 56 unchanged, 2 not changed:" (the list follows), or "1,176 changed, 56 unchanged." */
export function tallyInWords(tally: JobTally): string {
  const parts = [`${formatCount(tally.changed)} changed`, `${formatCount(tally.unchanged)} unchanged`]
  if (tally.notChanged === 0) return `${parts.join(', ')}.`
  return `${parts.join(', ')}, ${formatCount(tally.notChanged)} not changed:`
}

/** Why one number was not changed, in words (empty for a number that was, or needed nothing). */
export function outcomeReason(outcome: NumberOutcome): string {
  const partly = 'partly' in outcome && outcome.partly ? ' Part of the change was applied before.' : ''
  switch (outcome.result) {
    case 'changed':
    case 'unchanged':
      return ''
    case 'changed-elsewhere':
      return `Changed by someone else since it was read; their change stays.${partly}`
    case 'refused':
      return refusalInWords(outcome.refusal)
    case 'failed':
      return `${outcome.message}${partly}`
    case 'not-sent':
      return `Not sent: the job stopped${outcome.message ? ` (${outcome.message.replace(/\.$/, '')})` : ''}.${partly}`
  }
}

const RESULT_WORDS: Record<NumberOutcome['result'], string> = {
  changed: 'changed',
  unchanged: 'unchanged',
  'changed-elsewhere': 'changed by someone else',
  refused: 'not changed',
  failed: 'failed',
  'not-sent': 'not sent',
}

export const RESULT_COLUMNS = ['phone_number', 'id', 'result', 'reason'] as const

/** The rows of `Download results (CSV)`: one per number the job named. */
export function resultRows(outcomes: Iterable<NumberOutcome>): string[][] {
  return Array.from(outcomes, (o) => [o.number.phone_number, o.number.id, RESULT_WORDS[o.result], outcomeReason(o)])
}
