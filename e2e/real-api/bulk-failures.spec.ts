import type { APIRequestContext, Locator } from '@playwright/test'
import { applyRouting, downloadResults, openRouting, selectAllMatching } from '../support/bulk'
import { choose, formatNumber } from '../support/phone-numbers'
import {
  anotherAdminOnServer,
  apiGet,
  type ApiNumber,
  connect,
  expect,
  injectFaultsOnServer,
  recordApiRequests,
  resetApi,
  type SentRequest,
  serverNumbers,
  test,
  TEST_KEYS,
} from '../support/real-api'

/**
 * A bulk routing job against the real test server when things go wrong: the server fails every
 * publish (503, POST /__control/faults) while another admin changes some of the numbers
 * (POST /__control/another-admin), then Retry failed; and an Undo after another admin changed some
 * of the job's numbers. Every number's final state is read back from the server.
 */

test.describe.configure({ timeout: 180_000 })

const CHANGED_ELSEWHERE = 'Changed by someone else since it was read; their change stays.'

/** The lines of the outcome's list of numbers not changed, by formatted number. */
async function listedNotChanged(dialog: Locator) {
  const lines = await dialog.getByRole('list', { name: 'Numbers not changed' }).getByRole('listitem').allTextContents()
  return {
    lines,
    of: (number: ApiNumber) => lines.find((line) => line.startsWith(formatNumber(number.phone_number))),
  }
}

/** The numbers a publish request names (to deploy), from its JSON body. */
const namedIn = (call: SentRequest): string[] => (call.body as { phone_numbers?: string[] }).phone_numbers ?? []
const publishesIn = (sent: SentRequest[]) => sent.filter((r) => r.method === 'POST' && r.url.includes('/publish'))

/** Everything but updated_at, so two reads of a number can be compared field by field. */
const withoutTime = ({ updated_at: _updatedAt, ...fields }: ApiNumber) => fields

/** Who made the number's latest change, and why: its newest history event. */
async function latestChange(request: APIRequestContext, number: ApiNumber) {
  const events = await apiGet<{ data: { actor: string; reason: string | null }[] }>(
    request,
    `/v1/events?phone_number_id=${number.id}&limit=1`,
  )
  return events.data[0]
}

test('on a real server, 503s on every publish and another admin’s changes end in the right outcome list; Retry failed finishes the rest', async ({
  page,
  request,
}) => {
  await resetApi(request, { numbers: 400 })
  const sent = recordApiRequests(page)
  await connect(page, TEST_KEYS.admin)
  const count = await selectAllMatching(page)
  expect(count).toBe('400')
  const dialog = await openRouting(page, count)
  await choose(page, dialog, 'Agent', 'Front Desk')
  await choose(page, dialog, 'Version', 'v2')
  const before = await serverNumbers(request)
  const needing = before.filter((n) => n.inbound_agent_version_id !== 'agv_front_desk_2')
  expect(needing.length).toBeGreaterThan(3)
  // Since the dialog read them, another admin renamed three numbers that still need the change.
  const theirs = needing.slice(-3)
  const isTheirs = (n: ApiNumber) => theirs.some((t) => t.id === n.id)
  for (const number of theirs)
    await anotherAdminOnServer(request, number.phone_number, { nickname: `Theirs ${number.id}` })
  // Every publish fails with a 503 (nothing applied): the page reads the numbers again, resends, then gives up.
  expect(await injectFaultsOnServer(request, 'rate:1,kinds:503,endpoints:publish')).toBeNull()
  const firstWrite = sent.length
  await dialog.getByRole('button', { name: 'Apply' }).click()

  await expect(dialog.getByText(/^Changes applied: /)).toHaveText(
    `Changes applied: 0 changed, ${400 - needing.length} unchanged, ${needing.length} not changed:`,
    { timeout: 60_000 },
  )
  // The dialog lists the first numbers not changed; the downloaded results list every number of the job.
  const results = await downloadResults(page, dialog)
  const notChanged = results.filter((line) => line.result !== 'changed' && line.result !== 'unchanged')
  expect(notChanged).toHaveLength(needing.length)
  for (const number of needing) {
    const reason = results.find((line) => line.id === number.id)?.reason
    if (isTheirs(number)) expect(reason).toBe(CHANGED_ELSEWHERE)
    // The server's own words about the failure reach the results.
    else expect(reason, formatNumber(number.phone_number)).toContain('Injected fault: the server answered 503.')
  }
  // Every publish the page sent was failed by the server, and the resends named only what was still needed.
  const failedPublishes = publishesIn(sent.slice(firstWrite))
  const report = await injectFaultsOnServer(request, null)
  expect(failedPublishes.length).toBeGreaterThan(1)
  expect(report?.scenarios).toEqual({ 'publish:503': failedPublishes.length })
  expect(new Set(namedIn(failedPublishes[0]!))).toEqual(new Set(needing.map((n) => n.phone_number)))
  for (const resend of failedPublishes.slice(1)) {
    expect(new Set(namedIn(resend))).toEqual(new Set(needing.filter((n) => !isTheirs(n)).map((n) => n.phone_number)))
  }
  // Nothing was applied: every number is as it was, but the nicknames another admin gave.
  const afterFailure = new Map((await serverNumbers(request)).map((n) => [n.id, n]))
  for (const was of before) {
    const now = afterFailure.get(was.id)!
    expect(withoutTime(now)).toEqual({
      ...withoutTime(was),
      nickname: isTheirs(was) ? `Theirs ${was.id}` : was.nickname,
    })
  }

  const retryFrom = sent.length
  await dialog.getByRole('button', { name: 'Retry failed' }).click()
  await expect(dialog.getByText(/^Changes applied: /)).toHaveText(
    `Changes applied: ${needing.length - 3} changed, ${400 - needing.length} unchanged, 3 not changed:`,
    { timeout: 60_000 },
  )
  await expect(dialog.getByRole('button', { name: 'Retry failed' })).toHaveCount(0)
  const retried = await listedNotChanged(dialog)
  expect(retried.lines).toHaveLength(3)
  for (const number of theirs) expect(retried.of(number)).toContain(CHANGED_ELSEWHERE)
  const retryPublishes = publishesIn(sent.slice(retryFrom))
  expect(retryPublishes).toHaveLength(1)
  expect(new Set(namedIn(retryPublishes[0]!))).toEqual(
    new Set(needing.filter((n) => !isTheirs(n)).map((n) => n.phone_number)),
  )

  // The server: Front Desk v2 inbound on every number but theirs (which keep their routing and their
  // nickname); a canary of v2 was promoted by the deploy, and nothing else changed.
  const after = await serverNumbers(request)
  expect(after).toHaveLength(400)
  for (const now of after) {
    const was = afterFailure.get(now.id)!
    if (isTheirs(now) || was.inbound_agent_version_id === 'agv_front_desk_2') {
      expect(withoutTime(now)).toEqual(withoutTime(was))
      continue
    }
    expect(withoutTime(now)).toEqual({
      ...withoutTime(was),
      inbound_agent_version_id: 'agv_front_desk_2',
      inbound_canary: was.inbound_canary?.agent_version_id === 'agv_front_desk_2' ? null : was.inbound_canary,
    })
  }
})

test('on a real server, Undo of a 300-number job while another admin changed 5 of them: those keep their change and are listed', async ({
  page,
  request,
}) => {
  await resetApi(request, { numbers: 300 })
  await connect(page, TEST_KEYS.admin)
  const count = await selectAllMatching(page)
  expect(count).toBe('300')
  const before = new Map((await serverNumbers(request)).map((n) => [n.id, n]))
  const dialog = await openRouting(page, count)
  await applyRouting(page, dialog, { side: 'Both', agent: 'Appointment Reminders', version: 'v2' })

  const applied = await serverNumbers(request)
  const changed = applied.filter((n) => n.updated_at !== before.get(n.id)!.updated_at)
  expect(changed.length).toBeGreaterThan(5)
  // An archived agent's version cannot be deployed again: the undo refuses those numbers, with the reason.
  const wasArchived = (n: ApiNumber) => {
    const was = before.get(n.id)!
    return [was.inbound_agent_version_id, was.outbound_agent_version_id].some((v) => v?.startsWith('agv_legacy'))
  }
  const archived = changed.filter(wasArchived)
  // The seed puts Legacy IVR in a few slots: the refusal below is exercised.
  expect(archived.length).toBeGreaterThan(0)
  const theirs = changed.filter((n) => !wasArchived(n)).slice(0, 5)
  const isTheirs = (n: ApiNumber) => theirs.some((t) => t.id === n.id)
  const isArchivedOne = (n: ApiNumber) => archived.some((a) => a.id === n.id)
  for (const number of theirs) {
    await anotherAdminOnServer(request, number.phone_number, { outbound_agent_version_id: 'agv_sales_1' })
  }
  const appliedById = new Map((await serverNumbers(request)).map((n) => [n.id, n]))

  await dialog.getByRole('button', { name: 'Undo' }).click()
  await expect(dialog.getByText(/^Undo finished: /)).toHaveText(
    `Undo finished: ${changed.length - 5 - archived.length} changed, 0 unchanged, ${5 + archived.length} not changed:`,
    { timeout: 60_000 },
  )
  const listed = await listedNotChanged(dialog)
  expect(listed.lines).toHaveLength(5 + archived.length)
  for (const number of theirs) expect(listed.of(number)).toContain('Changed by someone else')
  for (const number of archived) expect(listed.of(number)).toContain('is archived')

  // The server: every number the job changed is back as it was, but theirs (the job's inbound with
  // their outbound) and the archived ones (as the job left them); the rest were never touched.
  const after = await serverNumbers(request)
  expect(after).toHaveLength(300)
  const changedIds = new Set(changed.map((n) => n.id))
  for (const now of after) {
    const was = before.get(now.id)!
    if (isTheirs(now)) {
      expect(now).toEqual(appliedById.get(now.id))
      expect(now).toMatchObject({
        inbound_agent_version_id: 'agv_reminders_2',
        outbound_agent_version_id: 'agv_sales_1',
      })
      expect(await latestChange(request, now)).toMatchObject({ actor: 'another-admin', reason: null })
    } else if (isArchivedOne(now)) {
      expect(now).toEqual(appliedById.get(now.id))
    } else if (changedIds.has(now.id)) {
      expect(withoutTime(now)).toEqual(withoutTime(was))
      // The undo's X-Change-Reason crossed to the server (CORS allows it) and is in the history.
      expect(await latestChange(request, now)).toMatchObject({
        actor: 'test-admin',
        reason: expect.stringMatching(/^Undo: Bulk change: /),
      })
    } else {
      expect(now).toEqual(was)
    }
  }
})
