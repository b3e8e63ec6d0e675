import { describe, expect, it } from 'vitest'
import { ApiError } from '@/lib/api-error'

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
})
