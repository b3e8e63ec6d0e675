// First: configures zod before the demo backend parses anything with it.
import '@/lib/zod-config'
import { getResponse } from 'msw'
import { setupWorker } from 'msw/browser'
import { readStoredWorkspace, storeAfterWrites, storeWorkspace, watchOtherTabs } from '@/mocks/browser/persistence'
import { installTestHooks } from '@/mocks/browser/test-hooks'
import { readDemoSettings } from '@/mocks/demo-settings'
import { FaultInjector } from '@/mocks/faults'
import { createHandlers, type DemoBackend } from '@/mocks/handlers'
import { createSeedWorkspace, DEFAULT_NUMBER_COUNT } from '@/mocks/seed'
import { Workspace, type WorkspaceChanges } from '@/mocks/workspace'

/** The running demo backend, as the boot script (src/main.tsx) uses it. */
export interface RunningDemoBackend {
  /**
   * Answers a request in the page with the same handlers, over the same workspace: the first
   * screen's requests do not wait for the service worker to install.
   */
  answerInPage: (url: string, init: RequestInit) => Promise<Response>
  /** Settles once the service worker answers the page's requests; rejects when it cannot start. */
  serving: Promise<void>
  /** Calls `listener` after another tab of the demo changed the workspace and this tab's copy took the change in. */
  onOtherTabChange: (listener: () => void) => void
}

/**
 * The demo backend in the browser: the same handlers as the tests, served by msw's service worker,
 * over a workspace that survives reloads and is shared with the demo's other tabs (browser/persistence.ts).
 */
export function startDemoBackend(): RunningDemoBackend {
  const settings = readDemoSettings(window.location.search)
  const stored = readStoredWorkspace()
  const size = settings.numbers ?? stored?.size ?? DEFAULT_NUMBER_COUNT
  const keep = stored && stored.size === size && !settings.reset ? stored.changes : undefined
  if (settings.reset) forgetResetParameter()

  const storeSoon = storeAfterWrites(() => storeWorkspace({ size, changes: backend.workspace.changes() }))
  const backend: DemoBackend = {
    workspace: buildWorkspace(size, keep),
    latencyMs: settings.latencyMs,
    faults: settings.faults ? new FaultInjector(settings.faults) : null,
    onWrite: storeSoon,
  }
  storeWorkspace({ size, changes: backend.workspace.changes() }, { replace: keep === undefined })
  const otherTabListeners: (() => void)[] = []
  watchOtherTabs((stored) => {
    if (stored.size !== size) return
    backend.workspace.applyChanges(stored.changes)
    for (const listener of otherTabListeners) listener()
  })
  // Compared with a literal so that Vite folds it, and other builds drop the hooks' code.
  if (import.meta.env.VITE_DEMO_TEST_HOOKS === 'true') installTestHooks(backend)

  const handlers = createHandlers(backend)
  const worker = setupWorker(...handlers)
  const serving = untilEarlyWorkerControls()
    .then(() => worker.start({ onUnhandledRequest: 'bypass', quiet: true }))
    .then(() => prepareWhenIdle(backend.workspace))
  return {
    answerInPage: (url, init) => answerInPage(handlers, new Request(url, init)),
    serving,
    onOtherTabChange: (listener) => otherTabListeners.push(listener),
  }
}

/** What the service worker would answer, answered here; a request no handler takes fails as a lost connection would. */
async function answerInPage(handlers: ReturnType<typeof createHandlers>, request: Request): Promise<Response> {
  const response = await getResponse(handlers, request)
  // msw's HttpResponse.error() (the `network` fault) is a network failure for fetch: reject as fetch does.
  if (!response || response.type === 'error') throw new TypeError('Failed to fetch')
  return response
}

function buildWorkspace(size: number, changes?: WorkspaceChanges): Workspace {
  // A named measure, so the bench can report seeding on its own.
  performance.mark('demo:seed:start')
  // Each tab numbers the events it records; its own tag keeps two tabs from giving two events one id.
  const eventIdTag = `_${Math.random().toString(36).slice(2, 6)}`
  const workspace = new Workspace(createSeedWorkspace({ numbers: size }), undefined, { eventIdTag })
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
