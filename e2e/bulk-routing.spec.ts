import { expect, test } from '@playwright/test'
import { axeViolations } from './support/axe'
import {
  applyRouting,
  configureFaults,
  downloadResults,
  modelNumbersMatching,
  openRouting,
  selectAllMatching,
  selectionRegion,
} from './support/bulk'
import { anotherAdminChanges, choose, formatNumber, recordWrites, type ModelNumber } from './support/phone-numbers'
import { demoBackend } from './support/demo-backend'

test.describe.configure({ timeout: 120_000 })

test('select all matching a search of 2,000+ numbers, deploy a version outbound: every number holds it, one publish per 1,000, axe clean in each phase', async ({
  page,
}) => {
  await page.goto('/?numbers=12000&latency=0&q=%2B44')
  const count = await selectAllMatching(page)
  const matching = Number(count.replace(/,/g, ''))
  expect(matching).toBeGreaterThan(2_000)
  expect(await axeViolations(page)).toEqual([])

  const dialog = await openRouting(page, count)
  await dialog.getByRole('radio', { name: 'Outbound' }).check()
  await choose(page, dialog, 'Agent', 'Outbound Sales')
  await choose(page, dialog, 'Version', 'v2')
  await expect(dialog.getByText(/^Deploys Outbound Sales v2 to the outbound side of [\d,]+ numbers\./)).toBeVisible()
  expect(await axeViolations(page)).toEqual([])
  const before = await modelNumbersMatching(page, { search: '+44' })
  const toChange = before.filter((n) => n.outbound_agent_version_id !== 'agv_sales_2').length
  const writes = recordWrites(page)
  // Slow answers, so the progress phase can be looked at.
  await configureFaults(page, 'rate:0,latency:400')
  await dialog.getByRole('button', { name: 'Apply' }).click()
  const progress = dialog.getByRole('progressbar', { name: 'Applying changes' })
  await expect(progress).toBeVisible()
  await expect(dialog.getByText(/^Applying changes: [\d,]+ of [\d,]+ numbers/)).toBeVisible()
  expect(await axeViolations(page)).toEqual([])

  await expect(dialog.getByText(/^Changes applied: /)).toHaveText(
    `Changes applied: ${toChange.toLocaleString('en-US')} changed, ${(matching - toChange).toLocaleString('en-US')} unchanged.`,
    { timeout: 60_000 },
  )
  expect(await axeViolations(page)).toEqual([])
  await configureFaults(page, null)
  const after = await modelNumbersMatching(page, { search: '+44' })
  expect(after).toHaveLength(matching)
  for (const number of after) expect(number.outbound_agent_version_id).toBe('agv_sales_2')
  const byId = new Map(before.map((n) => [n.id, n]))
  // Nothing but the outbound side changed.
  for (const number of after)
    expect(number.inbound_agent_version_id).toBe(byId.get(number.id)!.inbound_agent_version_id)
  const publishes = writes.filter((w) => w.method === 'POST')
  expect(publishes).toHaveLength(Math.ceil(toChange / 1_000))
  for (const call of publishes) expect(call.path).toBe('/v1/agents/agt_sales/versions/agv_sales_2/publish')
})

test('injected failures and another admin’s changes end in the right outcome list; Retry failed finishes the rest', async ({
  page,
}) => {
  await page.goto('/?numbers=400&latency=0')
  const count = await selectAllMatching(page)
  const dialog = await openRouting(page, count)
  await choose(page, dialog, 'Agent', 'Front Desk')
  await choose(page, dialog, 'Version', 'v2')
  // Since the dialog read them, another admin renamed three numbers that still need the change.
  const needing = (await modelNumbersMatching(page, {})).filter(
    (n) => n.inbound_agent_version_id !== 'agv_front_desk_2',
  )
  const theirs = needing.slice(-3)
  for (const number of theirs) await anotherAdminChanges(page, number.phone_number, { nickname: `Theirs ${number.id}` })
  // Every publish fails (503: nothing applied, so the page re-reads and tries again, then gives up).
  await configureFaults(page, 'rate:1,kinds:503,endpoints:publish')
  await dialog.getByRole('button', { name: 'Apply' }).click()
  await expect(dialog.getByText(/^Changes applied: /)).toHaveText(
    `Changes applied: 0 changed, ${400 - needing.length} unchanged, ${needing.length} not changed:`,
    { timeout: 60_000 },
  )
  // The dialog lists the first numbers not changed; the downloaded results list every number of the job.
  const results = await downloadResults(page, dialog)
  expect(results).toHaveLength(400)
  const notChanged = results.filter((line) => line.result !== 'changed' && line.result !== 'unchanged')
  expect(notChanged.map((line) => line.id).sort()).toEqual(needing.map((n) => n.id).sort())
  for (const number of theirs) {
    expect(results.find((line) => line.id === number.id)?.reason).toBe(
      'Changed by someone else since it was read; their change stays.',
    )
  }
  expect(notChanged.filter((line) => line.reason.includes('Changed by someone else'))).toHaveLength(3)
  const listed = await dialog.getByRole('list', { name: 'Numbers not changed' }).getByRole('listitem').allTextContents()
  expect(listed[0]).toBe(`${formatNumber(notChanged[0]!.phone_number)}${notChanged[0]!.reason}`)
  // The outcome with its (scrolling) list of numbers not changed.
  expect(await axeViolations(page)).toEqual([])
  await configureFaults(page, null)

  await dialog.getByRole('button', { name: 'Retry failed' }).click()
  await expect(dialog.getByText(/^Changes applied: /)).toHaveText(
    `Changes applied: ${needing.length - 3} changed, ${400 - needing.length} unchanged, 3 not changed:`,
    { timeout: 60_000 },
  )
  await expect(dialog.getByRole('button', { name: 'Retry failed' })).toHaveCount(0)
  const model = await modelNumbersMatching(page, {})
  for (const number of model) {
    const isTheirs = theirs.some((t) => t.id === number.id)
    expect(number.inbound_agent_version_id === 'agv_front_desk_2').toBe(!isTheirs)
    if (isTheirs) expect(number.nickname).toBe(`Theirs ${number.id}`)
  }
})

test('Undo of a 300-number job while another admin changed 5 of them: those keep their change and are listed', async ({
  page,
}) => {
  await page.goto('/?numbers=300&latency=0')
  const count = await selectAllMatching(page)
  expect(count).toBe('300')
  const before = await modelNumbersMatching(page, {})
  const dialog = await openRouting(page, count)
  await applyRouting(page, dialog, { side: 'Both', agent: 'Appointment Reminders', version: 'v2' })
  const changed = (await modelNumbersMatching(page, {})).filter((n) => {
    const was = before.find((b) => b.id === n.id)!
    return n.updated_at !== was.updated_at
  })
  // An archived agent's version cannot be deployed again: the undo refuses those numbers, with the reason.
  const wasArchived = (n: ModelNumber) => {
    const was = before.find((b) => b.id === n.id)!
    return [was.inbound_agent_version_id, was.outbound_agent_version_id].some((v) => v?.startsWith('agv_legacy'))
  }
  const archived = changed.filter(wasArchived)
  const theirs = changed.filter((n) => !wasArchived(n)).slice(0, 5)
  for (const number of theirs) {
    await demoBackend(page, 'anotherAdmin', number.phone_number, { outbound_agent_version_id: 'agv_sales_1' })
  }
  await dialog.getByRole('button', { name: 'Undo' }).click()
  await expect(dialog.getByText(/^Undo finished: /)).toHaveText(
    `Undo finished: ${changed.length - 5 - archived.length} changed, 0 unchanged, ${5 + archived.length} not changed:`,
    { timeout: 60_000 },
  )
  const listed = await dialog.getByRole('list', { name: 'Numbers not changed' }).getByRole('listitem').allTextContents()
  for (const number of theirs) {
    const line = listed.find((text) => text.startsWith(formatNumber(number.phone_number)))
    expect(line).toContain('Changed by someone else')
  }
  for (const number of archived) {
    const line = listed.find((text) => text.startsWith(formatNumber(number.phone_number)))
    expect(line).toContain('is archived')
  }
  const after = await modelNumbersMatching(page, {})
  for (const number of after) {
    const was = before.find((b) => b.id === number.id)!
    if (archived.some((a) => a.id === number.id)) continue
    if (theirs.some((t) => t.id === number.id)) {
      expect(number.outbound_agent_version_id).toBe('agv_sales_1')
      expect(number.inbound_agent_version_id).toBe('agv_reminders_2')
    } else {
      expect(number.inbound_agent_version_id).toBe(was.inbound_agent_version_id)
      expect(number.outbound_agent_version_id).toBe(was.outbound_agent_version_id)
    }
  }
})

test('keyboard only: tick rows with Space and Shift+Space, open Change routing…, choose, apply, close', async ({
  page,
}) => {
  await page.goto('/?numbers=300&latency=0')
  const boxes = page.getByRole('checkbox', { name: /^Select (?!all)/ })
  const first = boxes.nth(0)
  // The first paint's rows are inert until the app takes them over: focus once the checkbox takes it.
  await expect(async () => {
    await first.focus()
    await expect(first).toBeFocused({ timeout: 250 })
  }).toPass()
  await page.keyboard.press('Space')
  await expect(first).toBeChecked()
  // Tab through the row's Edit button to the next rows' checkboxes.
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab')
  await expect(boxes.nth(3)).toBeFocused()
  await page.keyboard.press('Shift+Space')
  await expect(selectionRegion(page).getByText('4 selected')).toBeVisible()
  const open = selectionRegion(page).getByRole('button', { name: 'Change routing…' })
  await open.focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Change routing of 4 numbers' })
  await expect(dialog.getByRole('radio', { name: 'Inbound' })).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(dialog.getByRole('radio', { name: 'Outbound' })).toBeChecked()
  await page.keyboard.press('Tab')
  await expect(dialog.getByRole('combobox', { name: 'Agent' })).toBeFocused()
  await page.keyboard.press('Enter')
  await page.getByRole('option', { name: 'None', exact: true }).focus()
  await page.keyboard.press('Enter')
  await expect(dialog.getByText(/^Clears the outbound side of/)).toBeVisible()
  const apply = dialog.getByRole('button', { name: 'Apply' })
  if (await apply.isEnabled()) {
    await apply.focus()
    await page.keyboard.press('Enter')
    await expect(dialog.getByText(/^Changes applied: /)).toBeVisible()
  }
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(open).toBeFocused()
})
