import { connectBackend } from '@/mocks/browser/backend-connection'
import type { DemoInputs } from '@/mocks/browser/demo-start'
import { DEMO_SERVICE_WORKER_URL } from '@/mocks/browser/demo-service-worker-url'
import { readStoredText } from '@/mocks/browser/stored-text'

/**
 * Demo builds run this from its own script in the page's head (vite.config.ts), so the demo backend
 * is up by the time the boot script (src/main.tsx) asks for the first screen:
 * - the demo's service worker installs and activates meanwhile (startDemoBackend in
 *   src/mocks/browser.ts then links it to the worker, and it answers every later request);
 * - the backend's Web Worker starts at once from the page's URL and this browser's stored workspace,
 *   read here as they are (the worker makes sense of them: browser/demo-start.ts), and builds the
 *   workspace while the app's scripts download and compile;
 * - `answerInPage` answers the first screen's requests from that worker, before the service worker
 *   controls the page.
 * It imports only the connection (no msw, no zod): it must stay a small chunk of its own.
 */

// First of all: the worker's thread, its script and its workspace take longer than anything else here.
const worker = new Worker(new URL('./backend-worker.ts', import.meta.url), { type: 'module', name: 'demo-backend' })

/** What the demo started from; browser.ts stores and watches from the same. */
export const demoInputs: DemoInputs = { search: window.location.search, stored: readStoredText() }

export const backend = connectBackend(worker, {
  inputs: demoInputs,
  // Each tab numbers the events it records; its own tag keeps two tabs from giving two events one id.
  eventIdTag: `_${Math.random().toString(36).slice(2, 6)}`,
})

/** What the service worker would answer, answered here; a request no handler takes fails as a lost connection would. */
export async function answerInPage(url: string, init: RequestInit): Promise<Response> {
  const response = await backend.answer(new Request(url, init))
  // msw's HttpResponse.error() (the `network` fault) is a network failure for fetch: reject as fetch does.
  if (!response || response.type === 'error') throw new TypeError('Failed to fetch')
  return response
}

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register(DEMO_SERVICE_WORKER_URL).catch(() => {
    // startDemoBackend registers again and reports why it cannot.
  })
}
