import { setupWorker } from 'msw/browser'
import { readDemoSettings } from '@/mocks/demo-settings'
import { FaultInjector, parseFaults } from '@/mocks/faults'
import { createHandlers, type DemoBackend } from '@/mocks/handlers'
import { createSeedWorkspace, DEFAULT_NUMBER_COUNT } from '@/mocks/seed'
import { Workspace, type WorkspaceChanges } from '@/mocks/workspace'

/**
 * The demo backend in the browser: the same handlers as the tests, over a workspace that survives
 * reloads. Only the difference from the deterministic seed is stored, so even a 100,000-number
 * workspace fits easily in localStorage.
 */

const STORAGE_KEY = 'phone-numbers-demo:workspace:v1'

interface Stored {
  size: number
  changes: WorkspaceChanges
}

function readStored(): Stored | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY)
    if (!raw) return null
    const parsed = JSON.parse(raw) as Partial<Stored>
    if (typeof parsed.size !== 'number' || !parsed.changes) return null
    return parsed as Stored
  } catch {
    return null
  }
}

function buildWorkspace(size: number, changes?: WorkspaceChanges): Workspace {
  // A named measure, so the bench can report seeding on its own.
  performance.mark('demo:seed:start')
  const workspace = new Workspace(createSeedWorkspace({ numbers: size }))
  if (changes) workspace.applyChanges(changes)
  performance.measure('demo:seed', 'demo:seed:start')
  return workspace
}

export interface BrowserDemoBackend extends DemoBackend {
  size: number
  /** Back to the seeded workspace (optionally at another size), forgetting every change. */
  reset: (size?: number) => void
  /** Turns fault injection on (`rate:0.2,kinds:500+429,…`) or off (null), e.g. from an end-to-end test. */
  configureFaults: (spec: string | null) => void
}

export async function startDemoBackend(): Promise<BrowserDemoBackend> {
  const settings = readDemoSettings(window.location.search)
  const stored = readStored()
  const size = settings.numbers ?? stored?.size ?? DEFAULT_NUMBER_COUNT
  const keep = stored && stored.size === size ? stored.changes : undefined

  const backend: BrowserDemoBackend = {
    size,
    workspace: buildWorkspace(size, keep),
    latencyMs: settings.latencyMs,
    faults: settings.faults ? new FaultInjector(settings.faults) : null,
    onWrite: () => persist(backend),
    reset: (nextSize = backend.size) => {
      backend.size = nextSize
      backend.workspace = buildWorkspace(nextSize)
      persist(backend)
    },
    configureFaults: (spec) => {
      backend.faults = spec === null ? null : new FaultInjector(parseFaults(spec))
    },
  }
  persist(backend)
  // Exposed for end-to-end tests and benchmarks, which compare the page with the model.
  ;(window as unknown as { __demoBackend?: BrowserDemoBackend }).__demoBackend = backend

  const worker = setupWorker(...createHandlers(backend))
  await worker.start({ onUnhandledRequest: 'bypass', quiet: true })
  // The first search of a large workspace would otherwise build its indices while the user waits:
  // build them in idle time instead, a step of a few milliseconds at a time.
  const steps = backend.workspace.prepare()
  const prepareWhenIdle = (deadline: IdleDeadline) => {
    do {
      if (steps.next().done) return
    } while (deadline.timeRemaining() > 8)
    requestIdleCallback(prepareWhenIdle)
  }
  requestIdleCallback(prepareWhenIdle)
  return backend
}

function persist(backend: BrowserDemoBackend): void {
  try {
    const stored: Stored = { size: backend.size, changes: backend.workspace.changes() }
    localStorage.setItem(STORAGE_KEY, JSON.stringify(stored))
  } catch {
    // Storage full or disabled: the demo still works, it just will not survive a reload.
  }
}
