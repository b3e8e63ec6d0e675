import type { BackendConnection } from '@/mocks/browser/backend-connection'

/** The demo's service worker (public/demo-service-worker.js), at the root: its scope is the whole app. */
export const DEMO_SERVICE_WORKER_URL = '/demo-service-worker.js'

/**
 * Links the demo's service worker to this tab's demo backend: a MessageChannel with one end in the
 * backend's Web Worker and the other in the service worker, so that the page's requests are answered
 * without passing through the page's main thread. Settles once the service worker controls the page
 * and holds the link; rejects, in words, where there are no service workers.
 *
 * The service worker forgets its links when the browser stops it while idle, and asks again
 * (`connect-please`); a new service worker (an update) gets a link when it takes control.
 */
export async function linkServiceWorker(backend: BackendConnection): Promise<void> {
  if (!('serviceWorker' in navigator)) {
    throw new Error(
      'This browser gives this page no service workers (they need https:// or localhost, and no private window restrictions), so the demo backend cannot answer it.',
    )
  }
  const container = navigator.serviceWorker
  const link = () => {
    const controller = container.controller
    if (!controller) return
    const channel = new MessageChannel()
    backend.serveOver(channel.port1)
    controller.postMessage({ kind: 'connect' }, [channel.port2])
  }
  container.addEventListener('message', (event: MessageEvent<{ kind?: string } | null>) => {
    if (event.data?.kind === 'connect-please') link()
  })
  // Messages from the service worker wait until this: the listener above is in place.
  container.startMessages()
  // Registered by the head script already (browser/early-backend.ts): this finds that registration.
  const registration = await container.register(DEMO_SERVICE_WORKER_URL)
  await untilControlled(registration)
  link()
  container.addEventListener('controllerchange', link)
}

/** Until the service worker controls this page: it claims every tab once active, and on request. */
async function untilControlled(registration: ServiceWorkerRegistration): Promise<void> {
  const container = navigator.serviceWorker
  if (container.controller) return
  const controlled = new Promise<void>((resolve) =>
    container.addEventListener('controllerchange', () => resolve(), { once: true }),
  )
  // Active, yet not in control: a hard reload loads the page past it. Ask it to take the page.
  registration.active?.postMessage({ kind: 'claim' })
  const settling = registration.installing ?? registration.waiting
  const failed = new Promise<never>((_, reject) =>
    settling?.addEventListener('statechange', () => {
      if (settling.state === 'redundant')
        reject(new Error('The demo’s service worker failed to install, so the demo backend cannot answer.'))
    }),
  )
  await Promise.race([controlled, failed])
}
