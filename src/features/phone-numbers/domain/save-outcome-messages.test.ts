import { buildAgentCatalog } from '@/features/agents/domain/agent-catalog'
import { desiredFromNumber, type DesiredNumberState } from '@/features/phone-numbers/domain/desired-state'
import { planSave } from '@/features/phone-numbers/domain/plan-save'
import type { WriteCall } from '@/features/phone-numbers/domain/writes/plan-writes'
import {
  callsInWords,
  changesSinceInWords,
  describeCall,
  saveFailureInWords,
  unknownOutcomeSince,
  whoChangedInWords,
} from '@/features/phone-numbers/domain/save-outcome-messages'
import { changeTimeInWords } from '@/lib/changed-numbers'
import type { StoppedSave } from '@/features/phone-numbers/domain/save-outcome'
import { ApiError } from '@/lib/api-error'
import { createSeedRecords } from '@/mocks/seed'
import type { PhoneNumber } from '@/types/api'

const seed = createSeedRecords()
const catalog = buildAgentCatalog(seed.agents)
const MAIN = seed.numbers.find((n) => n.phone_number === '+14155550123')! // inbound Front Desk v3, outbound None

function desired(number: PhoneNumber, changes: Partial<DesiredNumberState>): DesiredNumberState {
  return { ...desiredFromNumber(number), ...changes }
}
const later = (number: PhoneNumber, changes: Partial<PhoneNumber>, ms = 1): PhoneNumber => ({
  ...number,
  ...changes,
  updated_at: new Date(Date.parse(number.updated_at) + ms).toISOString(),
})

test('planned calls in words, for what was and was not applied (the precondition is no field)', () => {
  const calls = planSave(
    MAIN,
    catalog,
    desired(MAIN, { inbound: null, outbound: 'agv_sales_3', nickname: 'Front line', label: '' }),
  )
  expect(calls.map((call) => describeCall(call, catalog))).toEqual([
    'Outbound → Outbound Sales v3',
    'Inbound cleared',
    'Nickname and label change',
  ])
  const both: WriteCall = {
    kind: 'deploy',
    agentId: 'agt_sales',
    versionId: 'agv_sales_2',
    direction: 'both',
    publishesDraft: false,
    numbers: [{ id: MAIN.id, phone_number: MAIN.phone_number }],
  }
  expect(describeCall(both, catalog)).toBe('Inbound and outbound → Outbound Sales v2')
  expect(callsInWords('Not sent', [both, calls[1]!], catalog)).toBe(
    'Not sent: Inbound and outbound → Outbound Sales v2; Inbound cleared.',
  )
})

test('what someone else changed, one sentence per field; a side’s agent and version are one field', () => {
  const now = later(MAIN, {
    inbound_agent_version_id: null,
    outbound_agent_version_id: 'agv_reminders_2',
    nickname: 'Billing',
    label: null,
    inbound_webhook_url: 'https://hooks.example/in',
  })
  expect(changesSinceInWords(MAIN, now, catalog)).toEqual([
    'Inbound was cleared since you opened this number.',
    'Outbound changed to Appointment Reminders v2 since you opened this number.',
    'Nickname changed to “Billing” since you opened this number.',
    'Label was cleared since you opened this number.',
    'The inbound webhook URL changed to https://hooks.example/in since you opened this number.',
  ])
  const canary = later(MAIN, { inbound_canary: { agent_version_id: 'agv_front_desk_2', percent: 10 } })
  expect(changesSinceInWords(MAIN, canary, catalog)).toEqual([
    'The inbound canary changed to Front Desk v2 at 10 % since you opened this number.',
  ])
  expect(changesSinceInWords(canary, later(canary, { inbound_canary: null }), catalog)).toEqual([
    'The inbound canary was removed since you opened this number.',
  ])
  // A field the user changed too: Save would put their choice over it, and the sentence says so.
  expect(changesSinceInWords(MAIN, later(MAIN, { nickname: 'Theirs' }), catalog, ['nickname'])).toEqual([
    'Nickname changed to “Theirs” since you opened this number. You changed it too: Save would put your choice in its place.',
  ])
})

function stopped(outcome: StoppedSave['outcome'], overrides: Partial<StoppedSave> = {}): StoppedSave {
  const chosen = desired(MAIN, { outbound: 'agv_sales_3', nickname: 'Front line' })
  const [deploy, patch] = planSave(MAIN, catalog, chosen)
  return {
    applied: [],
    failed: deploy!,
    notAttempted: [patch!],
    cause: new Error('No answer from the server within 15 s.'),
    outcome,
    expected: MAIN,
    current: MAIN,
    desired: chosen,
    ...overrides,
  }
}

test('a conflict says nothing was overwritten, what changed since, and what was and was not applied', () => {
  const now = later(MAIN, { inbound_agent_version_id: 'agv_billing_2', nickname: 'Theirs' })
  const changedBy = [{ actor: 'another-admin', at: now.updated_at, reason: null }]
  expect(saveFailureInWords(stopped('conflict', { current: now, changedBy }), catalog)).toEqual([
    'Someone else changed this number after you opened it: nothing of theirs was overwritten.',
    `Changed by another-admin ${changeTimeInWords(now.updated_at)}.`,
    'Inbound changed to Billing Assistant v2 since you opened this number.',
    'Nickname changed to “Theirs” since you opened this number. You changed it too: Save would put your choice in its place.',
    'Not applied: Outbound → Outbound Sales v3; Nickname change.',
  ])
  const { failed, notAttempted } = stopped('conflict')
  const partWay = stopped('conflict', { applied: [failed], failed: notAttempted[0]!, notAttempted: [], current: null })
  expect(saveFailureInWords(partWay, catalog)).toEqual([
    'Someone else changed this number after you opened it: nothing of theirs was overwritten.',
    'The page could not read the number again, so the table may not show their change yet.',
    'Applied: Outbound → Outbound Sales v3.',
    'Not applied: Nickname change.',
  ])
  // Changed and changed back (or in a field the dialog does not show): said so, not an empty list.
  expect(saveFailureInWords(stopped('conflict', { current: later(MAIN, {}) }), catalog)[2]).toMatch(
    /^What it holds now looks as before/,
  )
})

test('whose change it was: names from the history (once each), the newest time and reason; else only when', () => {
  const at = '2024-05-11T08:12:44.000Z'
  const authors = [
    { actor: 'ops-console', at, reason: 'Move v2 numbers to v3' },
    { actor: 'another-admin', at: '2024-05-11T08:00:00.000Z', reason: null },
    { actor: 'ops-console', at: '2024-05-11T07:00:00.000Z', reason: null },
  ]
  expect(whoChangedInWords({ changedBy: authors, current: null, cause: null })).toBe(
    `Changed by ops-console and another-admin ${changeTimeInWords(at)} (“Move v2 numbers to v3”).`,
  )
  // No history (none kept, or it could not be read): when, from the number read again, or from the 409.
  expect(whoChangedInWords({ changedBy: null, current: { ...MAIN, updated_at: at }, cause: null })).toBe(
    `Changed ${changeTimeInWords(at)}.`,
  )
  const refusal = new ApiError({
    kind: 'http',
    status: 409,
    code: 'precondition_failed',
    message: 'x',
    method: 'PATCH',
    path: '/x',
    details: [{ field: MAIN.phone_number, message: `updated at ${at}` }],
  })
  expect(whoChangedInWords({ changedBy: [], current: null, cause: refusal })).toBe(`Changed ${changeTimeInWords(at)}.`)
  expect(whoChangedInWords({ changedBy: [], current: null, cause: new Error('x') })).toBeNull()
})

test('an unclear outcome is never a “no”: it may or may not have been applied, and the page looks again', () => {
  expect(saveFailureInWords(stopped('unknown'), catalog)).toEqual([
    'Outbound → Outbound Sales v3: No answer from the server within 15 s. It may or may not have been applied.',
    'When the page read the number again, it had not been applied (yet): the page reads it again in a few seconds.',
    'Not sent: Nickname change.',
  ])
  expect(saveFailureInWords(stopped('unknown', { current: null }), catalog)[1]).toBe(
    'The page could not read the number again to check.',
  )
})

test('a refused call says it was not applied, with the server’s reason, in words where its code is known', () => {
  const refusal = (status: number, code: string, message: string) =>
    new ApiError({ kind: 'http', status, code, message, method: 'POST', path: '/x' })
  const inWords = (cause: ApiError) => saveFailureInWords(stopped('not_applied', { cause }), catalog)
  expect(inWords(refusal(400, 'validation_failed', 'label must be at most 255 characters'))).toEqual([
    'Outbound → Outbound Sales v3 failed and was not applied: label must be at most 255 characters',
    'Not sent: Nickname change.',
  ])
  expect(inWords(refusal(400, 'agent_archived', 'Agent is archived.'))[0]).toBe(
    'Outbound → Outbound Sales v3 failed and was not applied: its agent is archived, so its versions can no longer be deployed, published or made a canary (the server said: “Agent is archived.”).',
  )
  expect(inWords(refusal(403, 'insufficient_scope', 'This API key lacks the agents:manage scope.'))[0]).toBe(
    'Outbound → Outbound Sales v3 failed and was not applied: your key is not allowed to make this change (the server said: “This API key lacks the agents:manage scope.”).',
  )
  expect(inWords(refusal(400, 'version_not_published', 'v3 is a draft.'))[0]).toMatch(
    /failed and was not applied: the version is a draft, and only a published version can be a canary; saving again publishes it first/,
  )
})

test('canary, publish and webhook calls in words', () => {
  const TOLL_FREE = seed.numbers.find((n) => n.phone_number === '+18005550199')! // Front Desk v2, canary v3 at 10 %
  const calls = planSave(
    TOLL_FREE,
    catalog,
    desired(TOLL_FREE, { canary: { agent_version_id: 'agv_billing_4', percent: 5 }, webhook: '', label: 'x' }),
  )
  expect(calls.map((call) => describeCall(call, catalog))).toEqual([
    'Publish Billing Assistant v4',
    'Canary → Billing Assistant v4 at 5 %',
    'Label and webhook URL change',
  ])
  const [remove] = planSave(TOLL_FREE, catalog, desired(TOLL_FREE, { canary: null }))
  expect(describeCall(remove!, catalog)).toBe('Canary removed')
})

test('after an unclear outcome, the number read again later says whether the change has been applied since', () => {
  const unknown = stopped('unknown')
  expect(unknownOutcomeSince(unknown, MAIN, catalog)).toBeNull()
  expect(unknownOutcomeSince(unknown, later(MAIN, { outbound_agent_version_id: 'agv_sales_3' }), catalog)).toBe(
    'Read again since: it has been applied.',
  )
  expect(unknownOutcomeSince(unknown, later(MAIN, { label: 'theirs' }), catalog)).toBe(
    'Label changed to “theirs” since you opened this number.',
  )
  expect(unknownOutcomeSince(stopped('conflict'), later(MAIN, { label: 'x' }), catalog)).toBeNull()
})
