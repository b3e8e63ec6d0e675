import { setupWorker } from 'msw/browser'
import { readStoredWorkspace, storeWorkspace, watchOtherTabs } from '@/mocks/browser/persistence'
import { readDemoSettings } from '@/mocks/demo-settings'
import { FaultInjector } from '@/mocks/faults'
import { createHandlers, type DemoBackend } from '@/mocks/handlers'
import { createSeedWorkspace, DEFAULT_NUMBER_COUNT } from '@/mocks/seed'
import { Workspace, type WorkspaceChanges } from '@/mocks/workspace'

interface DemoBackendOptions {
  /** Another tab of the demo changed the workspace, and this tab's copy now holds its changes. */
  onOtherTabChange?: () => void
}

/**
 * The demo backend in the browser: the same handlers as the tests, served by msw's service worker,
 * over a workspace that survives reloads and is shared with the demo's other tabs (browser/persistence.ts).
 */
export async function startDemoBackend({ onOtherTabChange }: DemoBackendOptions = {}): Promise<void> {
  const settings = readDemoSettings(window.location.search)
  const stored = readStoredWorkspace()
  const size = settings.numbers ?? stored?.size ?? DEFAULT_NUMBER_COUNT
  const keep = stored && stored.size === size && !settings.reset ? stored.changes : undefined
  if (settings.reset) forgetResetParameter()

  const backend: DemoBackend = {
    workspace: buildWorkspace(size, keep),
    latencyMs: settings.latencyMs,
    faults: settings.faults ? new FaultInjector(settings.faults) : null,
    onWrite: () => storeWorkspace({ size, changes: backend.workspace.changes() }),
  }
  storeWorkspace({ size, changes: backend.workspace.changes() }, { replace: keep === undefined })
  watchOtherTabs((stored) => {
    if (stored.size !== size) return
    backend.workspace.applyChanges(stored.changes)
    onOtherTabChange?.()
  })

  const worker = setupWorker(...createHandlers(backend))
  await Promise.all([
    // Compared with a literal so that Vite drops the import, and the hooks' chunk, from other builds.
    import.meta.env.VITE_DEMO_TEST_HOOKS === 'true'
      ? import('@/mocks/browser/test-hooks').then(({ installTestHooks }) => installTestHooks(backend))
      : undefined,
    untilEarlyWorkerControls().then(() => worker.start({ onUnhandledRequest: 'bypass', quiet: true })),
  ])
  prepareWhenIdle(backend.workspace)
}

function buildWorkspace(size: number, changes?: WorkspaceChanges): Workspace {
  // A named measure, so the bench can report seeding on its own.
  performance.mark('demo:seed:start')
  const workspace = new Workspace(createSeedWorkspace({ numbers: size }))
  if (changes) workspace.applyChanges(changes)
  performance.measure('demo:seed', 'demo:seed:start')
  return workspace
}

/**
 * The worker registered early (browser/register-worker.ts) may still be installing. msw reloads a
 * page that a registered worker does not control yet, so let it take control first.
 */
async function untilEarlyWorkerControls(): Promise<void> {
  // No service workers here (plain http, or disabled): msw's own start says so in words.
  if (!('serviceWorker' in navigator)) return
  const { serviceWorker } = navigator
  if (serviceWorker.controller) return
  const registration = await serviceWorker.getRegistration()
  const settling = registration?.installing ?? registration?.waiting ?? registration?.active
  // An active worker that does not control the page (a hard reload): msw's reload is the way out.
  if (!settling || settling.state === 'activated') return
  await new Promise<void>((resolve) => {
    serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true })
    // A worker that fails to install never takes control: msw registers again and reports it.
    settling.addEventListener('statechange', () => {
      if (settling.state === 'redundant') resolve()
    })
  })
}

/**
 * The first search of a large workspace would otherwise build its indices while the user waits:
 * build them in idle time instead, a step of a few milliseconds at a time.
 */
function prepareWhenIdle(workspace: Workspace): void {
  const steps = workspace.prepare()
  const step = (deadline: IdleDeadline) => {
    do {
      if (steps.next().done) return
    } while (deadline.timeRemaining() > 8)
    requestIdleCallback(step)
  }
  requestIdleCallback(step)
}

/** `?reset` has done its work once the seed is stored: a reload must not reset again. */
function forgetResetParameter(): void {
  const url = new URL(window.location.href)
  url.searchParams.delete('reset')
  window.history.replaceState(window.history.state, '', url)
}
