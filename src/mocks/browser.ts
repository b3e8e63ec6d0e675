import { http, type HttpHandler } from 'msw'
import { setupWorker } from 'msw/browser'
import { connectBackend, type BackendConnection } from '@/mocks/browser/backend-connection'
import {
  ChangesToStore,
  readStoredWorkspace,
  storeAfterWrites,
  storeWorkspace,
  watchOtherTabs,
} from '@/mocks/browser/persistence'
import { backendWorker } from '@/mocks/browser/register-worker'
import { installTestHooks } from '@/mocks/browser/test-hooks'
import { readDemoSettings } from '@/mocks/demo-settings'
import { DEFAULT_NUMBER_COUNT } from '@/mocks/seed'

/** The running demo backend, as the boot script (src/main.tsx) uses it. */
export interface RunningDemoBackend {
  /**
   * Answers a request without the service worker, from the same backend: the first screen's
   * requests do not wait for the service worker to install.
   */
  answerInPage: (url: string, init: RequestInit) => Promise<Response>
  /** Settles once the service worker answers the page's requests; rejects when it cannot start. */
  serving: Promise<void>
  /** Calls `listener` after another tab of the demo changed the workspace and this tab's copy took the change in. */
  onOtherTabChange: (listener: () => void) => void
}

/**
 * The demo backend in the browser: the same handlers as the tests, run in a Web Worker
 * (browser/backend-host.ts) so that its work never holds the page, and served through msw's service
 * worker, over a workspace that survives reloads and is shared with the demo's other tabs
 * (browser/persistence.ts, which runs here: storage belongs to the page).
 */
export function startDemoBackend(): RunningDemoBackend {
  const settings = readDemoSettings(window.location.search)
  const stored = readStoredWorkspace()
  const size = settings.numbers ?? stored?.size ?? DEFAULT_NUMBER_COUNT
  const keep = stored && stored.size === size && !settings.reset ? stored.changes : undefined
  if (settings.reset) forgetResetParameter()

  const toStore = new ChangesToStore(keep)
  const storeSoon = storeAfterWrites(() => storeWorkspace({ size, changes: toStore.take() }))
  const backend = connectBackend(
    backendWorker,
    {
      size,
      changes: keep,
      latencyMs: settings.latencyMs,
      faults: settings.faults,
      // Each tab numbers the events it records; its own tag keeps two tabs from giving two events one id.
      eventIdTag: `_${Math.random().toString(36).slice(2, 6)}`,
    },
    (changes) => {
      toStore.add(changes)
      storeSoon()
    },
  )
  storeWorkspace({ size, changes: toStore.take() }, { replace: keep === undefined })
  const otherTabListeners: (() => void)[] = []
  // A change taken in before the app listens (it may already hold answers read before it): told on subscribing.
  let changedBeforeListening = false
  watchOtherTabs((stored) => {
    if (stored.size !== size) return
    void backend.takeOtherTabChanges(stored.changes).then(() => {
      if (otherTabListeners.length === 0) changedBeforeListening = true
      for (const listener of otherTabListeners) listener()
    })
  })
  // Compared with a literal so that Vite folds it, and other builds drop the hooks' code.
  if (import.meta.env.VITE_DEMO_TEST_HOOKS === 'true') installTestHooks(backend.callTestHook)

  const worker = setupWorker(forwardTo(backend))
  const serving = untilEarlyWorkerControls().then(() => worker.start({ onUnhandledRequest: 'bypass', quiet: true }))
  return {
    answerInPage: (url, init) => answerInPage(backend, new Request(url, init)),
    serving: serving.then(() => backend.ready),
    onOtherTabChange: (listener) => {
      otherTabListeners.push(listener)
      if (changedBeforeListening) listener()
    },
  }
}

/** Every API request, answered by the backend's worker; what no handler there takes goes to the network. */
function forwardTo(backend: BackendConnection): HttpHandler {
  return http.all('*/v1/*', async ({ request }) => (await backend.answer(request)) ?? undefined)
}

/** What the service worker would answer, answered here; a request no handler takes fails as a lost connection would. */
async function answerInPage(backend: BackendConnection, request: Request): Promise<Response> {
  const response = await backend.answer(request)
  // msw's HttpResponse.error() (the `network` fault) is a network failure for fetch: reject as fetch does.
  if (!response || response.type === 'error') throw new TypeError('Failed to fetch')
  return response
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

/** `?reset` has done its work once the seed is stored: a reload must not reset again. */
function forgetResetParameter(): void {
  const url = new URL(window.location.href)
  url.searchParams.delete('reset')
  window.history.replaceState(window.history.state, '', url)
}
