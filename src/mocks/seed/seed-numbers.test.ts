import { recordMatchesText, sortKeyOf } from '@/mocks/workspace/number-source'
import { createSeedRecords, createSeedWorkspace, MAX_NUMBER_COUNT } from '@/mocks/seed'
import { Workspace } from '@/mocks/workspace'
import { sortFields } from '@/types/api'

/**
 * The seed computes each field of a row when asked, and builds records only on demand. Every field
 * the Workspace reads must agree with the records, and a workspace over the computed seed must
 * answer exactly like one over the same numbers as plain records.
 */

const SIZE = 2_000
const QUERIES = ['clinic', 'boston', 'köln', 'cc-1', 'cc-42', 'desk 1', 'main support', 'line', 'zzz', 'c']

describe('the computed seed', () => {
  const { numbers: source } = createSeedWorkspace({ numbers: SIZE })
  const records = createSeedRecords({ numbers: SIZE }).numbers

  test('every field read on its own matches the record', () => {
    records.forEach((record, index) => {
      expect(source.phoneNumber(index)).toBe(record.phone_number)
      expect(source.status(index)).toBe(record.status)
      expect(source.slot(index, 'inbound_agent_version_id')).toBe(record.inbound_agent_version_id)
      expect(source.slot(index, 'outbound_agent_version_id')).toBe(record.outbound_agent_version_id)
      for (const field of sortFields) expect(source.sortKey(index, field)).toBe(sortKeyOf(record, field))
    })
  })

  test('text search over the computed fields matches the records', () => {
    for (const query of QUERIES) {
      const matches = source.textMatcher(query)
      const differing = records.filter((record, index) => matches(index) !== recordMatchesText(record, query))
      expect(differing, query).toEqual([])
    }
  })

  test('digit search over the parts of the numbers matches the numbers themselves', () => {
    // Digits inside the prefix, inside the local part, across the two, with zeros, and whole numbers.
    const queries = ['1', '0', '00', '44', '4420', '1415', '4155', '5550', '3312', '61', '2', '99', '007', '12345678']
    for (const index of [40, 41, 500, 1999]) {
      const digits = records[index]!.phone_number.slice(1)
      queries.push(digits, digits.slice(0, 5), digits.slice(2, 9), digits.slice(-4), `${digits}1`)
    }
    for (const query of queries) {
      const matches = source.digitsMatcher(query)
      const differing = records.filter((record, index) => matches(index) !== record.phone_number.includes(query))
      expect(differing, query).toEqual([])
    }
  })

  test('finds every number by id and by E.164, and nothing else', () => {
    records.forEach((record, index) => {
      expect(source.indexOfId(record.id)).toBe(index)
      expect(source.indexOfPhoneNumber(record.phone_number)).toBe(index)
    })
    const first = records[0]!
    const last = records[SIZE - 1]!
    const unknownIds = [
      '',
      'phn_',
      first.id.slice(0, -1),
      `${first.id.slice(0, -1)}${first.id.endsWith('a') ? 'b' : 'a'}`, // right index, wrong suffix
      `phn_${(SIZE + 5).toString(36).padStart(4, '0')}${last.id.slice(8)}`, // past the end
      first.id.toUpperCase(),
      'constructor',
    ]
    for (const id of unknownIds) expect(source.indexOfId(id), id).toBeUndefined()
    for (const e164 of ['+15555550100', '+1', '14155550123', '+0123456789', 'not a number', `${first.phone_number}0`])
      expect(source.indexOfPhoneNumber(e164), e164).toBeUndefined()
  })

  test('curated numbers left out of a small seed are not found', () => {
    const small = createSeedWorkspace({ numbers: 3 }).numbers
    const curated = createSeedRecords().numbers
    expect(small.indexOfPhoneNumber(curated[2]!.phone_number)).toBe(2)
    expect(small.indexOfPhoneNumber(curated[3]!.phone_number)).toBeUndefined()
    expect(small.indexOfId(curated[3]!.id)).toBeUndefined()
  })

  test('a workspace over the computed seed answers every listing like one over plain records', () => {
    const clock = () => new Date('2026-01-01T00:00:00.000Z')
    const fromSeed = new Workspace(createSeedWorkspace({ numbers: SIZE }), clock)
    const fromRecords = new Workspace(createSeedRecords({ numbers: SIZE }), clock)
    const write = (workspace: Workspace) => {
      // Changed rows must be read from the changes, not from the seed.
      workspace.patchPhoneNumber(records[100]!.id, { nickname: 'Zebra Clinic', label: 'CC-4242' })
      workspace.patchPhoneNumber(records[7]!.id, { nickname: null })
      workspace.publish('agt_billing', 'agv_billing_4', {
        phone_numbers: [records[500]!.phone_number],
        direction: 'both',
      })
      workspace.publish('agt_front_desk', 'agv_front_desk_3', { unassign_phone_numbers: [records[0]!.phone_number] })
    }
    write(fromSeed)
    write(fromRecords)
    const listings: Record<string, string>[] = [
      {},
      { sort: 'phone_number' },
      { sort: 'nickname', order: 'desc' },
      { sort: 'updated_at', order: 'desc', limit: '200' },
      { status: 'pending', limit: '200' },
      { agent_id: 'agt_billing', page: '2' },
      { agent_id: 'agt_legacy_ivr', sort: 'nickname' },
      ...QUERIES.map((search) => ({ search, limit: '200' })),
      { search: '415 555' },
      { search: '0' },
      { search: '1312', status: 'pending' },
      { search: '+44 20', sort: 'phone_number' },
      { search: '4930', status: 'active', agent_id: 'agt_front_desk' },
    ]
    expect(fromSeed.changes()).toEqual(fromRecords.changes())
    for (const params of listings) {
      const query = new URLSearchParams(params)
      expect(fromSeed.listPhoneNumbers(query), query.toString()).toEqual(fromRecords.listPhoneNumbers(query))
    }
  })
})

test.each([20240301, 7, 99])(
  'at the largest size (seed %i) every number is unique and found again by its E.164 form',
  (seed) => {
    const source = createSeedWorkspace({ numbers: MAX_NUMBER_COUNT, seed }).numbers
    const seen = new Set<string>()
    for (let index = 0; index < source.size; index++) {
      const e164 = source.phoneNumber(index)
      seen.add(e164)
      if (source.indexOfPhoneNumber(e164) !== index) throw new Error(`${e164} (row ${index}) is not found again`)
    }
    expect(seen.size).toBe(MAX_NUMBER_COUNT)
  },
)

test('preparing searches in small steps gives the same answers as building everything at the first search', () => {
  const prepared = new Workspace(createSeedWorkspace({ numbers: 25_000 }))
  const steps = [...prepared.prepare()]
  expect(steps.length).toBeGreaterThanOrEqual(3)
  const unprepared = new Workspace(createSeedWorkspace({ numbers: 25_000 }))
  for (const search of ['clinic', 'köln', '4155', '+44 20', 'cc-12']) {
    const query = new URLSearchParams({ search, limit: '200' })
    expect(prepared.listPhoneNumbers(query), search).toEqual(unprepared.listPhoneNumbers(query))
  }
})
