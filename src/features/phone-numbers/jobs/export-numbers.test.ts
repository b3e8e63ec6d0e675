import Papa from 'papaparse'
import { buildAgentCatalog } from '@/features/agents/domain/agent-catalog'
import { exportIds, exportView, type ExportSource } from '@/features/phone-numbers/jobs/export-numbers'
import { createSeedWorkspace } from '@/mocks/seed'
import { Workspace } from '@/mocks/workspace'
import type { ListPhoneNumbersParams } from '@/types/api'

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
  const all = source(workspace)
  // While page 3 is asked for (pages are asked ahead), another admin routes 30 numbers of the first page: the rest move up.
  const leaving = matching.data.slice(10, 40)
  const routing: ExportSource = {
    ...all,
    list: (params, signal) => {
      if (params.page === 3 && leaving.length > 0) {
        for (const number of leaving.splice(0)) {
          workspace.setSlots(number.id, { inbound_agent_version_id: 'agv_front_desk_3' })
        }
      }
      return all.list(params, signal)
    },
  }
  const rows = await rowsOf(await exportView(view, routing, { catalog }))
  const exported = new Set(rows.slice(1).map((row) => row[0]))
  // Every number that matched throughout is in; those that left were written as they were when read.
  const stayed = workspace.allNumbers().filter((n) => n.inbound_agent_version_id === null)
  expect(stayed.length).toBe(matching.total - 30)
  expect(stayed.filter((n) => !exported.has(n.id)).map((n) => n.id)).toEqual([])
})

test('numbers changed while a view sorted by updated_at is exported move to its end: none of the others is skipped', async () => {
  const workspace = new Workspace(createSeedWorkspace({ numbers: 1_000 }))
  const catalog = buildAgentCatalog(workspace.listAgents().data)
  const view = { sort: 'updated_at', order: 'asc' } as const
  const before = workspace.listPhoneNumbers(new URLSearchParams({ ...view, limit: '200' }))
  const all = source(workspace)
  const calls: ListPhoneNumbersParams[] = []
  // While page 3 is asked for, another admin renames 30 numbers of the first page: they move to the end,
  // and the first 30 of page 3 move up into page 2, which was read already.
  const renamed = before.data.slice(0, 30)
  const renaming: ExportSource = {
    ...all,
    list: (params, signal) => {
      calls.push(params)
      if (params.page === 3 && renamed.length > 0) {
        for (const number of renamed.splice(0)) workspace.changeAsAnotherAdmin(number.id, { nickname: 'Renamed' })
      }
      return all.list(params, signal)
    },
  }
  const rows = await rowsOf(await exportView(view, renaming, { catalog }))
  const ids = rows.slice(1).map((row) => row[0])
  expect(new Set(ids).size).toBe(ids.length)
  expect(ids.length).toBe(before.total)
  // The pass that found the view moved, then one more that found it still.
  expect(calls.filter((call) => call.page === 1)).toHaveLength(2)
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
  const all = source(workspace)
  const clearing: ExportSource = {
    ...all,
    list: (params, signal) => {
      if (params.page === 3)
        for (const number of joining.splice(0)) workspace.setSlots(number.id, { inbound_agent_version_id: null })
      return all.list(params, signal)
    },
  }
  const rows = await rowsOf(await exportView(view, clearing, { catalog }))
  const exported = new Set(rows.slice(1).map((row) => row[0]))
  const inView = workspace.allNumbers().filter((n) => n.inbound_agent_version_id === null)
  expect(inView.filter((n) => !exported.has(n.id)).map((n) => n.id)).toEqual([])
  expect(exported.size).toBe(inView.length)
})
