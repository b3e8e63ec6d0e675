/**
 * Demo builds run this from its own script in the page's head (vite.config.ts), so both of the demo
 * backend's workers start while the app's scripts download and compile, instead of after them:
 * msw's service worker installs and activates (startDemoBackend in src/mocks/browser.ts then finds it
 * active), and the backend's Web Worker downloads, compiles and waits for its `start`. browser.ts
 * imports `backendWorker` from here: the same module, so the same Worker. No other imports: this file
 * must stay a chunk of its own, a few hundred bytes.
 */
if ('serviceWorker' in navigator) {
  // msw's default worker URL, as startDemoBackend uses it.
  navigator.serviceWorker.register('/mockServiceWorker.js').catch(() => {
    // startDemoBackend registers again and reports why it cannot.
  })
}

export const backendWorker = new Worker(new URL('./backend-worker.ts', import.meta.url), {
  type: 'module',
  name: 'demo-backend',
})
