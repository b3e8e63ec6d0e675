/**
 * msw's core refuses to load where `localStorage` is undefined (it keeps mocked cookies there), and
 * a Web Worker has none. The demo backend sets no cookies: an empty stand-in, whose missing methods
 * msw reads as "nothing stored, store nothing". Imported before msw (browser/backend-worker.ts).
 */
if (typeof localStorage === 'undefined') {
  Object.defineProperty(globalThis, 'localStorage', { value: {}, configurable: true })
}
