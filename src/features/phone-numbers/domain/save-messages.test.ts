import { buildAgentCatalog } from '@/features/agents/domain/agent-catalog'
import { desiredFromNumber, type DesiredNumberState } from '@/features/phone-numbers/domain/desired-state'
import { canaryShareInWords, slotInWords } from '@/features/phone-numbers/domain/number-view'
import {
  describeChanges,
  importErrorInWords,
  nothingToSave,
  routingNote,
  savedMessage,
  textHint,
  webhookHint,
  webhookNote,
} from '@/features/phone-numbers/domain/save-messages'
import { createSeedRecords } from '@/mocks/seed'
import type { PhoneNumber } from '@/types/api'

const seed = createSeedRecords()
const catalog = buildAgentCatalog(seed.agents)
const MAIN = seed.numbers.find((n) => n.phone_number === '+14155550123')! // inbound Front Desk v3, outbound None
const UNNAMED = seed.numbers.find((n) => n.phone_number === '+16175550110')! // no agents, no nickname, no label

function desired(number: PhoneNumber, changes: Partial<DesiredNumberState>): DesiredNumberState {
  return { ...desiredFromNumber(number), ...changes }
}

test('a slot in words: agent and version, None, or unknown', () => {
  expect(slotInWords('agv_front_desk_3', catalog)).toBe('Front Desk v3')
  expect(slotInWords(null, catalog)).toBe('None')
  expect(slotInWords('agv_gone_1', catalog)).toBe('an unknown version')
})

test('what Save will do: one line per changed side and field, drafts and clears said so', () => {
  const changes = describeChanges(
    MAIN,
    catalog,
    desired(MAIN, { inbound: null, outbound: 'agv_reminders_3', nickname: ' Front line ', label: '' }),
  )
  expect(changes).toEqual([
    'Inbound: Front Desk v3 → cleared',
    'Outbound: None → Appointment Reminders v3 (publishes v3)',
    'Nickname: “Main Support Line” → “Front line”',
    'Label: “cc-4410” → cleared',
  ])
  expect(describeChanges(UNNAMED, catalog, desired(UNNAMED, { nickname: 'Lobby' }))).toEqual([
    'Nickname: none → “Lobby”',
  ])
  // Text equal after trimming is no change.
  expect(describeChanges(MAIN, catalog, desired(MAIN, { nickname: '  Main Support Line ' }))).toEqual([])
  const decomposed = { ...MAIN, nickname: 'Cafe\u0301 Line' }
  expect(describeChanges(decomposed, catalog, desired(decomposed, {}))).toEqual([])
})

test('the message after a save names the number by nickname, else formatted, and speaks in the past tense', () => {
  expect(savedMessage(MAIN, catalog, desired(MAIN, { label: '' }))).toBe(
    'Saved Main Support Line: Label: “cc-4410” → cleared.',
  )
  expect(savedMessage(UNNAMED, catalog, desired(UNNAMED, { nickname: 'Lobby', outbound: 'agv_reminders_3' }))).toBe(
    'Saved +1 617 555 0110: Outbound: None → Appointment Reminders v3 (published v3); Nickname: none → “Lobby”.',
  )
})

test('hints and the empty summary speak only of what the key may change', () => {
  expect(textHint('nickname', true)).toBe('Shown in tables and selectors. Leave empty to clear.')
  expect(textHint('nickname', false)).toBe('Shown in tables and selectors.')
  expect(textHint('label', false)).toBe('Internal accounting label.')
  expect(nothingToSave({ canRoute: true, canRename: true })).toBe(
    'Nothing yet: change a side, the canary, the webhook URL, the nickname or the label.',
  )
  expect(nothingToSave({ canRoute: true, canRename: false })).toBe('Nothing yet: change a side or the canary.')
  expect(nothingToSave({ canRoute: false, canRename: true })).toBe('Nothing yet: change the nickname or the label.')
})

test('the routing note explains read-only pickers, and is absent when the key may route', () => {
  expect(routingNote({ canRoute: true, canRename: true })).toBeNull()
  expect(routingNote({ canRoute: false, canRename: true })).toBe('Your key can rename numbers but not change routing.')
  expect(routingNote({ canRoute: false, canRename: false })).toBe('Your key can view numbers but not change them.')
})

const TOLL_FREE = seed.numbers.find((n) => n.phone_number === '+18005550199')! // Front Desk v2, canary v3 at 10 %, a webhook

test('the summary says every canary change in words, and when a draft canary version is published', () => {
  const lines = (number: PhoneNumber, changes: Partial<DesiredNumberState>, tense?: 'done') =>
    describeChanges(number, catalog, desired(number, changes), tense)
  expect(lines(MAIN, { canary: { agent_version_id: 'agv_front_desk_2', percent: 10 } })).toEqual([
    'Canary: Front Desk v2 at 10 %',
  ])
  expect(lines(MAIN, { canary: { agent_version_id: 'agv_reminders_3', percent: 10 } })).toEqual([
    'Canary: Appointment Reminders v3 at 10 % (publishes v3)',
  ])
  expect(lines(MAIN, { canary: { agent_version_id: 'agv_reminders_3', percent: 10 } }, 'done')).toEqual([
    'Canary: Appointment Reminders v3 at 10 % (published v3)',
  ])
  expect(lines(TOLL_FREE, { canary: { agent_version_id: 'agv_front_desk_3', percent: 25 } })).toEqual([
    'Canary: Front Desk v3 at 10 % → 25 %',
  ])
  expect(lines(TOLL_FREE, { canary: { agent_version_id: 'agv_front_desk_1', percent: 5 } })).toEqual([
    'Canary: Front Desk v3 at 10 % → Front Desk v1 at 5 %',
  ])
  expect(lines(TOLL_FREE, { canary: null })).toEqual(['Canary removed (was Front Desk v3 at 10 %)'])
  expect(lines(TOLL_FREE, { inbound: null, canary: null })).toEqual([
    'Inbound: Front Desk v2 → cleared',
    'Canary removed with the inbound side',
  ])
  expect(lines(TOLL_FREE, { inbound: 'agv_front_desk_3', canary: null })).toEqual([
    'Inbound: Front Desk v2 → Front Desk v3',
    'Canary promoted: Front Desk v3 takes all inbound calls',
  ])
  expect(lines(TOLL_FREE, { inbound: 'agv_front_desk_1' })).toEqual([
    'Inbound: Front Desk v2 → Front Desk v1',
    'Canary kept: Front Desk v3 at 10 %',
  ])
  // A share being typed is not a canary yet.
  expect(lines(MAIN, { canary: { agent_version_id: 'agv_front_desk_2', percent: Number.NaN } })).toEqual([
    'Canary: Front Desk v2 (choose a share from 1 to 99 %)',
  ])
})

test('the summary says every webhook change in words', () => {
  const hook = 'https://hooks.example/inbound'
  expect(describeChanges(MAIN, catalog, desired(MAIN, { webhook: ` ${hook} ` }))).toEqual([`Webhook: set to ${hook}`])
  expect(describeChanges(TOLL_FREE, catalog, desired(TOLL_FREE, { webhook: hook }))).toEqual([
    `Webhook: set to ${hook} (was ${TOLL_FREE.inbound_webhook_url})`,
  ])
  expect(describeChanges(TOLL_FREE, catalog, desired(TOLL_FREE, { webhook: '' }))).toEqual([
    `Webhook: cleared (was ${TOLL_FREE.inbound_webhook_url})`,
  ])
})

test('the webhook URL is read-only with the reason unless the key may route and rename', () => {
  expect(webhookNote({ canRoute: true, canRename: true })).toBeNull()
  expect(webhookNote({ canRoute: false, canRename: true })).toBe(
    'Your key cannot change the webhook URL: that takes a key that may both change routing and rename numbers.',
  )
  expect(webhookHint(true)).toBe(
    'Called at the start of every inbound call for per-call variables. An https:// URL; leave empty to clear.',
  )
})

test('the canary and the import error in words', () => {
  expect(canaryShareInWords({ agent_version_id: 'agv_front_desk_3', percent: 10 }, catalog)).toBe(
    'Front Desk v3 answers 10 % of inbound calls',
  )
  expect(importErrorInWords('Address verification failed for this number')).toEqual({
    headline: 'Import failed: Address verification failed for this number',
    meaning: 'This number takes no calls until the problem is fixed at the carrier.',
  })
})
