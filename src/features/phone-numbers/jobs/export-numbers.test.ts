import Papa from 'papaparse'
import { buildAgentCatalog } from '@/features/agents/domain/agent-catalog'
import { exportIds, exportView, type ExportSource } from '@/features/phone-numbers/jobs/export-numbers'
import { createSeedWorkspace } from '@/mocks/seed'
import { Workspace } from '@/mocks/workspace'
import type { ListPhoneNumbersParams, PhoneNumber } from '@/types/api'

function source(workspace: Workspace, calls: ListPhoneNumbersParams[] = []): ExportSource {
  const query = (params: ListPhoneNumbersParams) => {
    const search = new URLSearchParams()
    for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value))
    return search
  }
  return {
    list: (params) => {
      calls.push(params)
      return Promise.resolve(workspace.listPhoneNumbers(query(params)))
    },
    byIds: (ids) => Promise.resolve(workspace.listPhoneNumbers(query({ ids: [...ids], limit: 200 })).data),
  }
}

/** The workspace as a source that lets another admin `change` it as each page is asked for. */
function changingSource(
  workspace: Workspace,
  change: (params: ListPhoneNumbersParams) => void,
  calls: ListPhoneNumbersParams[] = [],
): ExportSource {
  const all = source(workspace, calls)
  return {
    ...all,
    list: (params, signal) => {
      change(params)
      return all.list(params, signal)
    },
  }
}

async function rowsOf({ blob }: { blob: Blob }) {
  // Blob.text() decodes as UTF-8, which drops the byte order mark (csv-file.test.ts checks it is there).
  const text = await blob.text()
  expect(text.startsWith('id,phone_number,')).toBe(true)
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data
}

test('every page of the view, at the largest page size, in the view order, once each', async () => {
  const workspace = new Workspace(createSeedWorkspace({ numbers: 1234 }))
  const catalog = buildAgentCatalog(workspace.listAgents().data)
  const calls: ListPhoneNumbersParams[] = []
  const progress: number[] = []
  const file = await exportView({ sort: 'phone_number', order: 'desc', status: 'active' }, source(workspace, calls), {
    catalog,
    onProgress: ({ done }) => progress.push(done),
  })
  const expected = workspace.listPhoneNumbers(
    new URLSearchParams({ sort: 'phone_number', order: 'desc', status: 'active', limit: '200' }),
  )
  const rows = await rowsOf(file)
  expect(rows).toHaveLength(expected.total + 1)
  expect(file.count).toBe(expected.total)
  expect(rows.slice(1, 201).map((row) => row[0])).toEqual(expected.data.map((n) => n.id))
  expect(new Set(rows.slice(1).map((row) => row[0])).size).toBe(expected.total)
  expect(calls.every((call) => call.limit === 200 && call.status === 'active' && call.sort === 'phone_number')).toBe(
    true,
  )
  // Every page once: the pages asked for ahead are never asked again.
  expect(calls.map((call) => call.page)).toEqual(
    Array.from({ length: Math.ceil(expected.total / 200) }, (_, i) => i + 1),
  )
  expect(progress.at(-1)).toBe(expected.total)
})

test('a selection by ids, in the order given; ids no longer in the workspace are left out', async () => {
  const workspace = new Workspace(createSeedWorkspace({ numbers: 300 }))
  const catalog = buildAgentCatalog(workspace.listAgents().data)
  const all = workspace.allNumbers()
  const ids = [all[250]!.id, 'phn_gone', all[3]!.id]
  const rows = await rowsOf(await exportIds(ids, source(workspace), { catalog }))
  expect(rows.slice(1).map((row) => row[0])).toEqual([all[250]!.id, all[3]!.id])
})

test('cancelling stops between pages', async () => {
  const workspace = new Workspace(createSeedWorkspace({ numbers: 3000 }))
  const catalog = buildAgentCatalog(workspace.listAgents().data)
  const controller = new AbortController()
  const calls: ListPhoneNumbersParams[] = []
  const job = exportView({}, source(workspace, calls), {
    catalog,
    signal: controller.signal,
    onProgress: ({ done }) => done >= 400 && controller.abort(),
  })
  await expect(job).rejects.toThrow(/abort/i)
  // 15 pages: the two written, and at most the three asked for ahead of the second.
  expect(calls.length).toBeLessThanOrEqual(5)
})

test('numbers that leave the view while it is exported do not make it skip the numbers after them', async () => {
  const workspace = new Workspace(createSeedWorkspace({ numbers: 4_000 }))
  const catalog = buildAgentCatalog(workspace.listAgents().data)
  const view = { inbound_version_id: 'none', sort: 'created_at', order: 'asc' } as const
  const matching = workspace.listPhoneNumbers(new URLSearchParams({ ...view, limit: '200' }))
  expect(matching.total).toBeGreaterThan(600)
  // While page 3 is asked for (pages are asked ahead), another admin routes 30 numbers of the first page: the rest move up.
  const leaving = matching.data.slice(10, 40)
  const routing = changingSource(workspace, (params) => {
    if (params.page !== 3) return
    for (const number of leaving.splice(0))
      workspace.setSlots(number.id, { inbound_agent_version_id: 'agv_front_desk_3' })
  })
  const rows = await rowsOf(await exportView(view, routing, { catalog }))
  const exported = new Set(rows.slice(1).map((row) => row[0]))
  // Every number that matched throughout is in; those that left were written as they were when read.
  const stayed = workspace.allNumbers().filter((n) => n.inbound_agent_version_id === null)
  expect(stayed.length).toBe(matching.total - 30)
  expect(stayed.filter((n) => !exported.has(n.id)).map((n) => n.id)).toEqual([])
})

/**
 * Exports the workspace's 1,000 numbers sorted by updated_at while, as page 3 is asked for, another
 * admin renames those `pick` chooses (which moves them to the newest end), leaving them out if
 * `excluded`; `everyPage`: at every page asked instead, the number changed longest ago.
 */
async function exportWhileRenaming(
  order: 'asc' | 'desc',
  pick: (numbers: PhoneNumber[]) => PhoneNumber[],
  { excluded = false, everyPage = false } = {},
) {
  const workspace = new Workspace(createSeedWorkspace({ numbers: 1_000 }))
  const catalog = buildAgentCatalog(workspace.listAgents().data)
  const view = { sort: 'updated_at', order } as const
  const renamed = pick(workspace.allNumbers())
  const calls: ListPhoneNumbersParams[] = []
  let renames = 0
  const rename = (numbers: PhoneNumber[]) => {
    for (const number of numbers) workspace.changeAsAnotherAdmin(number.id, { nickname: `Renamed ${++renames}` })
  }
  const renaming = changingSource(
    workspace,
    (params) => {
      if (everyPage) rename(inViewOrder('asc')(workspace.allNumbers()).slice(0, 1))
      else if (params.page === 3 && renames === 0) rename(renamed)
    },
    calls,
  )
  const left = new Set(excluded ? renamed.map((n) => n.id) : [])
  const file = await exportView(view, renaming, { catalog }, left)
  const ids = (await rowsOf(file)).slice(1).map((row) => row[0]!)
  return { file, ids, calls, renamed, expected: workspace.allNumbers().filter((n) => !left.has(n.id)) }
}

const inViewOrder = (order: 'asc' | 'desc') => (numbers: PhoneNumber[]) =>
  [...numbers].sort(
    (a, b) => (order === 'asc' ? 1 : -1) * (a.updated_at.localeCompare(b.updated_at) || a.id.localeCompare(b.id)),
  )

test('numbers renamed after they were written move to the end of a view sorted by updated_at: none of the others is skipped', async () => {
  // The first 30 move to the end, and the first 30 of page 3 move up into page 2, read already.
  const { file, ids, calls, renamed, expected } = await exportWhileRenaming('asc', (all) =>
    inViewOrder('asc')(all).slice(0, 30),
  )
  expect(new Set(ids).size).toBe(ids.length)
  expect(ids.length).toBe(expected.length)
  expect(ids.slice(0, 30)).toEqual(renamed.map((n) => n.id))
  // The pass that found the view moved, then one more that found it still.
  expect(calls.filter((call) => call.page === 1)).toHaveLength(2)
  expect(file.stillMoving).toBe(false)
})

test('numbers not written yet that move to the front of the view (updated_at, newest first) are written at the end', async () => {
  // Five numbers of the last page are renamed: they move into page 1, read already, and push its last one onto page 2.
  const { ids, renamed, expected } = await exportWhileRenaming('desc', (all) => inViewOrder('desc')(all).slice(-5))
  expect(new Set(ids).size).toBe(ids.length)
  expect(ids.length).toBe(expected.length)
  expect(ids.slice(-5).sort()).toEqual(renamed.map((n) => n.id).sort())
})

test('numbers left out of the export still count: one that moves on is seen, and none of the others is skipped', async () => {
  const { ids, expected } = await exportWhileRenaming('asc', (all) => inViewOrder('asc')(all).slice(0, 30), {
    excluded: true,
  })
  expect(ids.length).toBe(expected.length)
  expect(new Set(ids)).toEqual(new Set(expected.map((n) => n.id)))
})

test('a view that keeps moving is read again twice at most, and the file says it may miss a number', async () => {
  const { file, calls } = await exportWhileRenaming('asc', () => [], { everyPage: true })
  expect(calls.filter((call) => call.page === 1)).toHaveLength(3)
  expect(file.stillMoving).toBe(true)
})

test('numbers that join the view while it is exported are in the file, even those that join pages written already', async () => {
  const workspace = new Workspace(createSeedWorkspace({ numbers: 2_000 }))
  const catalog = buildAgentCatalog(workspace.listAgents().data)
  const view = { inbound_version_id: 'none', sort: 'created_at', order: 'asc' } as const
  // The oldest numbers with an inbound agent: cleared, they join the view's first pages.
  const joining = workspace
    .listPhoneNumbers(new URLSearchParams({ sort: 'created_at', order: 'asc', limit: '200' }))
    .data.filter((n) => n.inbound_agent_version_id !== null)
    .slice(0, 30)
  expect(joining).toHaveLength(30)
  const clearing = changingSource(workspace, (params) => {
    if (params.page !== 3) return
    for (const number of joining.splice(0)) workspace.setSlots(number.id, { inbound_agent_version_id: null })
  })
  const rows = await rowsOf(await exportView(view, clearing, { catalog }))
  const exported = new Set(rows.slice(1).map((row) => row[0]))
  const inView = workspace.allNumbers().filter((n) => n.inbound_agent_version_id === null)
  expect(inView.filter((n) => !exported.has(n.id)).map((n) => n.id)).toEqual([])
  expect(exported.size).toBe(inView.length)
})
