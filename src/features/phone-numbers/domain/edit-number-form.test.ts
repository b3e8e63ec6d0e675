import { buildAgentCatalog } from '@/features/agents/domain/agent-catalog'
import { desiredFromNumber } from '@/features/phone-numbers/domain/desired-state'
import { planSave } from '@/features/phone-numbers/domain/plan-save'
import { afterCall, statesAlongSave } from '@/features/phone-numbers/domain/save-outcome'
import {
  clashesWithServer,
  desiredStateFromValues,
  draftOverNumber,
  followNumber,
  formValuesFromNumber,
  type EditNumberFormValues,
} from '@/features/phone-numbers/domain/edit-number-form'
import { createSeedRecords } from '@/mocks/seed'
import type { PhoneNumber } from '@/types/api'

const seed = createSeedRecords()
const catalog = buildAgentCatalog(seed.agents)
const MAIN = seed.numbers.find((n) => n.phone_number === '+14155550123')! // inbound Front Desk v3, outbound None

const opened = formValuesFromNumber(MAIN, catalog)
/** Another admin changed outbound and nickname since the dialog opened. */
const THEIRS: PhoneNumber = {
  ...MAIN,
  outbound_agent_version_id: 'agv_reminders_2',
  nickname: 'Reminders line',
  updated_at: '2030-01-01T00:00:00.000Z',
}

describe('followNumber: the form once the number changed on the server', () => {
  test('fields the user did not touch take the new values; what the user changed stays', () => {
    const values: EditNumberFormValues = { ...opened, inboundAgent: 'agt_billing', inboundVersion: 'agv_billing_3' }
    expect(followNumber(values, MAIN, THEIRS, catalog)).toEqual({
      ...values,
      outboundAgent: 'agt_reminders',
      outboundVersion: 'agv_reminders_2',
      nickname: 'Reminders line',
    })
  })

  test('a side’s agent and version are one field: a version the user picked keeps its agent', () => {
    const theirInbound = { ...THEIRS, inbound_agent_version_id: 'agv_sales_1' }
    const values = { ...opened, inboundVersion: 'agv_front_desk_2' } // same agent, another version
    const next = followNumber(values, MAIN, theirInbound, catalog)
    expect([next.inboundAgent, next.inboundVersion]).toEqual(['agt_front_desk', 'agv_front_desk_2'])
    // Untouched, both follow together.
    const untouched = followNumber(opened, MAIN, theirInbound, catalog)
    expect([untouched.inboundAgent, untouched.inboundVersion]).toEqual(['agt_sales', 'agv_sales_1'])
  })

  test('a field the user changed the same way as the other admin is no change of theirs any more', () => {
    const values = { ...opened, nickname: 'Reminders line', label: 'typed' }
    const next = followNumber(values, MAIN, THEIRS, catalog)
    expect(desiredStateFromValues(next)).toMatchObject({ nickname: 'Reminders line', label: 'typed' })
    // From then on only the label is the user's: the next change of the nickname on the server is followed.
    const again = followNumber(next, THEIRS, { ...THEIRS, nickname: 'Third' }, catalog)
    expect([again.nickname, again.label]).toEqual(['Third', 'typed'])
  })

  test('text the user only padded with spaces is unchanged, and follows', () => {
    expect(followNumber({ ...opened, nickname: ' Main Support Line ' }, MAIN, THEIRS, catalog).nickname).toBe(
      'Reminders line',
    )
  })
})

test('draftOverNumber: a choice taken up again keeps only the fields the user had changed', () => {
  const draft = {
    from: MAIN,
    desired: { ...desiredFromNumber(MAIN), inbound: 'agv_billing_3', label: 'mine' },
  }
  expect(draftOverNumber(draft, THEIRS, catalog)).toEqual({
    ...formValuesFromNumber(THEIRS, catalog),
    inboundAgent: 'agt_billing',
    inboundVersion: 'agv_billing_3',
    label: 'mine',
  })
})

describe('clashesWithServer: fields the user changed that the server changed too', () => {
  test('a field both changed, differently, clashes; one only the server changed does not', () => {
    const values: EditNumberFormValues = { ...opened, nickname: 'Mine' }
    expect(clashesWithServer(values, MAIN, THEIRS)).toEqual(['nickname'])
    expect(clashesWithServer(opened, MAIN, THEIRS)).toEqual([])
  })

  test('the server now holding what the user chose (the user’s own save, part-way) is no clash', () => {
    const values: EditNumberFormValues = { ...opened, nickname: 'Reminders line' }
    expect(clashesWithServer(values, MAIN, THEIRS)).toEqual([])
  })

  test('a field now as one of the user’s earlier saves leaves it is that save’s doing; any other value is someone else’s', () => {
    const values: EditNumberFormValues = { ...opened, nickname: 'Mine again' }
    expect(clashesWithServer(values, MAIN, THEIRS, [{ ...MAIN, nickname: THEIRS.nickname }])).toEqual([])
    expect(clashesWithServer(values, MAIN, THEIRS, [{ ...MAIN, nickname: 'What the earlier save sent' }])).toEqual([
      'nickname',
    ])
  })

  test('a state the earlier save passes through on its way is its own too (a deploy promoting the canary before the new one is set)', () => {
    const withCanary: PhoneNumber = {
      ...MAIN,
      inbound_agent_version_id: 'agv_front_desk_2',
      inbound_canary: { agent_version_id: 'agv_front_desk_3', percent: 10 },
    }
    const earlierSave = planSave(withCanary, catalog, {
      ...desiredFromNumber(withCanary),
      inbound: 'agv_front_desk_3',
      canary: { agent_version_id: 'agv_billing_1', percent: 20 },
    })
    expect(earlierSave.map((call) => call.kind)).toEqual(['deploy', 'set-canary'])
    // The deploy's answer is in: inbound v3, the canary promoted away; the set-canary call has not answered.
    const afterDeploy = afterCall(earlierSave[0]!, withCanary, catalog)
    expect(afterDeploy.inbound_canary).toBeNull()
    const values: EditNumberFormValues = { ...formValuesFromNumber(withCanary, catalog), canaryShare: '30' }
    expect(clashesWithServer(values, withCanary, afterDeploy)).toEqual(['canary'])
    expect(
      clashesWithServer(values, withCanary, afterDeploy, statesAlongSave(withCanary, earlierSave, catalog)),
    ).toEqual([])
  })
})
