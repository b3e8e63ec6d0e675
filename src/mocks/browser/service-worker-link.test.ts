import type { BackendConnection } from '@/mocks/browser/backend-connection'
import { DEMO_SERVICE_WORKER_URL } from '@/mocks/browser/demo-service-worker-url'
import { linkServiceWorker } from '@/mocks/browser/service-worker-link'

/**
 * The page's side of the link (the service worker's side is demo-service-worker.test.ts), on a fake
 * `navigator.serviceWorker` whose demo service worker already controls the page.
 */
function controlledPage({ answersConnect }: { answersConnect: boolean }) {
  const container = new EventTarget() as EventTarget & Record<string, unknown>
  const serviceWorker = {
    scriptURL: new URL(DEMO_SERVICE_WORKER_URL, window.location.href).href,
    postMessage: (message: { kind: string }) => {
      if (message.kind === 'connect' && answersConnect) {
        setTimeout(() => container.dispatchEvent(new MessageEvent('message', { data: { kind: 'linked' } })))
      }
    },
  }
  container.controller = serviceWorker
  container.register = () => Promise.resolve({ active: serviceWorker, installing: null, waiting: null })
  vi.stubGlobal('navigator', { serviceWorker: container })
  const backend = { serveOver: vi.fn() }
  return backend as unknown as BackendConnection & { serveOver: typeof backend.serveOver }
}

test('the link settles once the service worker says it holds the port to the backend', async () => {
  const backend = controlledPage({ answersConnect: true })
  await expect(linkServiceWorker(backend, 5_000)).resolves.toBeUndefined()
  expect(backend.serveOver).toHaveBeenCalledTimes(1)
})

test('a service worker that never links is reported in words after the time limit, not waited for forever', async () => {
  const backend = controlledPage({ answersConnect: false })
  await expect(linkServiceWorker(backend, 50)).rejects.toThrow(
    'The demo’s service worker did not start within 50 ms, so the demo backend cannot answer. Reload the page',
  )
})
