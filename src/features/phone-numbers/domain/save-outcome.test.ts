import { buildAgentCatalog } from '@/features/agents/domain/agent-catalog'
import { desiredFromNumber, type DesiredNumberState } from '@/features/phone-numbers/domain/desired-state'
import { planSave } from '@/features/phone-numbers/domain/plan-save'
import type { WriteCall } from '@/features/phone-numbers/domain/writes/plan-writes'
import { changedFields } from '@/features/phone-numbers/domain/number-fields'
import { afterCall, checkCall, fieldsChosen } from '@/features/phone-numbers/domain/save-outcome'
import { createSeedRecords } from '@/mocks/seed'
import type { PhoneNumber } from '@/types/api'

const seed = createSeedRecords()
const catalog = buildAgentCatalog(seed.agents)
const APPOINTMENTS = seed.numbers.find((n) => n.phone_number === '+14155550172')! // Reminders v2 on both sides

/** Appointment Line with a canary of Reminders v1 beside its inbound Reminders v2. */
const WITH_CANARY: PhoneNumber = {
  ...APPOINTMENTS,
  inbound_canary: { agent_version_id: 'agv_reminders_1', percent: 10 },
  updated_at: '2025-01-01T00:00:00.000Z',
}

const choose = (number: PhoneNumber, changes: Partial<DesiredNumberState>): DesiredNumberState => ({
  ...desiredFromNumber(number),
  ...changes,
})
const onlyCall = (number: PhoneNumber, changes: Partial<DesiredNumberState>): WriteCall => {
  const [call, ...rest] = planSave(number, catalog, choose(number, changes))
  expect(rest).toEqual([])
  return call!
}
const later = (number: PhoneNumber, changes: Partial<PhoneNumber>): PhoneNumber => ({
  ...number,
  ...changes,
  updated_at: '2025-01-01T00:00:01.000Z',
})

describe('afterCall: the number as API.md leaves it after a call', () => {
  test('a deploy writes its sides; a deploy of the canary’s version inbound promotes it, another keeps it', () => {
    expect(afterCall(onlyCall(WITH_CANARY, { outbound: 'agv_sales_3' }), WITH_CANARY, catalog)).toEqual({
      ...WITH_CANARY,
      outbound_agent_version_id: 'agv_sales_3',
    })
    expect(
      afterCall(onlyCall(WITH_CANARY, { inbound: 'agv_reminders_1', canary: null }), WITH_CANARY, catalog),
    ).toEqual({
      ...WITH_CANARY,
      inbound_agent_version_id: 'agv_reminders_1',
      inbound_canary: null,
    })
    expect(afterCall(onlyCall(WITH_CANARY, { inbound: 'agv_front_desk_3' }), WITH_CANARY, catalog)).toEqual({
      ...WITH_CANARY,
      inbound_agent_version_id: 'agv_front_desk_3',
    })
  })

  test('an unassign clears the sides its agent holds, and a cleared inbound side its canary', () => {
    const both = onlyCall(WITH_CANARY, { inbound: null, outbound: null, canary: null })
    expect(afterCall(both, WITH_CANARY, catalog)).toEqual({
      ...WITH_CANARY,
      inbound_agent_version_id: null,
      outbound_agent_version_id: null,
      inbound_canary: null,
    })
    // A side held by another agent (someone else's change) is left alone, as the server does.
    const moved = { ...WITH_CANARY, outbound_agent_version_id: 'agv_sales_1' }
    expect(afterCall(both, moved, catalog).outbound_agent_version_id).toBe('agv_sales_1')
  })

  test('a PATCH sets the fields it names, as the server stores them', () => {
    const call = onlyCall(APPOINTMENTS, { nickname: '  Front line ', label: '', webhook: ' https://hooks.example/x ' })
    expect(afterCall(call, APPOINTMENTS, catalog)).toEqual({
      ...APPOINTMENTS,
      nickname: 'Front line',
      label: null,
      inbound_webhook_url: 'https://hooks.example/x',
    })
  })

  test('the canary calls set or remove the canary; a publish naming no numbers leaves the number as it was', () => {
    const canary = { agent_version_id: 'agv_reminders_3', percent: 20 }
    const [publish, set] = planSave(APPOINTMENTS, catalog, choose(APPOINTMENTS, { canary }))
    expect(afterCall(publish!, APPOINTMENTS, catalog)).toBe(APPOINTMENTS)
    expect(afterCall(set!, APPOINTMENTS, catalog)).toEqual({ ...APPOINTMENTS, inbound_canary: canary })
    const remove = onlyCall(WITH_CANARY, { canary: null })
    expect(afterCall(remove, WITH_CANARY, catalog)).toEqual({ ...WITH_CANARY, inbound_canary: null })
  })
})

describe('checkCall: what a read of the number says about a call', () => {
  const call = onlyCall(APPOINTMENTS, { outbound: 'agv_sales_3' })

  test('unchanged: not applied, nobody else changed anything', () => {
    expect(checkCall(call, APPOINTMENTS, APPOINTMENTS, catalog)).toEqual({ applied: false, changedBySomeoneElse: [] })
  })

  test('holding exactly the change: applied', () => {
    const now = later(APPOINTMENTS, { outbound_agent_version_id: 'agv_sales_3' })
    expect(checkCall(call, APPOINTMENTS, now, catalog)).toEqual({ applied: true, changedBySomeoneElse: [] })
  })

  test('holding the change and someone else’s: applied, and their fields named', () => {
    const now = later(APPOINTMENTS, { outbound_agent_version_id: 'agv_sales_3', nickname: 'Theirs', label: null })
    expect(checkCall(call, APPOINTMENTS, now, catalog)).toEqual({
      applied: true,
      changedBySomeoneElse: ['nickname', 'label'],
    })
  })

  test('someone else’s change instead: not applied, their fields named (the side included)', () => {
    const now = later(APPOINTMENTS, {
      outbound_agent_version_id: 'agv_sales_1',
      inbound_canary: WITH_CANARY.inbound_canary,
    })
    expect(checkCall(call, APPOINTMENTS, now, catalog)).toEqual({
      applied: false,
      changedBySomeoneElse: ['outbound', 'canary'],
    })
  })

  test('a promotion applied counts only when the canary is gone too', () => {
    const promote = onlyCall(WITH_CANARY, { inbound: 'agv_reminders_1', canary: null })
    const promoted = later(WITH_CANARY, { inbound_agent_version_id: 'agv_reminders_1', inbound_canary: null })
    expect(checkCall(promote, WITH_CANARY, promoted, catalog).applied).toBe(true)
    const canaryKept = later(WITH_CANARY, { inbound_agent_version_id: 'agv_reminders_1' })
    expect(checkCall(promote, WITH_CANARY, canaryKept, catalog).applied).toBe(false)
  })
})

test('changedFields names each field once, a side’s agent and version as one', () => {
  const now = later(APPOINTMENTS, {
    inbound_agent_version_id: 'agv_front_desk_3',
    inbound_webhook_url: 'https://hooks.example/x',
    inbound_canary: { agent_version_id: 'agv_reminders_1', percent: 10 },
  })
  expect(changedFields(APPOINTMENTS, now)).toEqual(['inbound', 'canary', 'webhook'])
  const percent = { ...now, inbound_canary: { agent_version_id: 'agv_reminders_1', percent: 20 } }
  expect(changedFields(now, percent)).toEqual(['canary'])
  expect(changedFields(now, { ...now, updated_at: '2030-01-01T00:00:00.000Z' })).toEqual([])
})

test('fieldsChosen: where the user’s choice differs from the number, text compared as it is saved', () => {
  expect(fieldsChosen(APPOINTMENTS, choose(APPOINTMENTS, {}))).toEqual([])
  expect(fieldsChosen(APPOINTMENTS, choose(APPOINTMENTS, { nickname: ' Appointment Line ' }))).toEqual([])
  expect(fieldsChosen(APPOINTMENTS, choose(APPOINTMENTS, { outbound: null, label: 'x' }))).toEqual([
    'outbound',
    'label',
  ])
  expect(fieldsChosen(WITH_CANARY, choose(WITH_CANARY, { webhook: ' ' }))).toEqual([])
  // Stored by another client in a form the page only cleans up: the user changed nothing.
  const decomposed = { ...APPOINTMENTS, nickname: 'Cafe\u0301 Line', label: 'a\u200Bb' }
  expect(fieldsChosen(decomposed, choose(decomposed, {}))).toEqual([])
  expect(
    fieldsChosen(WITH_CANARY, choose(WITH_CANARY, { canary: { agent_version_id: 'agv_reminders_1', percent: 11 } })),
  ).toEqual(['canary'])
  expect(fieldsChosen(WITH_CANARY, choose(WITH_CANARY, { webhook: 'https://hooks.example/y' }))).toEqual(['webhook'])
})
