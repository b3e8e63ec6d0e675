import { sameProperty } from '@/features/phone-numbers/domain/number-fields'
import { SLOT_FIELD, slotsOf } from '@/features/phone-numbers/domain/sides'
import type { JobNumber, NumberRef, WriteCall } from '@/features/phone-numbers/domain/writes/plan-writes'
import { canaryLeftBySlot } from '@/features/phone-numbers/domain/writes/canaries-and-drafts'
import { eventFields } from '@/types/api'

/** What run-writes asks of a planned call: the numbers it names, narrowed to some of them, whether it reached a number, and which calls may go at once. */

export function refOf(number: NumberRef): NumberRef {
  return { id: number.id, phone_number: number.phone_number }
}

export function numbersOf(call: WriteCall): NumberRef[] {
  switch (call.kind) {
    case 'publish':
      return []
    case 'deploy':
    case 'unassign':
      return call.numbers
    default:
      return [call.number]
  }
}

/** The call for only these of its numbers (a resend to those it has not reached). */
export function narrow(call: WriteCall, numbers: NumberRef[]): WriteCall {
  return call.kind === 'deploy' || call.kind === 'unassign' ? { ...call, numbers } : call
}

/**
 * Whether a number holds what the call was to write (so an ambiguous call did reach it). A side's
 * call is known by its sides alone: the canary it leaves depends on what it found.
 */
export function reached(call: WriteCall, record: JobNumber): boolean {
  const written = writtenBy(call, record)
  if (call.kind === 'deploy' || call.kind === 'unassign') delete written.inbound_canary
  const expected: JobNumber = { ...record, ...written }
  return (Object.keys(written) as (keyof JobNumber)[]).every((property) => sameProperty(property, expected, record))
}

/**
 * What a call writes into a number last seen as `before`: its fields and their new values. A side's
 * call moves the canary too when the side is inbound (promoted, removed or kept, canaryLeftBySlot).
 */
function writtenBy(call: WriteCall, before: JobNumber): Partial<JobNumber> {
  switch (call.kind) {
    case 'publish':
      return {}
    case 'deploy':
    case 'unassign': {
      const version = call.kind === 'deploy' ? call.versionId : null
      const sides = slotsOf(call.direction)
      const written: Partial<JobNumber> = Object.fromEntries(sides.map((side) => [SLOT_FIELD[side], version]))
      if (sides.includes('inbound')) written.inbound_canary = canaryLeftBySlot(before.inbound_canary, version)
      return written
    }
    case 'set-canary':
      return { inbound_canary: call.canary }
    case 'remove-canary':
      return { inbound_canary: null }
    case 'patch':
      return call.fields
  }
}

/**
 * Whether a number changed since `before` (its last seen state) in nothing but what the call writes:
 * then the change is the call's own. Anything else that differs (another field, or a canary the call
 * would not leave) is someone else's, even when the call reached the number too, and the job must
 * not take their state as its next precondition.
 */
export function changedOnlyBy(call: WriteCall, before: JobNumber, record: JobNumber): boolean {
  const expected: JobNumber = { ...before, ...writtenBy(call, before) }
  // The fields a write may change are those change events name.
  return eventFields.every((property) => sameProperty(property, expected, record))
}

/**
 * The plan cut where calls may go at once: a call naming many numbers alone (publishes go in the
 * plan's order), and runs of one-number calls with no number twice (its second call needs the
 * first's `updated_at`).
 */
export function callSegments(calls: readonly WriteCall[]): { call: WriteCall; index: number }[][] {
  const result: { call: WriteCall; index: number }[][] = []
  let run: { call: WriteCall; index: number }[] = []
  let inRun = new Set<string>()
  const close = () => {
    if (run.length > 0) result.push(run)
    run = []
    inRun = new Set()
  }
  calls.forEach((call, index) => {
    const one = call.kind === 'set-canary' || call.kind === 'remove-canary' || call.kind === 'patch'
    if (!one) {
      close()
      result.push([{ call, index }])
      return
    }
    if (inRun.has(call.number.id)) close()
    inRun.add(call.number.id)
    run.push({ call, index })
  })
  close()
  return result
}
