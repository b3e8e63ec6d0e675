import { describe, expect, it } from 'vitest'
import { ApiError } from '@/lib/api-error'
import { changedNumbersInWords, changeTimeInWords } from '@/lib/changed-numbers'

const base = { kind: 'http', code: 'rate_limited', method: 'POST', path: '/v1/x' } as const

describe('ApiError', () => {
  it('says a 429 in words, with the wait the server asked for', () => {
    expect(new ApiError({ ...base, status: 429, message: 'injected fault', retryAfterSeconds: 3 }).message).toBe(
      'The server is rate-limiting requests: try again in 3 s.',
    )
    expect(new ApiError({ ...base, status: 429, message: 'Too many requests' }).message).toBe(
      'The server is rate-limiting requests: try again in a moment.',
    )
  })

  it("keeps the server's own message for other errors", () => {
    expect(
      new ApiError({ ...base, status: 400, code: 'validation_failed', message: 'Nickname too long' }).message,
    ).toBe('Nickname too long')
  })

  it('reads a 409’s details as the numbers changed and when; other errors name none', () => {
    const conflict = new ApiError({
      ...base,
      status: 409,
      code: 'precondition_failed',
      message: 'Precondition failed',
      details: [
        { field: '+14155550123', message: 'updated at 2024-05-11T08:12:44.000Z' },
        { field: '+14155550124', message: 'updated at 2024-05-11T08:12:44Z' },
        { field: '+14155550125', message: 'updated at 2024-13-45T99:99:99.000Z' },
      ],
    })
    expect(conflict.isPreconditionFailed).toBe(true)
    expect(conflict.changedNumbers).toEqual([
      { phoneNumber: '+14155550123', updatedAt: '2024-05-11T08:12:44.000Z' },
      { phoneNumber: '+14155550124', updatedAt: '2024-05-11T08:12:44Z' },
      // Not a time: the number is still named, without one.
      { phoneNumber: '+14155550125', updatedAt: null },
    ])
    const validation = new ApiError({
      ...base,
      status: 400,
      code: 'validation_failed',
      message: 'x',
      details: [{ field: '+14155550123', message: 'updated at 2024-05-11T08:12:44.000Z' }],
    })
    expect([validation.isPreconditionFailed, validation.changedNumbers]).toEqual([false, []])
  })
})

describe('a refused precondition in words', () => {
  const now = new Date('2024-05-11T20:00:00.000Z')

  it('says the time of day for a change today (UTC), and the date for an older one', () => {
    expect(changeTimeInWords('2024-05-11T08:12:44.000Z', now)).toBe('at 08:12:44 UTC')
    expect(changeTimeInWords('2024-05-10T23:59:59.999Z', now)).toBe('on May 10, 2024 at 23:59:59 UTC')
    expect(changeTimeInWords('not a time', now)).toBe('')
  })

  it('names one number, several, or none', () => {
    expect(changedNumbersInWords([{ phoneNumber: '+14155550123', updatedAt: '2024-05-11T08:12:44.000Z' }], now)).toBe(
      'Someone else changed +1 415 555 0123 at 08:12:44 UTC, after the page read it: nothing was changed.',
    )
    expect(
      changedNumbersInWords(
        [
          { phoneNumber: '+14155550123', updatedAt: '2024-05-11T08:12:44.000Z' },
          { phoneNumber: '+4989123456789', updatedAt: null },
        ],
        now,
      ),
    ).toBe(
      'Someone else changed 2 of these numbers after the page read them (+1 415 555 0123 at 08:12:44 UTC; +49 89 123456789): nothing was changed.',
    )
    expect(changedNumbersInWords([], now)).toBe(
      'Someone else changed this number after the page read it: nothing was changed.',
    )
  })
})
