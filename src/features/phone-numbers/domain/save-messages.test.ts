import { buildAgentCatalog } from '@/features/agents/domain/agent-catalog'
import type { DesiredNumberState } from '@/features/phone-numbers/domain/desired-state'
import {
  describeChanges,
  nothingToSave,
  routingNote,
  savedMessage,
  slotInWords,
  textHint,
} from '@/features/phone-numbers/domain/save-messages'
import { createSeedRecords } from '@/mocks/seed'
import type { PhoneNumber } from '@/types/api'

const seed = createSeedRecords()
const catalog = buildAgentCatalog(seed.agents)
const MAIN = seed.numbers.find((n) => n.phone_number === '+14155550123')! // inbound Front Desk v3, outbound None
const UNNAMED = seed.numbers.find((n) => n.phone_number === '+16175550110')! // no agents, no nickname, no label

function desired(number: PhoneNumber, changes: Partial<DesiredNumberState>): DesiredNumberState {
  return {
    inbound: number.inbound_agent_version_id,
    outbound: number.outbound_agent_version_id,
    nickname: number.nickname ?? '',
    label: number.label ?? '',
    ...changes,
  }
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
    'Nothing yet: change a side, the nickname or the label.',
  )
  expect(nothingToSave({ canRoute: false, canRename: true })).toBe('Nothing yet: change the nickname or the label.')
})

test('the routing note explains read-only pickers, and is absent when the key may route', () => {
  expect(routingNote({ canRoute: true, canRename: true })).toBeNull()
  expect(routingNote({ canRoute: false, canRename: true })).toBe('Your key can rename numbers but not change routing.')
  expect(routingNote({ canRoute: false, canRename: false })).toBe('Your key can view numbers but not change them.')
})
