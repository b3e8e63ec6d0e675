import { openRouting, selectAllMatching } from '../support/bulk'
import { choose } from '../support/phone-numbers'
import {
  anotherAdminOnServer,
  connect,
  expect,
  recordApiRequests,
  resetApi,
  serverNumbers,
  test,
  TEST_KEYS,
} from '../support/real-api'

test.describe.configure({ timeout: 180_000 })

test('on a real server, select all matching a search of 2,000+ numbers and deploy a version inbound: every number holds it, one publish per 1,000', async ({
  page,
  request,
}) => {
  await resetApi(request, { numbers: 12_000 })
  const sent = recordApiRequests(page)
  await connect(page, TEST_KEYS.admin)
  await page.getByRole('searchbox', { name: 'Search numbers' }).fill('+44')
  // The search's own count: the unfiltered page's summary reads the same way, and ticking its checkbox
  // while the search's rows replace it would lose the tick.
  const matching = (await serverNumbers(request, '+44')).length
  await expect(
    page.getByText(`${matching.toLocaleString('en-US')} numbers · showing 1–50`, { exact: true }),
  ).toBeVisible()
  const count = await selectAllMatching(page)
  expect(Number(count.replace(/,/g, ''))).toBeGreaterThan(2_000)
  const dialog = await openRouting(page, count)
  await choose(page, dialog, 'Agent', 'Front Desk')
  await choose(page, dialog, 'Version', 'v2')
  const before = await serverNumbers(request, '+44')
  const toChange = before.filter((n) => n.inbound_agent_version_id !== 'agv_front_desk_2').length
  // Another admin renames one of them after the page read it: it is left alone and reported.
  const theirs = before.find((n) => n.inbound_agent_version_id !== 'agv_front_desk_2')!
  await anotherAdminOnServer(request, theirs.phone_number, { nickname: 'Theirs' })
  const firstWrite = sent.length
  await dialog.getByRole('button', { name: 'Apply' }).click()

  await expect(dialog.getByText(/^Changes applied: /)).toHaveText(
    `Changes applied: ${(toChange - 1).toLocaleString('en-US')} changed, ${(before.length - toChange).toLocaleString('en-US')} unchanged, 1 not changed:`,
    { timeout: 120_000 },
  )
  await expect(dialog.getByRole('list', { name: 'Numbers not changed' })).toContainText('Changed by someone else')
  const after = await serverNumbers(request, '+44')
  for (const number of after) {
    expect(number.inbound_agent_version_id === 'agv_front_desk_2').toBe(number.id !== theirs.id)
  }
  const publishes = sent.slice(firstWrite).filter((r) => r.method === 'POST')
  // One per 1,000 numbers, plus the one resend without the number another admin changed (409).
  expect(publishes).toHaveLength(Math.ceil(toChange / 1_000) + 1)
  for (const call of publishes)
    expect(call.url).toContain('/v1/agents/agt_front_desk/versions/agv_front_desk_2/publish')
})
