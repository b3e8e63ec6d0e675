import { expect, test } from '@playwright/test'
import {
  cellsOf,
  choose,
  editButtonOf,
  expectOptions,
  expectSelected,
  modelNumber,
  modelVersion,
  openEditDialog,
  openPhoneNumbersPage,
  recordWrites,
  rowOf,
  saveAndWaitForClose,
} from './support/phone-numbers'

// Seeded numbers (src/mocks/seed.ts) and what they hold.
const UNASSIGNED = { e164: '+16175550110', title: '+1 617 555 0110' } // both sides None, no nickname
const MAIN = { e164: '+14155550123', title: 'Main Support Line' } // inbound Front Desk v3, outbound None
const TORONTO = { e164: '+14165550128', title: 'Toronto Billing' } // inbound Billing v2, outbound Billing v3
const CHICAGO = { e164: '+13125550187', title: 'Chicago Clinic' } // inbound Legacy IVR v2 (archived), outbound None

test.beforeEach(async ({ page }) => {
  await openPhoneNumbersPage(page)
})

test('assigning the inbound side only sends one inbound publish', async ({ page }) => {
  const writes = recordWrites(page)
  const dialog = await openEditDialog(page, UNASSIGNED.title)
  await expect(dialog.getByRole('heading', { name: UNASSIGNED.title })).toBeVisible()
  await expect(dialog.getByRole('combobox', { name: 'Inbound version' })).toBeDisabled()

  await choose(page, dialog, 'Inbound agent', 'Front Desk')
  // Picking an agent selects its newest published version.
  await expectSelected(dialog.getByRole('combobox', { name: 'Inbound version' }), 'v3')
  await expect(dialog.getByRole('listitem')).toHaveText(['Inbound: None → Front Desk v3'])
  await saveAndWaitForClose(page, dialog)

  expect(writes).toEqual([
    {
      method: 'POST',
      path: '/v1/agents/agt_front_desk/versions/agv_front_desk_3/publish',
      body: { phone_numbers: [UNASSIGNED.e164], direction: 'inbound' },
    },
  ])
  const row = cellsOf(rowOf(page, UNASSIGNED.title))
  await expect(row.inbound).toHaveText('Front Desk · v3')
  await expect(row.outbound).toHaveText('None')
  expect(await modelNumber(page, UNASSIGNED.e164)).toMatchObject({
    inbound_agent_version_id: 'agv_front_desk_3',
    outbound_agent_version_id: null,
  })
})

test('the same version on both sides is one publish with direction both', async ({ page }) => {
  const writes = recordWrites(page)
  const dialog = await openEditDialog(page, UNASSIGNED.title)
  await choose(page, dialog, 'Inbound agent', 'Outbound Sales')
  await choose(page, dialog, 'Outbound agent', 'Outbound Sales')
  await choose(page, dialog, 'Inbound version', 'v2')
  await choose(page, dialog, 'Outbound version', 'v2')
  await expect(dialog.getByRole('listitem')).toHaveText([
    'Inbound: None → Outbound Sales v2',
    'Outbound: None → Outbound Sales v2',
  ])
  await saveAndWaitForClose(page, dialog)

  expect(writes).toEqual([
    {
      method: 'POST',
      path: '/v1/agents/agt_sales/versions/agv_sales_2/publish',
      body: { phone_numbers: [UNASSIGNED.e164], direction: 'both' },
    },
  ])
  const row = cellsOf(rowOf(page, UNASSIGNED.title))
  await expect(row.inbound).toHaveText('Outbound Sales · v2 · v3 available')
  await expect(row.outbound).toHaveText('Outbound Sales · v2 · v3 available')
  expect(await modelNumber(page, UNASSIGNED.e164)).toMatchObject({
    inbound_agent_version_id: 'agv_sales_2',
    outbound_agent_version_id: 'agv_sales_2',
  })
})

test('choosing a draft says saving publishes it, and after the save it is a published version', async ({ page }) => {
  const writes = recordWrites(page)
  let dialog = await openEditDialog(page, MAIN.title)
  await choose(page, dialog, 'Outbound agent', 'Appointment Reminders')
  await expectSelected(dialog.getByRole('combobox', { name: 'Outbound version' }), 'v2')
  await choose(page, dialog, 'Outbound version', 'v3 · draft')
  await expect(dialog.getByText('v3 is a draft: saving publishes it.')).toBeVisible()
  await expect(dialog.getByRole('combobox', { name: 'Outbound version' })).toHaveAccessibleDescription(
    'v3 is a draft: saving publishes it.',
  )
  await expect(dialog.getByRole('listitem')).toHaveText(['Outbound: None → Appointment Reminders v3 (publishes v3)'])
  await saveAndWaitForClose(page, dialog)

  expect(writes).toEqual([
    {
      method: 'POST',
      path: '/v1/agents/agt_reminders/versions/agv_reminders_3/publish',
      body: { phone_numbers: [MAIN.e164], direction: 'outbound' },
    },
  ])
  const row = cellsOf(rowOf(page, MAIN.title))
  await expect(row.inbound).toHaveText('Front Desk · v3')
  await expect(row.outbound).toHaveText('Appointment Reminders · v3')
  expect(await modelNumber(page, MAIN.e164)).toMatchObject({
    inbound_agent_version_id: 'agv_front_desk_3',
    outbound_agent_version_id: 'agv_reminders_3',
  })
  expect(await modelVersion(page, 'agt_reminders', 'agv_reminders_3')).toMatchObject({ published: true })
  // Another row on v2 of the same agent now has a newer published version.
  await expect(cellsOf(rowOf(page, 'Appointment Line')).inbound).toHaveText('Appointment Reminders · v2 · v3 available')

  dialog = await openEditDialog(page, MAIN.title)
  await expectSelected(dialog.getByRole('combobox', { name: 'Outbound version' }), 'v3')
  await expect(dialog.getByText('saving publishes it')).toHaveCount(0)
  await dialog.getByRole('combobox', { name: 'Outbound version' }).click()
  await expectOptions(page, ['v3', 'v2', 'v1'])
})

test('clearing a side unassigns through the version that slot holds', async ({ page }) => {
  const writes = recordWrites(page)
  const dialog = await openEditDialog(page, TORONTO.title)
  await choose(page, dialog, 'Inbound agent', 'None')
  await expect(dialog.getByRole('combobox', { name: 'Inbound version' })).toBeDisabled()
  await expect(dialog.getByText('Saving clears this side.')).toBeVisible()
  await expect(dialog.getByRole('listitem')).toHaveText(['Inbound: Billing Assistant v2 → cleared'])
  await saveAndWaitForClose(page, dialog)

  expect(writes).toEqual([
    {
      method: 'POST',
      path: '/v1/agents/agt_billing/versions/agv_billing_2/publish',
      body: { unassign_phone_numbers: [TORONTO.e164], direction: 'inbound' },
    },
  ])
  const row = cellsOf(rowOf(page, TORONTO.title))
  await expect(row.inbound).toHaveText('None')
  await expect(row.outbound).toHaveText('Billing Assistant · v3')
  expect(await modelNumber(page, TORONTO.e164)).toMatchObject({
    inbound_agent_version_id: null,
    outbound_agent_version_id: 'agv_billing_3',
  })
})

test('a side held by an archived agent can be cleared', async ({ page }) => {
  const writes = recordWrites(page)
  await expect(cellsOf(rowOf(page, CHICAGO.title)).inbound).toHaveText('Legacy IVR · v2archived')
  const dialog = await openEditDialog(page, CHICAGO.title)
  await expectSelected(dialog.getByRole('combobox', { name: 'Inbound agent' }), 'Legacy IVR (archived)')
  await expectSelected(dialog.getByRole('combobox', { name: 'Inbound version' }), 'v2')
  // The archived agent offers only the version the slot holds.
  await dialog.getByRole('combobox', { name: 'Inbound version' }).click()
  await expectOptions(page, ['v2'])
  await page.keyboard.press('Escape')
  await expect(page.getByRole('listbox')).toBeHidden()
  await expect(dialog).toBeVisible()

  await choose(page, dialog, 'Inbound agent', 'None')
  await expect(dialog.getByRole('listitem')).toHaveText(['Inbound: Legacy IVR v2 → cleared'])
  await saveAndWaitForClose(page, dialog)

  expect(writes).toEqual([
    {
      method: 'POST',
      path: '/v1/agents/agt_legacy_ivr/versions/agv_legacy_ivr_2/publish',
      body: { unassign_phone_numbers: [CHICAGO.e164], direction: 'inbound' },
    },
  ])
  const row = cellsOf(rowOf(page, CHICAGO.title))
  await expect(row.inbound).toHaveText('None')
  await expect(row.outbound).toHaveText('None')
  expect(await modelNumber(page, CHICAGO.e164)).toMatchObject({
    inbound_agent_version_id: null,
    outbound_agent_version_id: null,
  })
})

test('renaming and then clearing a nickname each send one PATCH', async ({ page }) => {
  const writes = recordWrites(page)
  const { id } = await modelNumber(page, MAIN.e164)

  let dialog = await openEditDialog(page, MAIN.title)
  await dialog.getByRole('textbox', { name: 'Nickname' }).fill('  Main Line (days)  ')
  await expect(dialog.getByRole('listitem')).toHaveText(['Nickname: “Main Support Line” → “Main Line (days)”'])
  await saveAndWaitForClose(page, dialog)

  expect(writes).toEqual([{ method: 'PATCH', path: `/v1/phone-numbers/${id}`, body: { nickname: 'Main Line (days)' } }])
  await expect(cellsOf(rowOf(page, 'Main Line (days)')).nickname).toHaveText('Main Line (days)Label: cc-4410')
  await expect(editButtonOf(page, MAIN.title)).toHaveCount(0)
  expect(await modelNumber(page, MAIN.e164)).toMatchObject({ nickname: 'Main Line (days)', label: 'cc-4410' })

  dialog = await openEditDialog(page, 'Main Line (days)')
  await dialog.getByRole('textbox', { name: 'Nickname' }).clear()
  await expect(dialog.getByRole('listitem')).toHaveText(['Nickname: “Main Line (days)” → cleared'])
  await saveAndWaitForClose(page, dialog)

  expect(writes.slice(1)).toEqual([{ method: 'PATCH', path: `/v1/phone-numbers/${id}`, body: { nickname: null } }])
  // Without a nickname the row is named by its formatted number.
  const row = cellsOf(rowOf(page, '+1 415 555 0123'))
  await expect(row.nickname).toHaveText('No nicknameLabel: cc-4410')
  await expect(row.inbound).toHaveText('Front Desk · v3')
  expect(await modelNumber(page, MAIN.e164)).toMatchObject({ nickname: null, label: 'cc-4410' })
})

test('a 256-character nickname is refused under the field and nothing is sent', async ({ page }) => {
  const writes = recordWrites(page)
  const dialog = await openEditDialog(page, MAIN.title)
  const nickname = dialog.getByRole('textbox', { name: 'Nickname' })
  await nickname.fill('n'.repeat(256))
  const message = 'Nickname can be at most 255 characters; this one has 256.'
  await expect(dialog.getByText(message)).toBeVisible()
  await expect(nickname).toHaveAttribute('aria-invalid', 'true')
  await expect(nickname).toHaveAccessibleDescription(message)

  await dialog.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(dialog).toBeVisible()
  await expect(dialog.getByText(message)).toBeVisible()
  await expect(nickname).toHaveValue('n'.repeat(256))

  // 255 is allowed again.
  await nickname.press('Backspace')
  await expect(dialog.getByText(message)).toHaveCount(0)
  await expect(nickname).not.toHaveAttribute('aria-invalid', 'true')

  expect(writes).toEqual([])
  expect(await modelNumber(page, MAIN.e164)).toMatchObject({ nickname: 'Main Support Line' })
})

test('Cancel and Escape close the dialog without sending anything', async ({ page }) => {
  const writes = recordWrites(page)

  let dialog = await openEditDialog(page, TORONTO.title)
  await choose(page, dialog, 'Outbound agent', 'None')
  await dialog.getByRole('textbox', { name: 'Nickname' }).fill('Toronto')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('dialog')).toBeHidden()

  dialog = await openEditDialog(page, TORONTO.title)
  // Reopening starts from the number as it is, not from the cancelled choices.
  await expectSelected(dialog.getByRole('combobox', { name: 'Outbound agent' }), 'Billing Assistant')
  await expect(dialog.getByRole('textbox', { name: 'Nickname' })).toHaveValue('Toronto Billing')
  await choose(page, dialog, 'Inbound agent', 'Front Desk')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toBeHidden()

  expect(writes).toEqual([])
  const row = cellsOf(rowOf(page, TORONTO.title))
  await expect(row.inbound).toHaveText('Billing Assistant · v2 · v3 available')
  await expect(row.outbound).toHaveText('Billing Assistant · v3')
  expect(await modelNumber(page, TORONTO.e164)).toMatchObject({
    nickname: 'Toronto Billing',
    inbound_agent_version_id: 'agv_billing_2',
    outbound_agent_version_id: 'agv_billing_3',
  })
})
