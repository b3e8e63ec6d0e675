import type { NumberRef, WriteCall } from '@/features/phone-numbers/domain/writes/plan-writes'
import type { PatchPhoneNumberBody, PublishBody, PutCanaryBody } from '@/types/api'

/** The request of one planned call, as the API takes it. */
export type WriteRequest =
  | { endpoint: 'publish'; agentId: string; versionId: string; body: PublishBody }
  | { endpoint: 'put-canary'; numberId: string; body: PutCanaryBody }
  | { endpoint: 'delete-canary'; numberId: string; expectedUpdatedAt: string | undefined }
  | { endpoint: 'patch'; numberId: string; body: PatchPhoneNumberBody }

/**
 * A planned call as a request. `lastSeen` gives each number's `updated_at` as the caller last saw it
 * (the plan's, then each response's), which every call sends as its precondition: a number someone
 * else changed meanwhile is refused (409), never overwritten. A number the caller never saw is sent
 * without one.
 */
export function writeRequest(call: WriteCall, lastSeen: (number: NumberRef) => string | undefined): WriteRequest {
  switch (call.kind) {
    case 'publish':
      return { endpoint: 'publish', agentId: call.agentId, versionId: call.versionId, body: {} }
    case 'deploy':
    case 'unassign': {
      const list = call.kind === 'deploy' ? 'phone_numbers' : 'unassign_phone_numbers'
      const body: PublishBody = { [list]: call.numbers.map((n) => n.phone_number), direction: call.direction }
      const expected = expectedOf(call.numbers, lastSeen)
      if (expected) body.expected_updated_at = expected
      return { endpoint: 'publish', agentId: call.agentId, versionId: call.versionId, body }
    }
    case 'set-canary':
      return {
        endpoint: 'put-canary',
        numberId: call.number.id,
        body: withExpected({ ...call.canary }, lastSeen(call.number)),
      }
    case 'remove-canary':
      return { endpoint: 'delete-canary', numberId: call.number.id, expectedUpdatedAt: lastSeen(call.number) }
    case 'patch':
      return {
        endpoint: 'patch',
        numberId: call.number.id,
        body: withExpected({ ...call.fields }, lastSeen(call.number)),
      }
  }
}

function expectedOf(
  numbers: NumberRef[],
  lastSeen: (number: NumberRef) => string | undefined,
): Record<string, string> | undefined {
  const expected: Record<string, string> = {}
  for (const number of numbers) {
    const at = lastSeen(number)
    if (at !== undefined) expected[number.phone_number] = at
  }
  return Object.keys(expected).length > 0 ? expected : undefined
}

function withExpected<T extends object>(body: T, at: string | undefined): T & { expected_updated_at?: string } {
  return at === undefined ? body : { ...body, expected_updated_at: at }
}
