import type { NumberRef, Refusal } from '@/features/phone-numbers/domain/writes/plan-writes'

/**
 * How a write job ended for one number (jobs/run-writes.ts). What a changed number holds now is the
 * job's JobNumbers' last seen state of it.
 */
export type NumberOutcome =
  | { number: NumberRef; result: 'changed' }
  | { number: NumberRef; result: 'unchanged' }
  /** Someone else changed the number since it was read: left alone (after the calls already applied, if `partly`). */
  | { number: NumberRef; result: 'changed-elsewhere'; partly: boolean }
  | { number: NumberRef; result: 'refused'; refusal: Refusal }
  /** `unchecked`: the call may have been applied (or still be): the number could not be read again to tell, or its last try had no clear answer. */
  | { number: NumberRef; result: 'failed'; message: string; partly: boolean; unchecked?: true }
  /** The job stopped (cancelled, or the key stopped working) before this number was done. */
  | { number: NumberRef; result: 'not-sent'; partly: boolean; message?: string }
