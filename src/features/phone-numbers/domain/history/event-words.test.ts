import { buildAgentCatalog } from '@/features/agents/domain/agent-catalog'
import { changesInWords } from '@/features/phone-numbers/domain/history/event-words'
import { slotInWords } from '@/features/phone-numbers/domain/number-view'
import { createSeedRecords } from '@/mocks/seed'

const catalog = buildAgentCatalog(createSeedRecords({ numbers: 0 }).agents)

test('each change in words, in a fixed order whatever order the API lists them in', () => {
  expect(
    changesInWords(
      [
        { field: 'nickname', from: 'Old IVR', to: 'Billing' },
        { field: 'inbound_canary', from: null, to: { agent_version_id: 'agv_front_desk_3', percent: 10 } },
        { field: 'outbound_agent_version_id', from: 'agv_sales_1', to: null },
        { field: 'inbound_agent_version_id', from: 'agv_front_desk_2', to: 'agv_front_desk_3' },
        { field: 'label', from: null, to: 'cc-1' },
        { field: 'inbound_webhook_url', from: 'https://a.example/x', to: null },
      ],
      catalog,
    ),
  ).toEqual([
    'Inbound: Front Desk v2 → v3',
    'Outbound: Outbound Sales v1 → none',
    'Canary: none → Front Desk v3 at 10 %',
    'Nickname: Old IVR → Billing',
    'Label: none → cc-1',
    'Webhook: https://a.example/x → none',
  ])
})

test('across agents, archived agents and versions the agent list does not hold', () => {
  expect(
    changesInWords(
      [
        { field: 'inbound_agent_version_id', from: 'agv_legacy_ivr_2', to: 'agv_billing_1' },
        { field: 'outbound_agent_version_id', from: 'agv_gone_9', to: 'agv_sales_2' },
        {
          field: 'inbound_canary',
          from: { agent_version_id: 'agv_billing_2', percent: 10 },
          to: { agent_version_id: 'agv_billing_2', percent: 25 },
        },
      ],
      catalog,
    ),
  ).toEqual([
    'Inbound: Legacy IVR (archived) v2 → Billing Assistant v1',
    'Outbound: an unlisted version (agv_gone_9) → Outbound Sales v2',
    'Canary: Billing Assistant v2 at 10 % → 25 %',
  ])
})

test('a right-to-left nickname is isolated, so the arrow and the other value keep their places', () => {
  expect(changesInWords([{ field: 'nickname', from: 'مكتب 2', to: 'Front Desk' }], catalog)).toEqual([
    'Nickname: \u2068مكتب 2\u2069 → Front Desk',
  ])
})

test('a right-to-left agent name is isolated in the sentence, so its digits stay with it', () => {
  const agents = createSeedRecords({ numbers: 0 }).agents.map((agent) =>
    agent.name === 'Front Desk' ? { ...agent, name: 'مكتب 2' } : agent,
  )
  const rtlCatalog = buildAgentCatalog(agents)
  expect(
    changesInWords([{ field: 'inbound_agent_version_id', from: null, to: 'agv_front_desk_3' }], rtlCatalog),
  ).toEqual(['Inbound: none → \u2068مكتب 2\u2069 v3'])
  expect(slotInWords('agv_front_desk_3', rtlCatalog)).toBe('\u2068مكتب 2\u2069 v3')
})
