import { formatUtcDay, formatUtcTimeOfDay } from '@/lib/format-time'
import { formatPhoneNumber } from '@/lib/phone-format'

/**
 * A refused precondition (409 `precondition_failed`) in words: which numbers someone else changed and
 * when. The times are said in UTC: admins of one workspace sit in several time zones, and the change
 * history (`GET /v1/events`) and the server speak UTC too.
 */

interface ChangedNumberLike {
  phoneNumber: string
  updatedAt: string | null
}

/** `at 08:12:44 UTC` today (UTC), `on May 11, 2024 at 08:12:44 UTC` another day. */
export function changeTimeInWords(iso: string, now: Date = new Date()): string {
  const when = new Date(iso)
  if (Number.isNaN(when.getTime())) return ''
  const time = `${formatUtcTimeOfDay(when)} UTC`
  return formatUtcDay(when) === formatUtcDay(now) ? `at ${time}` : `on ${formatUtcDay(when)} at ${time}`
}

/**
 * `Someone else changed +1 415 555 0123 at 08:12:44 UTC, after this page read it: nothing was changed.`
 * Several numbers are listed, each with its time; none named (a server that sent no details) says so generally.
 */
export function changedNumbersInWords(numbers: ChangedNumberLike[], now: Date = new Date()): string {
  const named = (number: ChangedNumberLike) => {
    const when = number.updatedAt === null ? '' : changeTimeInWords(number.updatedAt, now)
    return `${formatPhoneNumber(number.phoneNumber)}${when ? ` ${when}` : ''}`
  }
  if (numbers.length === 0) return 'Someone else changed this number after the page read it: nothing was changed.'
  if (numbers.length === 1)
    return `Someone else changed ${named(numbers[0]!)}, after the page read it: nothing was changed.`
  const list = numbers.map((number) => named(number))
  return `Someone else changed ${numbers.length} of these numbers after the page read them (${list.join('; ')}): nothing was changed.`
}
