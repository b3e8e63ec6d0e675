import { JobNumbers } from '@/features/phone-numbers/domain/writes/job-numbers'
import { JobOutcomes } from '@/features/phone-numbers/domain/writes/job-outcomes'
import type { JobNumber } from '@/features/phone-numbers/domain/writes/plan-writes'
import { rowsToUndo } from '@/features/phone-numbers/jobs/rows-to-undo'

/** A job that deployed Front Desk v3 inbound to two numbers; neither call got a clear answer or could be checked. */
const asRead = (k: number): JobNumber => ({
  id: `phn_${k}`,
  phone_number: `+1415555000${k}`,
  nickname: `Desk ${k}`,
  label: null,
  inbound_agent_version_id: 'agv_front_desk_2',
  outbound_agent_version_id: null,
  inbound_canary: null,
  inbound_webhook_url: null,
  updated_at: '2026-12-01T12:00:00.000Z',
})
const askedOf = () => ({ inbound: 'agv_front_desk_3' })
const READ_AT = '2026-12-01T12:05:00.000Z'

function uncheckedJob(changed: number[] = []) {
  const numbers = JobNumbers.of([asRead(0), asRead(1), asRead(2)])
  const outcomes = new JobOutcomes(numbers, [0, 1, 2])
  for (const row of [0, 1]) outcomes.set(row, { result: 'failed', message: 'unclear', partly: false, unchecked: true })
  for (const row of changed) outcomes.set(row, { result: 'changed' })
  return { numbers, outcomes }
}

test('numbers read again holding only the job’s change are undone on what was read', async () => {
  const { numbers, outcomes } = uncheckedJob()
  const readAgain = (rows: readonly number[]) => {
    for (const row of rows)
      numbers.see({ ...asRead(row), inbound_agent_version_id: 'agv_front_desk_3', updated_at: READ_AT })
    return Promise.resolve([...rows])
  }
  expect(await rowsToUndo(numbers, outcomes, askedOf, readAgain)).toEqual([0, 1])
  expect(numbers.lastSeen(0).updated_at).toBe(READ_AT)
})

test('a number someone else changed too keeps the job’s precondition: the server refuses the undo there', async () => {
  const { numbers, outcomes } = uncheckedJob()
  // Number 0 holds the job's version and a canary of the old one that another admin added since: undoing
  // the deploy on what was read would promote their canary away.
  const readAgain = (rows: readonly number[]) => {
    numbers.see({
      ...asRead(0),
      inbound_agent_version_id: 'agv_front_desk_3',
      inbound_canary: { agent_version_id: 'agv_front_desk_2', percent: 20 },
      updated_at: READ_AT,
    })
    numbers.see({ ...asRead(1), nickname: 'Theirs', updated_at: READ_AT })
    return Promise.resolve([...rows])
  }
  expect(await rowsToUndo(numbers, outcomes, askedOf, readAgain)).toEqual([0, 1])
  for (const row of [0, 1]) expect(numbers.lastSeen(row).updated_at).toBe(asRead(row).updated_at)
  // What was read stays what the undo plans from: number 1 has nothing of the job's on it.
  expect(numbers.lastSeen(1).nickname).toBe('Theirs')
})

test('a read that fails part-way: the numbers stay as the job knew them, and Undo goes over what is known to be changed', async () => {
  const { numbers, outcomes } = uncheckedJob([2])
  const readAgain = (rows: readonly number[]) => {
    numbers.see({ ...asRead(rows[0]!), inbound_agent_version_id: 'agv_front_desk_3', updated_at: READ_AT })
    return Promise.reject(new Error('The server failed (500) to read.'))
  }
  expect(await rowsToUndo(numbers, outcomes, askedOf, readAgain)).toEqual([2])
  expect(numbers.lastSeen(0)).toEqual(asRead(0))
})

test('cancelled while reading: the numbers stay as the job knew them, and the cancel goes on', async () => {
  const { numbers, outcomes } = uncheckedJob()
  const abort = new AbortController()
  const readAgain = (rows: readonly number[]) => {
    numbers.see({ ...asRead(rows[0]!), inbound_agent_version_id: 'agv_front_desk_3', updated_at: READ_AT })
    abort.abort()
    return Promise.resolve([...rows])
  }
  await expect(rowsToUndo(numbers, outcomes, askedOf, readAgain, abort.signal)).rejects.toThrow()
  expect(numbers.lastSeen(0)).toEqual(asRead(0))
})
