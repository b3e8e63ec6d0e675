/**
 * Demo builds run this from its own script in the page's head (vite.config.ts): the mock service
 * worker downloads, installs and activates while the app's scripts download and compile, instead of
 * after them. startDemoBackend (src/mocks/browser.ts) then finds it active. No imports: this file
 * must stay a chunk of its own, a few hundred bytes.
 */
if ('serviceWorker' in navigator) {
  // msw's default worker URL, as startDemoBackend uses it.
  navigator.serviceWorker.register('/mockServiceWorker.js').catch(() => {
    // startDemoBackend registers again and reports why it cannot.
  })
}
