/**
 * The demo's service worker (public/demo-service-worker.js), at the root: its scope is the whole app.
 * A module of its own, without side effects: the head script (early-backend.ts) registers it, and the
 * link made after mount (service-worker-link.ts) checks it controls the page, without either importing the other.
 */
export const DEMO_SERVICE_WORKER_URL = '/demo-service-worker.js'
