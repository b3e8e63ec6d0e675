import { buildAgentCatalog } from '@/features/agents/domain/agent-catalog'
import {
  canaryAgentOptions,
  canaryOfValues,
  canaryVersionOnAgentPick,
  withCanaryAdded,
  withCanaryPromoted,
} from '@/features/phone-numbers/domain/canary-form'
import {
  desiredStateFromValues,
  editNumberFormSchema,
  followNumber,
  formValuesFromNumber,
  isHttpsUrl,
  withinPermissions,
} from '@/features/phone-numbers/domain/edit-number-form'
import { createSeedRecords } from '@/mocks/seed'
import type { PhoneNumber } from '@/types/api'

const seed = createSeedRecords()
const catalog = buildAgentCatalog(seed.agents)
const byE164 = (e164: string) => seed.numbers.find((n) => n.phone_number === e164)!
const MAIN = byE164('+14155550123') // inbound Front Desk v3
const APPOINTMENTS = byE164('+14155550172') // Reminders v2 both sides
const TOLL_FREE = byE164('+18005550199') // Front Desk v2 with a canary of v3 at 10 %, a webhook
const CHICAGO = byE164('+13125550187') // Legacy IVR v2 (archived)

describe('Add canary proposes', () => {
  test('the inbound agent’s newest published version other than the slot’s, at 10 %', () => {
    expect(withCanaryAdded(catalog, 'agv_front_desk_2')).toEqual({
      canaryOn: true,
      canaryAgent: 'agt_front_desk',
      canaryVersion: 'agv_front_desk_3',
      canaryShare: '10',
    })
    expect(withCanaryAdded(catalog, 'agv_front_desk_3').canaryVersion).toBe('agv_front_desk_2')
    // Reminders: v3 is a draft, so v1 (published) is proposed beside v2.
    expect(withCanaryAdded(catalog, 'agv_reminders_2').canaryVersion).toBe('agv_reminders_1')
  })

  test('beside an agent with nothing else to offer, or an archived one, a live agent’s version', () => {
    const beside = withCanaryAdded(catalog, 'agv_legacy_ivr_2')
    expect(beside.canaryAgent).not.toBe('agt_legacy_ivr')
    expect(catalog.versionById.get(beside.canaryVersion)?.agent.id).toBe(beside.canaryAgent)
    // Claims Intake has one version: the slot's.
    expect(withCanaryAdded(catalog, 'agv_claims_1').canaryAgent).not.toBe('agt_claims')
  })
})

test('picking a canary agent selects a version other than inbound, a draft only when nothing published is left', () => {
  expect(canaryVersionOnAgentPick(catalog, 'agt_billing', 'agv_front_desk_3', null)).toBe('agv_billing_3')
  expect(canaryVersionOnAgentPick(catalog, 'agt_billing', 'agv_billing_3', null)).toBe('agv_billing_2')
  expect(canaryVersionOnAgentPick(catalog, 'agt_claims', 'agv_front_desk_3', null)).toBe('agv_claims_1')
  expect(canaryVersionOnAgentPick(catalog, 'agt_legacy_ivr', 'agv_front_desk_3', 'agv_legacy_ivr_1')).toBe(
    'agv_legacy_ivr_1',
  )
  // No None among the canary's agents (Remove canary is the way), an archived one only when the canary holds it.
  const names = (held: string | null) => canaryAgentOptions(catalog, held).map((o) => o.label)
  expect(names(null)).not.toContain('None')
  expect(names(null)).not.toContain('Legacy IVR (archived)')
  expect(names('agv_legacy_ivr_1')).toContain('Legacy IVR (archived)')
})

test('the form holds the number’s canary and webhook; Promote and Remove change only the form', () => {
  const opened = formValuesFromNumber(TOLL_FREE, catalog)
  expect(opened).toMatchObject({
    canaryOn: true,
    canaryAgent: 'agt_front_desk',
    canaryVersion: 'agv_front_desk_3',
    canaryShare: '10',
    webhookUrl: TOLL_FREE.inbound_webhook_url,
  })
  expect(desiredStateFromValues(opened).canary).toEqual(TOLL_FREE.inbound_canary)
  const promoted = { ...opened, ...withCanaryPromoted(opened) }
  expect(desiredStateFromValues(promoted)).toMatchObject({ inbound: 'agv_front_desk_3', canary: null })
  expect(desiredStateFromValues({ ...opened, canaryOn: false }).canary).toBeNull()
  // Inbound None: no canary, whatever its fields hold.
  expect(desiredStateFromValues({ ...opened, inboundAgent: '__none__', inboundVersion: '' }).canary).toBeNull()
  expect(canaryOfValues({ ...opened, canaryShare: '1O' }, 'agv_front_desk_2')?.percent).toBeNaN()
})

test('the schema checks the share and the webhook URL in words, only where they are in play', () => {
  const errors = (values: object) =>
    editNumberFormSchema
      .safeParse({ ...formValuesFromNumber(TOLL_FREE, catalog), ...values })
      .error?.issues.map((issue) => issue.message) ?? []
  expect(errors({})).toEqual([])
  expect(errors({ canaryShare: '100' })).toEqual([
    'Canary share must be a whole number from 1 to 99 (per cent of inbound calls).',
  ])
  expect(errors({ canaryShare: '2.5' })).toHaveLength(1)
  expect(errors({ canaryShare: '', canaryOn: false })).toEqual([])
  expect(errors({ webhookUrl: 'http://hooks.example/x' })).toEqual([
    'Inbound webhook URL must be a full https:// address, such as https://hooks.example.com/inbound.',
  ])
  expect(errors({ webhookUrl: `https://h.example/${'x'.repeat(2050)}` })[0]).toMatch(/at most 2,048 characters/)
  expect(errors({ webhookUrl: '  ' })).toEqual([])
  expect(isHttpsUrl('https:///vars')).toBe(false)
  expect(isHttpsUrl('https://hooks.example/a b')).toBe(false)
  expect(isHttpsUrl('HTTPS://hooks.example/ok?x=1')).toBe(true)
})

test('another admin’s canary and webhook changes are followed unless the user changed them', () => {
  const theirs: PhoneNumber = {
    ...TOLL_FREE,
    inbound_canary: { agent_version_id: 'agv_front_desk_1', percent: 30 },
    inbound_webhook_url: null,
    updated_at: '2030-01-01T00:00:00.000Z',
  }
  const opened = formValuesFromNumber(TOLL_FREE, catalog)
  const followed = followNumber(opened, TOLL_FREE, theirs, catalog)
  expect(desiredStateFromValues(followed)).toMatchObject({ canary: theirs.inbound_canary, webhook: '' })
  const mine = { ...opened, canaryShare: '50', webhookUrl: 'https://hooks.example/mine' }
  expect(desiredStateFromValues(followNumber(mine, TOLL_FREE, theirs, catalog))).toMatchObject({
    canary: { agent_version_id: 'agv_front_desk_3', percent: 50 },
    webhook: 'https://hooks.example/mine',
  })
})

test('a key that may do less drops the canary and webhook changes it may not make, and says which', () => {
  const values = {
    ...formValuesFromNumber(MAIN, catalog),
    ...withCanaryAdded(catalog, 'agv_front_desk_3'),
    webhookUrl: 'https://hooks.example/x',
    nickname: 'Renamed',
  }
  const support = withinPermissions(values, MAIN, catalog, { canRoute: false, canRename: true })
  expect(support.dropped).toEqual(['Canary', 'Inbound webhook URL'])
  expect(desiredStateFromValues(support.values)).toMatchObject({ canary: null, webhook: '', nickname: 'Renamed' })
  const routeOnly = withinPermissions(values, MAIN, catalog, { canRoute: true, canRename: false })
  expect(routeOnly.dropped).toEqual(['Nickname', 'Inbound webhook URL'])
  expect(desiredStateFromValues(routeOnly.values).canary).not.toBeNull()
  expect(withinPermissions(values, APPOINTMENTS, catalog, { canRoute: true, canRename: true }).dropped).toEqual([])
  expect(formValuesFromNumber(CHICAGO, catalog).canaryOn).toBe(false)
})
