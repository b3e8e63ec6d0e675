import { buildAgentCatalog } from '@/features/agents/domain/agent-catalog'
import { EXPORT_HEADER, exportCells, exportSubject } from '@/features/phone-numbers/domain/csv/export-columns'
import { csvText } from '@/lib/csv-text'
import type { Agent, PhoneNumber } from '@/types/api'

const agent = (id: string, name: string, archived = false): Agent => ({
  id,
  name,
  archived_at: archived ? '2026-01-01T00:00:00.000Z' : null,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  versions: [1, 2, 3].map((version) => ({
    id: `${id}_v${version}`,
    agent_id: id,
    version,
    published: true,
    description: '',
    created_at: '2026-01-01T00:00:00.000Z',
  })),
})
const catalog = buildAgentCatalog([agent('agt_front', 'Front Desk'), agent('agt_old', 'Legacy IVR', true)])

const number: PhoneNumber = {
  id: 'phn_1',
  phone_number: '+14155550123',
  nickname: '=HYPERLINK("http://evil.example","Click")',
  label: 'cc-4410, "west"',
  status: 'active',
  provider: 'twilio',
  country_code: 'US',
  number_type: 'local',
  inbound_agent_version_id: 'agt_front_v2',
  outbound_agent_version_id: 'agt_old_v1',
  inbound_canary: { agent_version_id: 'agt_front_v3', percent: 10 },
  inbound_webhook_url: 'https://hooks.example/in',
  import_error: null,
  created_at: '2024-03-01T10:00:00.000Z',
  updated_at: '2024-05-11T08:12:44.000Z',
}

test('one line per number, every column PAGE.md lists, agents and versions by name and number', () => {
  expect(EXPORT_HEADER).toHaveLength(17)
  expect(exportCells(number, catalog)).toEqual([
    'phn_1',
    '+14155550123',
    '=HYPERLINK("http://evil.example","Click")',
    'cc-4410, "west"',
    'active',
    'twilio',
    'US',
    'local',
    'Front Desk',
    2,
    'Legacy IVR (archived)',
    1,
    'Front Desk v3 10%',
    'https://hooks.example/in',
    null,
    '2024-03-01T10:00:00.000Z',
    '2024-05-11T08:12:44.000Z',
  ])
})

test('as text: RFC 4180 quoting, the formula made inert, the phone number left as it is', () => {
  const lines = csvText(EXPORT_HEADER, [exportCells(number, catalog)]).split('\r\n')
  expect(lines[0]).toBe(EXPORT_HEADER.join(','))
  expect(lines[1]).toBe(
    'phn_1,+14155550123,"\'=HYPERLINK(""http://evil.example"",""Click"")","cc-4410, ""west""",active,twilio,US,local,' +
      'Front Desk,2,Legacy IVR (archived),1,Front Desk v3 10%,https://hooks.example/in,,' +
      '2024-03-01T10:00:00.000Z,2024-05-11T08:12:44.000Z',
  )
})

test('empty slots stay empty; a version the agents list does not hold is written by its id', () => {
  const cells = exportCells(
    {
      ...number,
      inbound_agent_version_id: 'agv_gone',
      outbound_agent_version_id: null,
      inbound_canary: { agent_version_id: 'agv_gone_2', percent: 5 },
    },
    catalog,
  )
  expect(cells.slice(8, 13)).toEqual(['', 'agv_gone', '', '', 'agv_gone_2 5%'])
})

test('the file name says which view', () => {
  expect(exportSubject({ search: 'clinic', status: 'active', agentId: 'agt_front' }, catalog)).toBe(
    'phone numbers active Front Desk clinic',
  )
  expect(exportSubject({ search: '', status: null, agentId: null }, catalog)).toBe('phone numbers')
})
