import { jobNumberOf } from '@/features/phone-numbers/domain/writes/job-number'
import type { PhoneNumber } from '@/types/api'

const record: PhoneNumber = {
  id: 'phn_1',
  phone_number: '+14155550123',
  nickname: 'After',
  label: null,
  status: 'active',
  provider: 'twilio',
  country_code: 'US',
  number_type: 'local',
  inbound_agent_version_id: 'agv_front_2',
  outbound_agent_version_id: null,
  inbound_canary: { agent_version_id: 'agv_front_3', percent: 10 },
  inbound_webhook_url: null,
  import_error: null,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-12-01T12:00:00.000Z',
}

test('keeps exactly the fields a job needs, with the values of the record, whatever the earlier state held', () => {
  const earlier = jobNumberOf({ ...record, nickname: 'Before', label: 'a', inbound_agent_version_id: 'agv_front_1' })
  expect(jobNumberOf(record, earlier)).toEqual({
    id: 'phn_1',
    phone_number: '+14155550123',
    updated_at: '2026-12-01T12:00:00.000Z',
    nickname: 'After',
    label: null,
    inbound_agent_version_id: 'agv_front_2',
    outbound_agent_version_id: null,
    inbound_canary: { agent_version_id: 'agv_front_3', percent: 10 },
    inbound_webhook_url: null,
  })
})

test('a canary that did not change is the earlier object, not a copy', () => {
  const earlier = jobNumberOf(record)
  const later = jobNumberOf(
    { ...record, updated_at: '2026-12-01T13:00:00.000Z', inbound_canary: { ...record.inbound_canary! } },
    earlier,
  )
  expect(later.inbound_canary).toBe(earlier.inbound_canary)
  const changed = jobNumberOf({ ...record, inbound_canary: { agent_version_id: 'agv_front_3', percent: 20 } }, earlier)
  expect(changed.inbound_canary).toEqual({ agent_version_id: 'agv_front_3', percent: 20 })
})
