import type { BackendConnection } from '@/mocks/browser/backend-connection'
import { DEMO_SERVICE_WORKER_URL } from '@/mocks/browser/demo-service-worker-url'
import { formatDuration } from '@/lib/format-duration'

/** Linking takes well under a second; past this the page stops waiting and says so (its requests wait on it). */
const LINK_TIME_LIMIT_MS = 20_000

/**
 * Links the demo's service worker to this tab's demo backend: a MessageChannel with one end in the
 * backend's Web Worker and the other in the service worker, so that the page's requests are answered
 * without passing through the page's main thread. Settles once the demo's service worker controls
 * the page and says it holds the link; rejects, in words, where it cannot.
 *
 * A service worker forgets its links when the browser stops it while idle, and asks again
 * (`connect-please`); a new one (an update) gets a link when it takes control.
 */
export function linkServiceWorker(backend: BackendConnection, timeLimitMs = LINK_TIME_LIMIT_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `The demo’s service worker did not start within ${formatDuration(timeLimitMs)}, so the demo backend cannot answer. Reload the page; if that does not help, close the demo’s other tabs first.`,
          ),
        ),
      timeLimitMs,
    )
    link(backend)
      .then(resolve, reject)
      .finally(() => clearTimeout(timer))
  })
}

async function link(backend: BackendConnection): Promise<void> {
  if (!('serviceWorker' in navigator)) {
    throw new Error(
      'This browser gives this page no service workers (they need https:// or localhost), so the demo backend cannot answer it.',
    )
  }
  const container = navigator.serviceWorker
  const connect = (serviceWorker: ServiceWorker) => {
    const channel = new MessageChannel()
    backend.serveOver(channel.port1)
    serviceWorker.postMessage({ kind: 'connect' }, [channel.port2])
  }
  let markLinked = () => {}
  const linked = new Promise<void>((resolve) => (markLinked = resolve))
  // Added before the first link: the service worker's `linked` (and any `connect-please`) come after it.
  container.addEventListener('message', (event: MessageEvent<{ kind?: string } | null>) => {
    if (event.data?.kind === 'linked') markLinked()
    if (event.data?.kind === 'connect-please' && event.source instanceof ServiceWorker) connect(event.source)
  })
  // Registered by the head script already (browser/early-backend.ts): this finds that registration.
  const registration = await container.register(DEMO_SERVICE_WORKER_URL)
  connect(await untilControlled(registration))
  container.addEventListener('controllerchange', () => {
    if (container.controller) connect(container.controller)
  })
  await linked
}

/**
 * The demo's service worker, once it controls this page: it claims every tab when it activates, and
 * on request. Another service worker in control (msw's, of an earlier version of the demo) is not it.
 */
async function untilControlled(registration: ServiceWorkerRegistration): Promise<ServiceWorker> {
  const container = navigator.serviceWorker
  const script = new URL(DEMO_SERVICE_WORKER_URL, window.location.href).href
  const failed = installFails(registration, script)
  // Awaited only while the page is not controlled yet.
  failed.catch(() => undefined)
  for (;;) {
    const controller = container.controller
    if (controller?.scriptURL === script) return controller
    const changed = new Promise((resolve) => container.addEventListener('controllerchange', resolve, { once: true }))
    // Active, yet not in control: a hard reload loads the page past it. Ask it to take the page.
    if (registration.active?.scriptURL === script) registration.active.postMessage({ kind: 'claim' })
    await Promise.race([changed, failed])
  }
}

/** Rejects once no install of the demo's service worker is under way and none is active. */
function installFails(registration: ServiceWorkerRegistration, script: string): Promise<never> {
  return new Promise((_, reject) => {
    const watch = () => {
      const settling = registration.installing ?? registration.waiting
      if (settling) {
        settling.addEventListener('statechange', () => {
          if (settling.state === 'redundant') watch()
        })
      } else if (registration.active?.scriptURL !== script) {
        reject(new Error('The demo’s service worker failed to install, so the demo backend cannot answer.'))
      }
    }
    watch()
  })
}
