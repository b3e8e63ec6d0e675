import { PAGES_IN_FLIGHT, readSelection } from '@/features/phone-numbers/jobs/read-selection'
import { resetTestBackend, server, testBackend } from '@/mocks/node'
import { MAX_PAGE_SIZE } from '@/types/api'

/** Numbers whose inbound side is empty, oldest first: the order a view is read in. */
function unrouted() {
  return testBackend.workspace
    .allNumbers()
    .filter((n) => n.inbound_agent_version_id === null)
    .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id))
}

const VIEW = { inbound_version_id: 'none' }

function idsOf(found: Awaited<ReturnType<typeof readSelection>>): string[] {
  return Array.from({ length: found.size }, (_, row) => found.idOf(row)).sort()
}

describe('reading every number of a view', () => {
  beforeEach(() => {
    resetTestBackend({ numbers: 4_000 })
    expect(unrouted().length).toBeGreaterThan(3 * MAX_PAGE_SIZE)
  })

  test('reads every matching number but the excluded ones', async () => {
    const matching = unrouted()
    const excluded = new Set([matching[0]!.id, matching[250]!.id])
    const found = await readSelection({ kind: 'view', filters: VIEW, excluded, total: matching.length })
    expect(idsOf(found)).toEqual(
      matching
        .map((n) => n.id)
        .filter((id) => !excluded.has(id))
        .sort(),
    )
  })

  test('asks for a few pages ahead, not one round trip after another, and each page once', async () => {
    const matching = unrouted()
    let inFlight = 0
    let most = 0
    const pages: string[] = []
    const started = ({ request }: { request: Request }) => {
      pages.push(new URL(request.url).searchParams.get('page')!)
      most = Math.max(most, ++inFlight)
    }
    const ended = () => void (inFlight -= 1)
    server.events.on('request:start', started)
    server.events.on('response:mocked', ended)
    try {
      const found = await readSelection({ kind: 'view', filters: VIEW, excluded: new Set(), total: matching.length })
      expect(found.size).toBe(matching.length)
    } finally {
      server.events.removeListener('request:start', started)
      server.events.removeListener('response:mocked', ended)
    }
    const pageCount = Math.ceil(matching.length / MAX_PAGE_SIZE)
    expect(pages.map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: pageCount }, (_, i) => i + 1))
    // msw may report an answer a moment after the page has it and asked for the next: one more at most.
    expect(most).toBeGreaterThanOrEqual(PAGES_IN_FLIGHT)
    expect(most).toBeLessThanOrEqual(PAGES_IN_FLIGHT + 1)
  })

  test('numbers that leave the view while it is read do not make it skip the numbers after them', async () => {
    const matching = unrouted()
    // While the second page is asked for, another admin routes 30 numbers of the first page: the rest move up.
    const leaving = matching.slice(10, 40)
    const routeSome = ({ request }: { request: Request }) => {
      if (new URL(request.url).searchParams.get('page') !== '2') return
      for (const number of leaving)
        testBackend.workspace.setSlots(number.id, { inbound_agent_version_id: 'agv_front_desk_3' })
    }
    server.events.on('request:start', routeSome)
    try {
      const found = await readSelection({ kind: 'view', filters: VIEW, excluded: new Set(), total: matching.length })
      const ids = new Set(idsOf(found))
      // Every number that matched throughout is in; those that left may be (a job's precondition catches them).
      const stayed = unrouted().map((n) => n.id)
      expect(stayed.filter((id) => !ids.has(id))).toEqual([])
    } finally {
      server.events.removeListener('request:start', routeSome)
    }
  })

  test('numbers leaving again while earlier pages are read again are not skipped either', async () => {
    const matching = unrouted()
    // 30 leave as page 2 is asked for, 50 more as page 3 is: page 3's numbers move up into page 2, read already.
    const leaving = { '2': matching.slice(10, 40), '3': matching.slice(100, 150) }
    const routeSome = ({ request }: { request: Request }) => {
      const page = new URL(request.url).searchParams.get('page') as keyof typeof leaving
      for (const number of leaving[page] ?? []) {
        testBackend.workspace.setSlots(number.id, { inbound_agent_version_id: 'agv_front_desk_3' })
      }
      if (page in leaving) leaving[page] = []
    }
    server.events.on('request:start', routeSome)
    try {
      const found = await readSelection({ kind: 'view', filters: VIEW, excluded: new Set(), total: matching.length })
      const ids = new Set(idsOf(found))
      expect(unrouted().filter((n) => !ids.has(n.id))).toEqual([])
    } finally {
      server.events.removeListener('request:start', routeSome)
    }
  })
})
