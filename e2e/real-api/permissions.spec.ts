import { cellsOf, editButtonOf, formatNumber, MAIN_SUPPORT_LINE, rowOf } from '../support/phone-numbers'
import { connect, expect, recordApiRequests, serverNumber, test, TEST_KEYS, writesIn } from '../support/real-api'

const PICKERS = ['Inbound agent', 'Inbound version', 'Outbound agent', 'Outbound version']

test('a support key renames a number but is not offered routing; the PATCH reaches the server', async ({
  page,
  request,
}) => {
  const opened = await serverNumber(request, MAIN_SUPPORT_LINE.e164)
  const sent = recordApiRequests(page)
  await connect(page, TEST_KEYS.support)
  await expect(page.getByRole('banner')).toContainText('Support · key test-support')
  await expect(cellsOf(rowOf(page, MAIN_SUPPORT_LINE.title)).inbound).toHaveText('Front Desk · v3')
  // Every row's button edits: a support key may rename.
  await expect(page.getByRole('button', { name: /^View / })).toHaveCount(0)
  expect(await page.getByRole('button', { name: /^Edit / }).count()).toBeGreaterThan(1)

  await editButtonOf(page, MAIN_SUPPORT_LINE.title).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByText('Your key can rename numbers but not change routing.')).toBeVisible()
  for (const name of PICKERS) {
    const picker = dialog.getByRole('combobox', { name, exact: true })
    await expect(picker).toBeDisabled()
    await expect(picker).toHaveAccessibleDescription('Your key can rename numbers but not change routing.')
  }
  const nickname = dialog.getByRole('textbox', { name: 'Nickname' })
  await expect(nickname).toBeEditable()
  await expect(dialog.getByRole('textbox', { name: 'Label' })).toBeEditable()
  await nickname.fill('Main Line (support desk)')
  await expect(dialog.getByRole('listitem')).toHaveText(['Nickname: “Main Support Line” → “Main Line (support desk)”'])
  const patched = page.waitForResponse((r) => r.request().method() === 'PATCH')
  await dialog.getByRole('button', { name: 'Save', exact: true }).click()
  expect((await patched).status()).toBe(200)
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(cellsOf(rowOf(page, 'Main Line (support desk)')).nickname).toHaveText(
    'Main Line (support desk)Label: cc-4410',
  )

  const { id } = await serverNumber(request, MAIN_SUPPORT_LINE.e164)
  expect(writesIn(sent)).toEqual([
    {
      method: 'PATCH',
      path: `/v1/phone-numbers/${id}`,
      body: { nickname: 'Main Line (support desk)', expected_updated_at: opened.updated_at },
    },
  ])
  // A fresh GET by another client (an admin key) sees the new nickname and unchanged routing.
  expect(await serverNumber(request, MAIN_SUPPORT_LINE.e164)).toMatchObject({
    nickname: 'Main Line (support desk)',
    label: 'cc-4410',
    inbound_agent_version_id: 'agv_front_desk_3',
    outbound_agent_version_id: null,
  })
})

test('a read-only key can view a number but is offered no change, and sends no write', async ({ page, request }) => {
  const sent = recordApiRequests(page)
  await connect(page, TEST_KEYS.readonly)
  await expect(page.getByRole('banner')).toContainText('Read-only · key test-readonly')
  const viewButton = page.getByRole('button', { name: `View ${MAIN_SUPPORT_LINE.title}`, exact: true })
  const row = cellsOf(page.getByRole('row').filter({ has: viewButton }))
  await expect(row.inbound).toHaveText('Front Desk · v3')
  // Every row's button views: nothing is offered that the key cannot do.
  await expect(page.getByRole('button', { name: /^Edit / })).toHaveCount(0)
  expect(await page.getByRole('button', { name: /^View / }).count()).toBeGreaterThan(1)

  await viewButton.click()
  const dialog = page.getByRole('dialog')
  await expect(
    dialog.getByRole('heading', { name: `${formatNumber(MAIN_SUPPORT_LINE.e164)} · ${MAIN_SUPPORT_LINE.title}` }),
  ).toBeVisible()
  await expect(dialog.getByText('Your key can view numbers but not change them.')).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Save' })).toHaveCount(0)
  await expect(dialog.getByText('What Save will do')).toHaveCount(0)
  for (const name of PICKERS) await expect(dialog.getByRole('combobox', { name, exact: true })).toBeDisabled()
  const nickname = dialog.getByRole('textbox', { name: 'Nickname' })
  const label = dialog.getByRole('textbox', { name: 'Label' })
  await expect(nickname).not.toBeEditable()
  await expect(label).not.toBeEditable()
  await expect(nickname).toHaveValue(MAIN_SUPPORT_LINE.title)
  await expect(label).toHaveValue('cc-4410')
  // Typing into a read-only field changes nothing, and Enter submits nothing.
  await nickname.click()
  await page.keyboard.type('Renamed')
  await page.keyboard.press('Enter')
  await expect(nickname).toHaveValue(MAIN_SUPPORT_LINE.title)

  await dialog.getByRole('button', { name: 'Close', exact: true }).click()
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect(row.nickname).toHaveText(`${MAIN_SUPPORT_LINE.title}Label: cc-4410`)

  expect(sent.length).toBeGreaterThan(0)
  expect(writesIn(sent)).toEqual([])
  expect(await serverNumber(request, MAIN_SUPPORT_LINE.e164)).toMatchObject({
    nickname: MAIN_SUPPORT_LINE.title,
    label: 'cc-4410',
  })
})
