import {
  desiredFromNumber,
  normalizeText,
  type DesiredNumberState,
} from '@/features/phone-numbers/domain/desired-state'
import { chosenFieldsChangedSince, planSave, PlanError, savedChange } from '@/features/phone-numbers/domain/plan-save'
import type { WriteCall } from '@/features/phone-numbers/domain/writes/plan-writes'
import { writeRequest } from '@/features/phone-numbers/domain/writes/write-requests'
import { seed, seedCatalog } from '@/testing/save-scenarios'
import type { PhoneNumber } from '@/types/api'

function seedNumber(e164: string): PhoneNumber {
  const number = seed.numbers.find((n) => n.phone_number === e164)
  if (!number) throw new Error(`${e164} is not in the seed`)
  return number
}

function plan(number: PhoneNumber, changes: Partial<DesiredNumberState>, catalog = seedCatalog): WriteCall[] {
  return planSave(number, catalog, { ...desiredFromNumber(number), ...changes })
}

/** How a call names its number. */
const ref = (number: PhoneNumber) => ({ id: number.id, phone_number: number.phone_number })

const MAIN = seedNumber('+14155550123') // inbound Front Desk v3, outbound None, 'Main Support Line', 'cc-4410'
const APPOINTMENTS = seedNumber('+14155550172') // Reminders v2 on both sides
const MUNICH = seedNumber('+4989123456789') // inbound Reminders v2, outbound Reminders v1
const NEW_YORK = seedNumber('+12125550134') // inbound Front Desk v1, outbound Sales v3
const CHICAGO = seedNumber('+13125550187') // inbound Legacy IVR v2 (archived agent)
const UNNAMED = seedNumber('+16175550110') // no agents, no nickname, no label

describe('planSave examples', () => {
  test('nothing changed: no call', () => {
    expect(plan(MAIN, {})).toEqual([])
    expect(plan(UNNAMED, {})).toEqual([])
    // Text equal after trimming is unchanged too.
    expect(plan(MAIN, { nickname: '  Main Support Line\t', label: ' cc-4410 ' })).toEqual([])
    expect(plan(UNNAMED, { nickname: '   ', label: '' })).toEqual([])
  })

  test('a side set to another version: one deploy with that side’s direction', () => {
    expect(plan(MAIN, { inbound: 'agv_billing_3' })).toEqual([
      {
        kind: 'deploy',
        agentId: 'agt_billing',
        versionId: 'agv_billing_3',
        direction: 'inbound',
        publishesDraft: false,
        numbers: [ref(MAIN)],
      },
    ])
    expect(plan(MAIN, { outbound: 'agv_sales_3' })).toEqual([
      {
        kind: 'deploy',
        agentId: 'agt_sales',
        versionId: 'agv_sales_3',
        direction: 'outbound',
        publishesDraft: false,
        numbers: [ref(MAIN)],
      },
    ])
  })

  test('a side set to the version the other side already holds: only that side is written', () => {
    expect(plan(MAIN, { outbound: 'agv_front_desk_3' })).toEqual([
      expect.objectContaining({ kind: 'deploy', versionId: 'agv_front_desk_3', direction: 'outbound' }),
    ])
  })

  test('both sides set to the same version: one deploy with both', () => {
    expect(plan(NEW_YORK, { inbound: 'agv_triage_2', outbound: 'agv_triage_2' })).toEqual([
      {
        kind: 'deploy',
        agentId: 'agt_triage',
        versionId: 'agv_triage_2',
        direction: 'both',
        publishesDraft: false,
        numbers: [ref(NEW_YORK)],
      },
    ])
  })

  test('both sides set to different versions: one deploy per side', () => {
    expect(plan(NEW_YORK, { inbound: 'agv_front_desk_3', outbound: 'agv_sales_2' })).toEqual([
      expect.objectContaining({ kind: 'deploy', versionId: 'agv_front_desk_3', direction: 'inbound' }),
      expect.objectContaining({ kind: 'deploy', versionId: 'agv_sales_2', direction: 'outbound' }),
    ])
  })

  test('deploying a draft says it publishes it', () => {
    expect(plan(MAIN, { inbound: 'agv_reminders_3' })).toEqual([
      expect.objectContaining({
        kind: 'deploy',
        agentId: 'agt_reminders',
        versionId: 'agv_reminders_3',
        publishesDraft: true,
      }),
    ])
  })

  test('a side set to None: unassign through the version it holds', () => {
    expect(plan(MAIN, { inbound: null })).toEqual([
      {
        kind: 'unassign',
        agentId: 'agt_front_desk',
        versionId: 'agv_front_desk_3',
        direction: 'inbound',
        numbers: [ref(MAIN)],
      },
    ])
    expect(plan(NEW_YORK, { outbound: null })).toEqual([
      {
        kind: 'unassign',
        agentId: 'agt_sales',
        versionId: 'agv_sales_3',
        direction: 'outbound',
        numbers: [ref(NEW_YORK)],
      },
    ])
  })

  test('both sides cleared, held by one agent (even in different versions): one unassign with both', () => {
    expect(plan(APPOINTMENTS, { inbound: null, outbound: null })).toEqual([
      {
        kind: 'unassign',
        agentId: 'agt_reminders',
        versionId: 'agv_reminders_2',
        direction: 'both',
        numbers: [ref(APPOINTMENTS)],
      },
    ])
    expect(plan(MUNICH, { inbound: null, outbound: null })).toEqual([
      expect.objectContaining({ kind: 'unassign', agentId: 'agt_reminders', direction: 'both' }),
    ])
  })

  test('both sides cleared, held by different agents: one unassign per agent', () => {
    expect(plan(NEW_YORK, { inbound: null, outbound: null })).toEqual([
      expect.objectContaining({
        kind: 'unassign',
        agentId: 'agt_front_desk',
        versionId: 'agv_front_desk_1',
        direction: 'inbound',
      }),
      expect.objectContaining({
        kind: 'unassign',
        agentId: 'agt_sales',
        versionId: 'agv_sales_3',
        direction: 'outbound',
      }),
    ])
  })

  test('clearing an archived agent’s version goes through that (published) version', () => {
    expect(plan(CHICAGO, { inbound: null })).toEqual([
      expect.objectContaining({
        kind: 'unassign',
        agentId: 'agt_legacy_ivr',
        versionId: 'agv_legacy_ivr_2',
        direction: 'inbound',
      }),
    ])
  })

  test('a held version the catalog calls a draft is cleared through a published version of its agent', () => {
    const stale = { ...MAIN, inbound_agent_version_id: 'agv_reminders_3' }
    expect(plan(stale, { inbound: null })).toEqual([
      expect.objectContaining({ kind: 'unassign', agentId: 'agt_reminders', versionId: 'agv_reminders_2' }),
    ])
    // Both held: the published one is preferred whichever side holds it.
    const mixed = { ...stale, outbound_agent_version_id: 'agv_reminders_1' }
    expect(plan(mixed, { inbound: null, outbound: null })).toEqual([
      expect.objectContaining({ kind: 'unassign', versionId: 'agv_reminders_1', direction: 'both' }),
    ])
    // An agent with no published version at all: the held version is the only way.
    const onlyDraft = { ...MAIN, inbound_agent_version_id: 'agv_claims_1' }
    expect(plan(onlyDraft, { inbound: null })).toEqual([
      expect.objectContaining({ kind: 'unassign', agentId: 'agt_claims', versionId: 'agv_claims_1' }),
    ])
  })

  test('a deploy and an unassign of the same agent are never merged into one call', () => {
    expect(plan(APPOINTMENTS, { inbound: 'agv_reminders_3', outbound: null })).toEqual([
      {
        kind: 'deploy',
        agentId: 'agt_reminders',
        versionId: 'agv_reminders_3',
        direction: 'inbound',
        publishesDraft: true,
        numbers: [ref(APPOINTMENTS)],
      },
      {
        kind: 'unassign',
        agentId: 'agt_reminders',
        versionId: 'agv_reminders_2',
        direction: 'outbound',
        numbers: [ref(APPOINTMENTS)],
      },
    ])
  })

  test('changed nickname or label: one PATCH with only the changed fields, trimmed, empty as null', () => {
    expect(plan(MAIN, { nickname: '  Support  ' })).toEqual([
      { kind: 'patch', number: ref(MAIN), fields: { nickname: 'Support' } },
    ])
    expect(plan(MAIN, { label: '' })).toEqual([{ kind: 'patch', number: ref(MAIN), fields: { label: null } }])
    expect(plan(MAIN, { nickname: ' \t ', label: 'cc-1' })).toEqual([
      { kind: 'patch', number: ref(MAIN), fields: { nickname: null, label: 'cc-1' } },
    ])
    expect(plan(UNNAMED, { label: 'new' })).toEqual([{ kind: 'patch', number: ref(UNNAMED), fields: { label: 'new' } }])
  })

  test('text another client stored that the page would only clean up (decomposed accents, invisible characters) is no change', () => {
    const stored = { ...MAIN, nickname: 'Cafe\u0301 Line', label: 'cc\u200B-4410' }
    expect(plan(stored, {})).toEqual([])
    expect(plan(stored, { outbound: 'agv_sales_3' }).map((call) => call.kind)).toEqual(['deploy'])
    // Stored as nothing but an invisible character, clearing it is a change.
    expect(plan({ ...MAIN, label: '\u200B' }, { label: '' })).toEqual([
      { kind: 'patch', number: ref(MAIN), fields: { label: null } },
    ])
    // Retyped as something else, it is a change as ever.
    expect(plan(stored, { nickname: 'Café' })).toEqual([
      { kind: 'patch', number: ref(stored), fields: { nickname: 'Café' } },
    ])
  })

  test('order: deploys, then unassigns, then the PATCH', () => {
    const calls = plan(NEW_YORK, { inbound: null, outbound: 'agv_survey_2', nickname: 'NYC' })
    expect(calls.map((c) => [c.kind, 'direction' in c ? c.direction : 'number' in c && c.number.id])).toEqual([
      ['deploy', 'outbound'],
      ['unassign', 'inbound'],
      ['patch', NEW_YORK.id],
    ])
  })

  test('refuses what cannot be done, before any call', () => {
    const unknownHeld = { ...MAIN, inbound_agent_version_id: 'agv_gone' }
    expect(() => plan(unknownHeld, { inbound: null })).toThrow(PlanError)
    expect(() => plan(MAIN, { outbound: 'agv_gone' })).toThrow(PlanError)
    expect(() => plan(MAIN, { inbound: 'agv_legacy_ivr_1' })).toThrow(PlanError)
    // An unknown held version can still be replaced or kept.
    expect(plan(unknownHeld, { inbound: 'agv_front_desk_3' })).toHaveLength(1)
    expect(plan(unknownHeld, {})).toEqual([])
  })

  test('every call is sent conditional on the number as last seen: as planned from, then as each answer left it', () => {
    const calls = plan(NEW_YORK, { inbound: null, outbound: 'agv_survey_2', nickname: 'NYC' })
    const requests = calls.map((call) => writeRequest(call, () => NEW_YORK.updated_at))
    expect(requests.map((r) => r.endpoint === 'publish' && r.body.expected_updated_at)).toEqual([
      { [NEW_YORK.phone_number]: NEW_YORK.updated_at },
      { [NEW_YORK.phone_number]: NEW_YORK.updated_at },
      false,
    ])
    const later = '2030-01-01T00:00:00.000Z'
    expect(writeRequest(calls[2]!, () => later)).toEqual({
      endpoint: 'patch',
      numberId: NEW_YORK.id,
      body: { nickname: 'NYC', expected_updated_at: later },
    })
  })

  test('normalizeText trims and turns empty into null', () => {
    expect(normalizeText('  a b ')).toBe('a b')
    expect(normalizeText(' \n\t')).toBeNull()
    expect(normalizeText('')).toBeNull()
  })

  test('normalizeText drops invisible characters and composes accents, so what is saved is what is seen', () => {
    expect(normalizeText('Main\u200BSupport\uFEFF')).toBe('MainSupport')
    expect(normalizeText('\u2060 Köln')).toBe('Köln')
    expect(normalizeText('Ko\u0308ln')).toBe('K\u00F6ln')
    expect(normalizeText('\u200B')).toBeNull()
    // A joiner inside an emoji sequence is part of the character and stays.
    expect(normalizeText('Team 👩\u200D💻')).toBe('Team 👩\u200D💻')
  })
})

const TOLL_FREE = seedNumber('+18005550199') // inbound Front Desk v2 with a canary of v3 at 10 %, a webhook URL
const HOOK = 'https://hooks.example/inbound'

describe('planSave: the inbound canary and the webhook URL', () => {
  test('adding a canary of a published version: one PUT after nothing else', () => {
    const canary = { agent_version_id: 'agv_front_desk_2', percent: 10 }
    expect(plan(MAIN, { canary })).toEqual([{ kind: 'set-canary', number: ref(MAIN), canary }])
  })

  test('a draft canary version is published first, by a publish naming no numbers, after the slot calls', () => {
    const canary = { agent_version_id: 'agv_reminders_3', percent: 10 }
    expect(plan(APPOINTMENTS, { canary })).toEqual([
      { kind: 'publish', agentId: 'agt_reminders', versionId: 'agv_reminders_3' },
      { kind: 'set-canary', number: ref(APPOINTMENTS), canary },
    ])
    expect(plan(APPOINTMENTS, { inbound: 'agv_reminders_1', canary }).map((c) => c.kind)).toEqual([
      'deploy',
      'publish',
      'set-canary',
    ])
    // Deployed to the other side in the same save, the draft is published by that deploy: no publish of its own.
    expect(plan(APPOINTMENTS, { outbound: 'agv_reminders_3', canary }).map((c) => c.kind)).toEqual([
      'deploy',
      'set-canary',
    ])
  })

  test('promoting is one deploy of the canary’s version inbound: the server removes the canary', () => {
    expect(plan(TOLL_FREE, { inbound: 'agv_front_desk_3', canary: null })).toEqual([
      expect.objectContaining({ kind: 'deploy', versionId: 'agv_front_desk_3', direction: 'inbound' }),
    ])
  })

  test('clearing inbound takes the canary with it: one unassign, no canary call', () => {
    expect(plan(TOLL_FREE, { inbound: null, canary: null })).toEqual([
      expect.objectContaining({ kind: 'unassign', versionId: 'agv_front_desk_2', direction: 'inbound' }),
    ])
  })

  test('replacing the inbound version keeps the canary unless it is changed too', () => {
    expect(plan(TOLL_FREE, { inbound: 'agv_front_desk_1' }).map((c) => c.kind)).toEqual(['deploy'])
    expect(plan(TOLL_FREE, { inbound: 'agv_front_desk_1', canary: null }).map((c) => c.kind)).toEqual([
      'deploy',
      'remove-canary',
    ])
  })

  test('removing the canary or changing its share is one canary call', () => {
    expect(plan(TOLL_FREE, { canary: null })).toEqual([{ kind: 'remove-canary', number: ref(TOLL_FREE) }])
    const wider = { agent_version_id: 'agv_front_desk_3', percent: 25 }
    expect(plan(TOLL_FREE, { canary: wider })).toEqual([{ kind: 'set-canary', number: ref(TOLL_FREE), canary: wider }])
  })

  test('a canary equal to the (new) inbound version is refused in words before anything is sent', () => {
    expect(() => plan(TOLL_FREE, { inbound: 'agv_front_desk_3' })).toThrow(
      'Canary: Front Desk v3 is the inbound version too. Choose another version for the canary, remove it, or promote it.',
    )
    expect(() => plan(MAIN, { canary: { agent_version_id: 'agv_front_desk_3', percent: 5 } })).toThrow(PlanError)
    expect(() => plan(MAIN, { canary: { agent_version_id: 'agv_legacy_ivr_1', percent: 5 } })).toThrow(
      'Canary: Legacy IVR is archived, so its versions cannot become a canary.',
    )
    expect(() => plan(MAIN, { canary: { agent_version_id: '', percent: 5 } })).toThrow(
      'Choose a version for the canary.',
    )
  })

  test('the webhook URL is one PATCH field, trimmed, empty as null, sent only when it changes', () => {
    expect(plan(MAIN, { webhook: ` ${HOOK} ` })).toEqual([
      { kind: 'patch', number: ref(MAIN), fields: { inbound_webhook_url: HOOK } },
    ])
    expect(plan(TOLL_FREE, { webhook: '  ' })).toEqual([
      { kind: 'patch', number: ref(TOLL_FREE), fields: { inbound_webhook_url: null } },
    ])
    // A rename alone never names the webhook URL (a body naming it needs agents:manage).
    expect(plan(TOLL_FREE, { nickname: 'Free line', webhook: ` ${TOLL_FREE.inbound_webhook_url} ` })).toEqual([
      { kind: 'patch', number: ref(TOLL_FREE), fields: { nickname: 'Free line' } },
    ])
  })

  test('order: slot calls, the draft’s publish, the canary call, then one PATCH', () => {
    const canary = { agent_version_id: 'agv_billing_4', percent: 30 }
    const calls = plan(APPOINTMENTS, { outbound: null, canary, label: 'x', webhook: HOOK })
    expect(calls.map((c) => c.kind)).toEqual(['unassign', 'publish', 'set-canary', 'patch'])
    expect(calls[3]).toEqual({
      kind: 'patch',
      number: ref(APPOINTMENTS),
      fields: { label: 'x', inbound_webhook_url: HOOK },
    })
  })
})

describe('savedChange: what undoing a save puts back', () => {
  const desired = { ...desiredFromNumber(MAIN), outbound: 'agv_sales_2', nickname: ' Front Line ' }
  const saved = { ...MAIN, outbound_agent_version_id: 'agv_sales_2', nickname: 'Front Line', updated_at: 'x' }

  test('the fields the user changed, as the save found them', () => {
    expect(chosenFieldsChangedSince(MAIN, desired, saved)).toEqual([])
    expect(savedChange(MAIN, desired, saved)).toEqual({
      before: { ...saved, outbound_agent_version_id: MAIN.outbound_agent_version_id, nickname: MAIN.nickname },
      after: saved,
    })
  })

  test('a field someone else changed after the save set it stays theirs; so does one the user did not change', () => {
    const theirs = { ...saved, outbound_agent_version_id: 'agv_sales_3', label: 'Q3' }
    expect(chosenFieldsChangedSince(MAIN, desired, theirs)).toEqual(['outbound'])
    expect(savedChange(MAIN, desired, theirs).before).toEqual({ ...theirs, nickname: MAIN.nickname })
  })
})
