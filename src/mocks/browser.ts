import type { BuiltWorkspace } from '@/mocks/browser/backend-messages'
import { backend, demoInputs } from '@/mocks/browser/early-backend'
import {
  ChangesToStore,
  parseStored,
  storageAtStart,
  storeAfterWrites,
  storeWorkspace,
  watchOtherTabs,
  type StoredWorkspace,
} from '@/mocks/browser/persistence'
import { linkServiceWorker } from '@/mocks/browser/service-worker-link'
import { readStoredText } from '@/mocks/browser/stored-text'
import { installTestHooks } from '@/mocks/browser/test-hooks'
import { readDemoSettings } from '@/mocks/demo-settings'

/** The running demo backend, as the boot script (src/main.tsx) uses it. */
export interface RunningDemoBackend {
  /** Settles once the service worker answers the page's requests; rejects when it cannot start. */
  serving: Promise<void>
  /** Calls `listener` after another tab of the demo changed the workspace and this tab's copy took the change in. */
  onOtherTabChange: (listener: () => void) => void
}

/**
 * The demo backend in the browser: the same msw handlers as the tests, run in a Web Worker
 * (browser/backend-host.ts) so that its work never holds the page, and served by the demo's service
 * worker straight from that Web Worker (browser/service-worker-link.ts), over a workspace that
 * survives reloads and is shared with the demo's other tabs (browser/persistence.ts, which runs here:
 * storage belongs to the page). The worker started from the head script (browser/early-backend.ts),
 * which answered the first screen's requests; this stores what it writes, takes in other tabs'
 * changes and serves every other request.
 */
export function startDemoBackend(): RunningDemoBackend {
  const otherTabs = new OtherTabChanges()
  // Stored after the workspace the worker built from the same inputs: at startup the page does not parse
  // the stored text itself (megabytes, with 100,000 changed numbers) unless another tab changed it meanwhile.
  void backend.ready.then((built) => persist(built, otherTabs))
  // Compared with a literal so that Vite folds it, and other builds drop the hooks' code.
  if (import.meta.env.VITE_DEMO_TEST_HOOKS === 'true') installTestHooks(backend.callTestHook)

  backend.onTookInOtherTab(throttled(() => otherTabs.changed(), OTHER_TAB_READ_AGAIN_MS))

  const serving = linkServiceWorker(backend)
  return {
    serving: serving.then(() => backend.ready).then(() => undefined),
    onOtherTabChange: (listener) => otherTabs.listen(listener),
  }
}

/** How often at most another tab's writes (a bulk job's hundred calls) make the page read again. */
const OTHER_TAB_READ_AGAIN_MS = 250

/** `run`, `ms` after the first call of a burst: the calls meanwhile join it. */
function throttled(run: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  return () => {
    timer ??= setTimeout(() => {
      timer = undefined
      run()
    }, ms)
  }
}

/** Stores what this tab writes, and takes in what the demo's other tabs store. */
function persist({ size, keptStored }: BuiltWorkspace, otherTabs: OtherTabChanges): void {
  const toStore = new ChangesToStore()
  const storeSoon = storeAfterWrites(() => storeWorkspace({ size, changes: toStore.take() }))
  backend.onWrote((changes) => {
    toStore.add(changes)
    storeSoon()
  })
  const takeOtherTab = (stored: StoredWorkspace) => {
    if (stored.size !== size) return
    void backend.takeOtherTabChanges(stored.changes).then(() => otherTabs.changed())
  }
  watchOtherTabs(takeOtherTab)
  const storedNow = readStoredText()
  const reset = readDemoSettings(demoInputs.search).reset
  const { replace, takeIn } = storageAtStart({ keptStored, reset, storedSince: storedNow !== demoInputs.stored })
  if (replace) storeWorkspace({ size, changes: toStore.take() }, { replace: true })
  if (reset) forgetResetParameter()
  const other = takeIn ? parseStored(storedNow) : null
  if (other) takeOtherTab(other)
}

/** The app's listeners for other tabs' changes; one taken in before the app listens is told on subscribing. */
class OtherTabChanges {
  private listeners: (() => void)[] = []
  private changedBeforeListening = false

  changed(): void {
    if (this.listeners.length === 0) this.changedBeforeListening = true
    for (const listener of this.listeners) listener()
  }

  listen(listener: () => void): void {
    this.listeners.push(listener)
    if (this.changedBeforeListening) listener()
  }
}

/** `?reset` has done its work once the seed is stored: a reload must not reset again. */
function forgetResetParameter(): void {
  const url = new URL(window.location.href)
  url.searchParams.delete('reset')
  window.history.replaceState(window.history.state, '', url)
}
